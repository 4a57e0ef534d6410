/**
 * schema.org JSON-LD for a service page (`Service` with its provider, channels, places and hours),
 * embedded by `jsonForScript` (src/lib/security/escape.ts) in src/components/service/ServiceJsonLd.astro.
 * Only facts in the record are stated; absent fields are left out, never filled.
 */
import type { Schedule, Service } from '../schema/service.ts';
import { phoneLinks } from '../service-page/links.ts';

const DAY_NAMES = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
} as const;

export interface JsonLdContext {
  /** Absolute URL of the page. */
  pageUrl: string;
  /** Category labels in the page's language (`serviceType`). */
  categoryLabels: readonly string[];
  /** Names of the neighbourhoods the locations are in (`areaServed`). */
  areaNames: readonly string[];
}

interface JsonObject {
  [key: string]: JsonValue;
}
type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** schema.org OpeningHoursSpecification; an overnight range keeps `closes` < `opens` (schema.org: spans into the next day). */
export function openingHoursSpecification(schedules: readonly Schedule[]): JsonObject[] {
  return schedules.map((s) => {
    const allDay = s.opensAt === s.closesAt || (s.opensAt === '00:00' && s.closesAt === '24:00');
    return {
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: s.byDay.map((d) => `https://schema.org/${DAY_NAMES[d]}`),
      // schema.org recommends 00:00–23:59 for a whole day.
      opens: allDay ? '00:00' : s.opensAt,
      closes: allDay ? '23:59' : s.closesAt === '24:00' ? '23:59' : s.closesAt,
      ...(s.validFrom ? { validFrom: s.validFrom } : {}),
      ...(s.validTo ? { validThrough: s.validTo } : {}),
    };
  });
}

/** The `Service` object for one record. */
export function serviceJsonLd(service: Service, ctx: JsonLdContext): JsonObject {
  const telephones = (service.phones ?? []).flatMap((p) => phoneLinks(p.number)).map((l) => l.dial);
  const places: JsonObject[] = service.locations.map((loc) => {
    const a = loc.address;
    return {
      '@type': 'Place',
      ...(loc.name ? { name: loc.name } : {}),
      address: {
        '@type': 'PostalAddress',
        ...(a.line1 ? { streetAddress: [a.line1, a.line2].filter(Boolean).join(', ') } : {}),
        ...(a.city ? { addressLocality: a.city } : {}),
        ...(a.province ? { addressRegion: a.province } : {}),
        ...(a.postalCode ? { postalCode: a.postalCode } : {}),
        addressCountry: a.country,
      },
      geo: { '@type': 'GeoCoordinates', latitude: loc.lat, longitude: loc.lon },
      ...(telephones[0] ? { telephone: telephones[0] } : {}),
    };
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    '@id': `${ctx.pageUrl}#service`,
    name: service.name,
    ...(service.alternateName ? { alternateName: service.alternateName } : {}),
    ...(service.description ? { description: service.description } : {}),
    url: ctx.pageUrl,
    identifier: service.id,
    ...(service.organization ? { provider: { '@type': 'Organization', name: service.organization.name } } : {}),
    serviceType: [...ctx.categoryLabels],
    ...(ctx.areaNames.length > 0
      ? { areaServed: ctx.areaNames.map((name): JsonObject => ({ '@type': 'Place', name })) }
      : {}),
    ...(service.languages ? { availableLanguage: [...service.languages] } : {}),
    ...(service.schedules ? { hoursAvailable: openingHoursSpecification(service.schedules) } : {}),
    ...(service.cost?.free === true ? { isAccessibleForFree: true } : {}),
    availableChannel: {
      '@type': 'ServiceChannel',
      ...(service.url ? { serviceUrl: service.url } : {}),
      ...(telephones.length > 0
        ? { servicePhone: telephones.map((telephone): JsonObject => ({ '@type': 'ContactPoint', telephone })) }
        : {}),
      serviceLocation: places.length === 1 ? (places[0] as JsonObject) : places,
    },
    ...(service.url ? { sameAs: service.url } : {}),
  };
}
