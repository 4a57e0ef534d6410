/**
 * The open-data downloads the site publishes, with each file's licences and dates, for the data
 * page and for the files' own metadata. Pure: built from the configuration only.
 */
import type { SiteConfig } from '../schema/config.ts';

export interface Licence {
  readonly name: string;
  readonly url?: string;
}

export interface Download {
  /** Key of the UI strings `data.download.<id>`. */
  readonly id:
    'servicesHsds' | 'servicesHsdsTabular' | 'servicesCsv' | 'areasGeojson' | 'areasCsv' | 'gapsCsv' | 'gapsGeojson';
  readonly href: string;
  /** File format as people name it. */
  readonly format: string;
  /** Every licence whose data is in the file (the union of its sources' licences). */
  readonly licences: readonly Licence[];
  /** Dates or years of the source data in the file, oldest first. */
  readonly dataDates: readonly string[];
}

/** Distinct licences, first occurrence first (same name and link = same licence). */
export function uniqueLicences(list: readonly (Licence | undefined)[]): Licence[] {
  const out: Licence[] = [];
  for (const l of list) {
    if (l === undefined || out.some((o) => o.name === l.name && o.url === l.url)) continue;
    out.push(l.url !== undefined ? { name: l.name, url: l.url } : { name: l.name });
  }
  return out;
}

const licence = (name: string | undefined, url: string | undefined): Licence | undefined =>
  name === undefined ? undefined : url !== undefined ? { name, url } : { name };

const dates = (list: readonly (string | number | undefined)[]): string[] =>
  [...new Set(list.filter((d) => d !== undefined).map(String))].sort();

/** Licences of the published services: the union of the service layers' licences. */
export function serviceLicences(config: SiteConfig): Licence[] {
  return uniqueLicences(config.serviceLayers.map((l) => licence(l.licence, l.licenceUrl)));
}

export function downloadList(config: SiteConfig): Download[] {
  const services = serviceLicences(config);
  const serviceDates = dates(config.serviceLayers.map((l) => l.dataDate));
  const areaLicences = uniqueLicences([
    licence(config.areas.licence, config.areas.licenceUrl),
    licence(config.census.licence, config.census.licenceUrl),
  ]);
  const areaDates = dates([config.areas.dataDate, config.census.year]);
  const list: Download[] = [
    {
      id: 'servicesHsds',
      href: '/data/services.hsds.json',
      format: 'HSDS 3.0 JSON (API page)',
      licences: services,
      dataDates: serviceDates,
    },
    {
      id: 'servicesHsdsTabular',
      href: '/data/hsds/datapackage.json',
      format: 'HSDS 3.0 Tabular Data Package (CSV)',
      licences: services,
      dataDates: serviceDates,
    },
    { id: 'servicesCsv', href: '/data/services.csv', format: 'CSV', licences: services, dataDates: serviceDates },
    {
      id: 'areasGeojson',
      href: '/data/areas.geojson',
      format: 'GeoJSON',
      licences: areaLicences,
      dataDates: areaDates,
    },
    { id: 'areasCsv', href: '/data/areas.csv', format: 'CSV', licences: areaLicences, dataDates: areaDates },
  ];
  if (config.gaps) {
    const both = uniqueLicences([...areaLicences, ...services]);
    const all = dates([...areaDates, ...serviceDates]);
    list.push(
      { id: 'gapsCsv', href: '/data/gaps.csv', format: 'CSV', licences: both, dataDates: all },
      { id: 'gapsGeojson', href: '/data/gaps.geojson', format: 'GeoJSON', licences: both, dataDates: all },
    );
  }
  return list;
}
