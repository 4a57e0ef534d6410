/**
 * The site's own CSV downloads: `/data/services.csv` (one row per service location) and the
 * areas table, written by the one CSV writer (`src/lib/csv/write.ts`, formulas guarded).
 */
import { csvDocument } from '../csv/write.ts';
import type { Area } from '../schema/area.ts';
import type { Service } from '../schema/service.ts';

/** Columns of `/data/services.csv`, one row per service location. */
export const SERVICE_CSV_HEADER = [
  'service_id',
  'location_id',
  'name',
  'alternate_name',
  'organization',
  'categories',
  'subcategories',
  'audiences',
  'languages',
  'location_name',
  'address_1',
  'address_2',
  'city',
  'province',
  'postal_code',
  'country',
  'latitude',
  'longitude',
  'area_id',
  'phones',
  'email',
  'url',
  'free',
  'fees_description',
  'eligibility_description',
  'schedules',
  'accessibility',
  'assured_date',
  'last_modified',
  'description',
  'source_publisher',
  'source_licence',
  'source_licence_url',
  'source_date',
] as const;

const list = (values: readonly string[] | undefined) => (values === undefined ? undefined : values.join(';'));

/** `MO,TU,WE 09:00-17:00; SA 10:00-14:00` (the HSDS byday codes and HH:MM times). */
export function schedulesText(s: Service): string | undefined {
  return s.schedules
    ?.map((x) => `${x.byDay.join(',')} ${x.opensAt}-${x.closesAt}${x.description ? ` (${x.description})` : ''}`)
    .join('; ');
}

/** Services as CSV: one row per location, so every row has one point; empty cell = not known. */
export function servicesCsv(services: readonly Service[]): string {
  const rows = services.flatMap((s) =>
    s.locations.map((l) => [
      s.id,
      l.id,
      s.name,
      s.alternateName,
      s.organization?.name,
      list(s.categories),
      list(s.subcategories),
      list(s.audiences),
      list(s.languages),
      l.name,
      l.address.line1,
      l.address.line2,
      l.address.city,
      l.address.province,
      l.address.postalCode,
      l.address.country,
      l.lat,
      l.lon,
      l.areaId,
      s.phones?.map((p) => p.number).join(';'),
      s.email,
      s.url,
      s.cost?.free,
      s.cost?.description,
      s.eligibilityDescription,
      schedulesText(s),
      s.accessibility,
      s.assuredDate,
      s.lastModified,
      s.description,
      s.source.publisher,
      s.source.licence,
      s.source.licenceUrl,
      s.source.dataDate,
    ]),
  );
  return csvDocument(SERVICE_CSV_HEADER, rows);
}

/** Areas as CSV: id, name, classification and the configured indicator counts (empty = not known). */
export function areasCsv(areas: readonly Area[], indicatorIds: readonly string[], censusYear: number): string {
  const header = ['area_id', 'area_name', 'classification', ...indicatorIds, 'census_year'];
  const rows = areas.map((a) => [
    a.id,
    a.name,
    a.classification,
    ...indicatorIds.map((id) => a.indicators[id] ?? null),
    censusYear,
  ]);
  return csvDocument(header, rows);
}
