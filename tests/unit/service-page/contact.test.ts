import { describe, expect, it } from 'vitest';
import { organisationContacts, organisationKey } from '../../../src/lib/service-page/contact.ts';
import type { Service } from '../../../src/lib/schema/service.ts';

const source = { layer: 't', file: 't.geojson', recordId: '1', publisher: 'Test', licence: 'Test licence' };
const loc = { id: 'l', address: { line1: '1 Main St', country: 'CA' as const }, lon: -79.4, lat: 43.65, areaId: 'A' };
const service = (id: string, name: string, extra: Partial<Service> = {}): Service => ({
  id,
  slug: id,
  name,
  categories: ['settlement'],
  subcategories: [],
  locations: [loc],
  source,
  ...extra,
});

describe('organisation contacts for a service without a phone', () => {
  const all = [
    service('a', 'COSTI Immigrant Services, North York Centre'),
    service('b', 'COSTI Immigrant Services, Main Office', {
      phones: [{ number: '416-658-1600' }],
      url: 'https://www.costi.org/',
    }),
    service('c', 'costi immigrant services, Vaughan', { phones: [{ number: '416-658-1600' }] }),
    service('d', 'Other Agency, East', { email: 'info@example.org' }),
    service('e', 'Lonely Place'),
  ];
  const contactsOf = organisationContacts(all);

  it('takes the organisation from the record, else from the name before the first comma', () => {
    expect(organisationKey(all[0] as Service)).toBe('costi immigrant services');
    expect(organisationKey({ name: 'Albion', organization: { name: 'Toronto Public Library' } })).toBe(
      'toronto public library',
    );
    expect(organisationKey({ name: 'Lonely Place' })).toBeUndefined();
  });

  it('lists other records of the organisation with contact details, one per phone', () => {
    expect(contactsOf(all[0] as Service)).toEqual([
      {
        slug: 'b',
        name: 'COSTI Immigrant Services, Main Office',
        phone: '416-658-1600',
        url: 'https://www.costi.org/',
      },
    ]);
  });

  it('lists nothing when no other record of the organisation has any (the page then shows the referral line)', () => {
    expect(contactsOf(all[4] as Service)).toEqual([]);
    expect(contactsOf(all[3] as Service)).toEqual([]);
  });
});
