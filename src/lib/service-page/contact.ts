/**
 * Another way to reach a service that lists no phone: the other records of the same
 * organisation that do list contact details (211 names sites "COSTI Immigrant Services, North
 * York Centre"; the organisation's other sites often have a phone or a website).
 */
import type { Service } from '../schema/service.ts';

/** The organisation's name (or the part of the record's name before the first comma), lower-cased; undefined when there is none. */
export function organisationKey(service: Pick<Service, 'name' | 'organization'>): string | undefined {
  const named = service.organization?.name ?? (service.name.includes(',') ? service.name.split(',')[0] : undefined);
  const key = named?.trim().toLowerCase();
  return key ? key : undefined;
}

export interface OrganisationContact {
  slug: string;
  name: string;
  phone?: string;
  url?: string;
  email?: string;
}

/** Builds the lookup once for all services; the returned function lists up to `max` other records of a service's organisation with a phone, website or email. */
export function organisationContacts(
  services: readonly Service[],
  max = 3,
): (service: Service) => OrganisationContact[] {
  const byOrg = new Map<string, Service[]>();
  for (const s of services) {
    const key = organisationKey(s);
    if (key && (s.phones || s.url || s.email)) byOrg.set(key, [...(byOrg.get(key) ?? []), s]);
  }
  return (service) => {
    const key = organisationKey(service);
    const others = (key ? (byOrg.get(key) ?? []) : []).filter((s) => s.id !== service.id);
    const seen = new Set<string>();
    const contacts: OrganisationContact[] = [];
    for (const s of others) {
      const phone = s.phones?.[0]?.number;
      const id = phone ?? s.url ?? s.email ?? '';
      if (seen.has(id)) continue;
      seen.add(id);
      contacts.push({
        slug: s.slug,
        name: s.name,
        ...(phone ? { phone } : {}),
        ...(s.url ? { url: s.url } : {}),
        ...(s.email ? { email: s.email } : {}),
      });
      if (contacts.length === max) break;
    }
    return contacts;
  };
}
