/**
 * The HSDS 3.0 export as a Tabular Data Package: `datapackage.json` plus one CSV per HSDS table,
 * every table the specification defines (tables the site has nothing for are a header row), so
 * every foreign key of the package resolves. Tables, columns and their order come from the
 * specification's own `datapackage.json` (vendored in `vendor/hsds-3.0/`); rows are the
 * nested export (`toHsds`) taken apart, so both serialisations always say the same.
 *
 * Not in the tabular form: the nested file's non-HSDS `free` flag (a free service still has its
 * cost option of amount 0).
 */
import specPackage from '../../../vendor/hsds-3.0/datapackage.json' with { type: 'json' };
import { csvDocument } from '../csv/write.ts';
import { HSDS_VERSION } from '../hsds/vocabulary.ts';
import { hsdsTaxonomies, type HsdsService } from './hsds.ts';
import type { Licence } from './downloads.ts';

type Cell = string | number | boolean | undefined;
/** A row: one record of the nested export with its nested parts taken out. */
type Row = object;

/** One table of the package: the specification's resource descriptor (name, path, schema). */
export type HsdsResource = (typeof specPackage.resources)[number];

/** Every HSDS table, in the specification's order. */
export const HSDS_RESOURCES: readonly HsdsResource[] = specPackage.resources;

/** Column names of a table, in the specification's order. */
export function hsdsColumns(resource: HsdsResource): string[] {
  return resource.schema.fields.map((f) => f.name);
}

/** The rows of every table, by resource name (`service`, `location`…), from the nested export. */
export function hsdsTableRows(services: readonly HsdsService[]): Map<string, Row[]> {
  const tables = new Map<string, Row[]>(HSDS_RESOURCES.map((r) => [r.name, []]));
  const add = (table: string, row: Row): void => {
    tables.get(table)?.push(row);
  };
  const seen = new Set<string>();
  const once = (id: string): boolean => !seen.has(id) && (seen.add(id), true);
  for (const t of hsdsTaxonomies()) add('taxonomy', t);
  for (const s of services) {
    const {
      organization,
      languages,
      phones,
      schedules,
      cost_options: costs,
      attributes,
      service_at_locations: sites,
      free: _free,
      ...service
    } = s;
    if (organization !== undefined && once(organization.id)) add('organization', organization);
    add('service', service);
    for (const l of languages ?? []) add('language', l);
    for (const p of phones ?? []) add('phone', p);
    for (const sc of schedules ?? []) add('schedule', sc);
    for (const c of costs ?? []) add('cost_option', c);
    for (const a of attributes) {
      const { taxonomy_term: term, ...attribute } = a;
      add('attribute', attribute);
      const { taxonomy_detail: _detail, ...flatTerm } = term;
      if (once(term.id)) add('taxonomy_term', flatTerm);
    }
    for (const sal of sites) {
      const { location, ...link } = sal;
      add('service_at_location', link);
      const { addresses, ...loc } = location;
      if (!once(loc.id)) continue;
      add('location', loc);
      for (const a of addresses) add('address', a);
    }
  }
  return tables;
}

export interface PackageInfo {
  /** Machine name of the package, e.g. `toronto-lip-services`. */
  readonly name: string;
  readonly title: string;
  readonly licences: readonly Licence[];
  /** Each source: who published it, its licence and date. */
  readonly sources: readonly { title: string; path?: string }[];
}

/** `datapackage.json`: the specification's table descriptors with this site's title and licences. */
export function hsdsDataPackage(info: PackageInfo): string {
  const pkg = {
    profile: 'tabular-data-package',
    name: info.name,
    title: info.title,
    description: `Services as Open Referral HSDS ${HSDS_VERSION} tables. Table and column definitions: Human Services Data Specification, an Open Referral resource (https://openreferral.org/), CC BY-SA 4.0.`,
    version: HSDS_VERSION,
    licenses: info.licences.map((l) => (l.url !== undefined ? { title: l.name, path: l.url } : { title: l.name })),
    sources: info.sources,
    resources: HSDS_RESOURCES,
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Every CSV of the package by file name (`services.csv`…), with the project's CSV writer. */
export function hsdsCsvFiles(services: readonly HsdsService[]): Map<string, string> {
  const rows = hsdsTableRows(services);
  return new Map(
    HSDS_RESOURCES.map((r) => {
      const columns = hsdsColumns(r);
      return [
        r.path,
        csvDocument(
          columns,
          (rows.get(r.name) ?? []).map((row) => columns.map((c) => (row as Readonly<Record<string, Cell>>)[c])),
        ),
      ];
    }),
  );
}
