/**
 * CSV downloads (RFC 4180, CRLF line ends, a header row), shared by every CSV the site
 * publishes (`/data/*.csv`, fact sheets, the dashboard): the spreadsheet formula guard lives
 * here once; the quoting is the data pipeline's (`src/lib/ingest/csv.ts`), which writes data
 * files that must keep their text exactly and so is not guarded.
 */
import { csvCell as quoteCsv } from '../ingest/csv.ts';
import type { Area } from '../schema/area.ts';
import type { Service } from '../schema/service.ts';

/** Characters a spreadsheet reads as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number, which may start with `-` or `+` and is left as it is. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The text with every formula start neutralised by a `'`: at the start of the cell, and at the
 * start of each part after `,` or `;`, because a spreadsheet that opens the file with the other
 * separator (`;` is the default in many locales) splits the cell there. Plain numbers are left
 * alone.
 */
export function guardFormulas(text: string): string {
  return text
    .split(/(?<=[,;])/)
    .map((part) => (FORMULA_START.test(part) && !NUMBER.test(part.replace(/[,;]$/, '')) ? `'${part}` : part))
    .join('');
}

/**
 * One CSV cell, for every download the site publishes: formulas guarded ({@link guardFormulas})
 * and RFC 4180 quoting ({@link quoteCsv}).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  return quoteCsv(typeof value === 'string' ? guardFormulas(value) : String(value));
}

/** A whole CSV document: header, rows, CRLF after every line. */
export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

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
