/**
 * The HSDS export against the official Open Referral HSDS 3.0 compiled schemas (vendored in
 * vendor/hsds-3.0, release 3.0.1), with ajv and formats on: every service of the Toronto demo
 * and the API page that wraps them must validate with no error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { checkHsdsService, checkHsdsServicePage, hsdsChecker } from '../../../src/lib/ingest/hsds-schema.ts';
import compiledService from '../../../vendor/hsds-3.0/schema/compiled/service.json' with { type: 'json' };
import { parseAddressLine, formatAddressLine } from '../../../src/lib/ingest/address.ts';
import {
  hsdsApiRoot,
  hsdsContext,
  hsdsServicePage,
  splitExtension,
  toHsds,
  type HsdsService,
} from '../../../src/lib/export/hsds.ts';
import { isUuid, URL_NAMESPACE, uuidV5 } from '../../../src/lib/uuid.ts';
import en from '../../../src/i18n/strings/en.json' with { type: 'json' };
import { readerFor, ROOT } from '../ingest/helpers.ts';

describe('HSDS 3.0 export validates against the official schema', () => {
  it(
    'Toronto demo: every service is valid, with UUIDs, date-times, split addresses and extensions',
    { timeout: 120_000 },
    async () => {
      const dir = join(ROOT, 'demo/toronto');
      const config = await loadSiteConfig(join(dir, 'site.config.ts'));
      const { services } = runPipeline(config, readerFor(dir));
      const hsds = toHsds(hsdsContext(config.siteUrl, 'Toronto', en), services);
      expect(hsds).toHaveLength(services.length);
      expect(services.length).toBeGreaterThan(4000);
      // The official compiled schema, as the specification's CI checks its examples…
      const checkCompiled = hsdsChecker(compiledService);
      expect(hsds.flatMap((s) => checkCompiled(s).map((p) => `${s.id} ${p.field}: ${p.reason}`)).slice(0, 10)).toEqual(
        [],
      );
      // …and the per-table schemas the importer uses.
      expect(
        hsds.flatMap((s) => checkHsdsService(s).map((p) => `${s.id} ${p.field}: ${p.reason}`)).slice(0, 10),
      ).toEqual([]);
      expect(checkHsdsServicePage(hsdsServicePage(hsds))).toEqual([]);

      // Ids are unique UUIDs and stable: a second run gives the same ones.
      const ids = hsds.flatMap((s) => [
        s.id,
        ...s.service_at_locations.flatMap((l) => [l.id, l.location.id]),
        ...(s.phones ?? []).map((p) => p.id),
        ...s.attributes.map((a) => a.id),
      ]);
      expect(ids.every(isUuid)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(toHsds(hsdsContext(config.siteUrl, 'Toronto', en), services).map((s) => s.id)).toEqual(
        hsds.map((s) => s.id),
      );

      const settlement = hsds.find(
        (s) => s.name === 'TNO - The Neighbourhood Organization, Flemingdon Park Office',
      ) as HsdsService;
      expect(settlement.service_at_locations[0]?.location.addresses[0]).toMatchObject({
        address_1: '10 Gateway Blvd',
        address_2: 'Suite 104',
        city: 'Toronto',
        state_province: 'ON',
        postal_code: 'M3C 3A1',
        country: 'CA',
      });
      expect(
        hsds
          .filter((s) => s.last_modified !== undefined)
          .every((s) => /^\d{4}-\d{2}-\d{2}T00:00:00Z$/.test(s.last_modified ?? '')),
      ).toBe(true);
      expect(hsds.some((s) => s.last_modified !== undefined)).toBe(true);
      const phones = hsds.flatMap((s) => s.phones ?? []);
      expect(phones.some((p) => p.extension !== undefined)).toBe(true);
      expect(phones.filter((p) => /ext/i.test(p.number))).toEqual([]);
      // No address without its required parts: those stay a one-line description, never empty strings.
      const bare = hsds
        .flatMap((s) => s.service_at_locations.map((l) => l.location))
        .filter((l) => l.addresses.length === 0);
      expect(bare.every((l) => (l.description ?? '').length > 0)).toBe(true);
      expect(JSON.stringify(hsds)).not.toMatch(/:null|:""/);
      // Terms have human-readable names and descriptions; attributes say what they link.
      const term = hsds.flatMap((s) => s.attributes).find((a) => a.taxonomy_term.code === 'community_recreation');
      expect(term).toMatchObject({
        link_entity: 'service',
        link_type: 'service_category',
        taxonomy_term: { name: 'Community centres', description: 'Community and recreation centres.' },
      });
      expect(term?.taxonomy_term_id).toBe(term?.taxonomy_term.id);
    },
  );

  it('the API root names the HSDS version and profile', () => {
    expect(hsdsApiRoot()).toMatchObject({ version: '3.0', profile: expect.stringMatching(/^https:\/\//) });
  });

  it('reports what is wrong, field by field', () => {
    const problems = checkHsdsService({
      id: 'cc-100',
      name: 'X',
      status: 'open',
      last_modified: '2022-04-26',
      phones: [{ id: uuidV5('p', URL_NAMESPACE) }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'id', reason: 'must be a uuid (HSDS 3.0)' },
        { field: 'status', reason: expect.stringContaining('must be one of "active"') },
        { field: 'last_modified', reason: 'must be a date-time (HSDS 3.0)' },
        { field: 'phones[0].number', reason: 'is missing (required by HSDS 3.0)' },
      ]),
    );
  });
});

describe('UUID version 5', () => {
  it('matches the RFC 9562 name-based algorithm', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5('https://toronto-lip.example.org', URL_NAMESPACE)).toBe('a1ae7d94-4c86-50cc-a317-8beecb05ba3c');
    expect(isUuid('cc-100')).toBe(false);
  });
});

describe('one-line Canadian addresses', () => {
  it('splits street, unit, city, province and postal code', () => {
    expect(parseAddressLine('10 Gateway Blvd, Suite 104, Toronto, ON M3C 3A1')).toEqual({
      line1: '10 Gateway Blvd',
      line2: 'Suite 104',
      city: 'Toronto',
      province: 'ON',
      postalCode: 'M3C 3A1',
    });
    expect(parseAddressLine('100 Lippincott St, Toronto, ON m5s2p1')).toEqual({
      line1: '100 Lippincott St',
      city: 'Toronto',
      province: 'ON',
      postalCode: 'M5S 2P1',
    });
    // A postal code without a province names its province.
    expect(parseAddressLine('2737 Keele St, Unit 9, Toronto M3M 2E9')).toEqual({
      line1: '2737 Keele St',
      line2: 'Unit 9',
      city: 'Toronto',
      province: 'ON',
      postalCode: 'M3M 2E9',
    });
    expect(parseAddressLine('79 Lawlor Ave, Toronto, ON')).toEqual({
      line1: '79 Lawlor Ave',
      city: 'Toronto',
      province: 'ON',
    });
  });

  it('leaves text it does not understand alone', () => {
    expect(parseAddressLine('100 Lippincott St')).toBeUndefined();
    expect(parseAddressLine('100 Lippincott St, Unit 2')).toBeUndefined();
    expect(parseAddressLine('1 Main St, Toronto, ON Z9Z 9Z9')).toBeUndefined();
    expect(parseAddressLine('Toronto, ON')).toBeUndefined();
  });

  it('formats back to what it parses', () => {
    const parts = { line1: '1 Main St', line2: 'Unit 2', city: 'Toronto', province: 'ON', postalCode: 'M5V 1A1' };
    expect(parseAddressLine(formatAddressLine(parts))).toEqual(parts);
  });
});

describe('phone extensions', () => {
  it('go into HSDS extension', () => {
    expect(splitExtension('416-969-8510 ext. 3059')).toEqual({ number: '416-969-8510', extension: 3059 });
    expect(splitExtension('416-969-8510')).toEqual({ number: '416-969-8510' });
    expect(splitExtension('+44 20 7946 0000 ext. 012')).toEqual({ number: '+44 20 7946 0000 ext. 012' });
  });
});
