/**
 * Published services held compactly until they are written. A service object with its nested
 * arrays and objects costs about 1.4 KB of heap; its JSON text about a third of that. So each
 * record is kept as the JSON text `services.json` will contain, plus the few values merging and
 * sorting need (point, name, id, slug, where it came from) in flat arrays. A record is rebuilt
 * (`JSON.parse`) only where merging has to look at it: two points close together.
 */
import type { FileReport } from '../schema/report.ts';
import type { Service } from '../schema/service.ts';
import { fnv1a } from '../slug.ts';
import { comparableName } from './fields.ts';
import type { Locator } from './issues.ts';
import type { MergeRecords } from './merge.ts';

/**
 * Where the JSON texts are kept: in memory by default; `npm run data` keeps them in a scratch
 * file (text-file.ts), so a million services cost no heap for their text.
 */
export interface TextStore {
  push(text: string): void;
  get(i: number): string;
}

/** A {@link TextStore} in memory. */
export function memoryTexts(): TextStore {
  const texts: string[] = [];
  return { push: (text) => void texts.push(text), get: (i) => texts[i] as string };
}

/** Services in output order; `json(i)` is exactly `JSON.stringify(get(i))`. */
export interface ServiceList {
  readonly length: number;
  get(i: number): Service;
  json(i: number): string;
}

/** A locator as one number: row n → n, feature n → −n − 1, none → 0. */
const packAt = (at: Locator): number => ('row' in at ? at.row : 'feature' in at ? -at.feature - 1 : 0);
const unpackAt = (n: number): Locator => (n > 0 ? { row: n } : n < 0 ? { feature: -n - 1 } : {});

export class ServiceStore implements MergeRecords {
  readonly #json: TextStore;
  readonly #names: string[] = [];
  readonly #ids: string[] = [];
  readonly #slugs: string[] = [];
  readonly #lon: number[] = [];
  readonly #lat: number[] = [];
  readonly #at: number[] = [];
  readonly #layer: number[] = [];
  /** Hash of the comparable name: records of one layer with different hashes never merge. */
  readonly #nameKey: number[] = [];
  readonly #layerIds: readonly string[];
  readonly #reports: FileReport[] = [];

  /** `layerIds` in config order (the merge priority). */
  constructor(layerIds: readonly string[], texts: TextStore = memoryTexts()) {
    this.#layerIds = layerIds;
    this.#json = texts;
  }

  get length(): number {
    return this.#names.length;
  }

  /** Adds a record; records must come in priority order. Returns its index. */
  add(service: Service, at: Locator, report: FileReport, layerOrder: number): number {
    const loc = service.locations[0];
    this.#json.push(JSON.stringify(service));
    this.#names.push(service.name);
    this.#ids.push(service.id);
    this.#slugs.push(service.slug);
    this.#lon.push(loc?.lon ?? Number.NaN);
    this.#lat.push(loc?.lat ?? Number.NaN);
    this.#at.push(packAt(at));
    this.#layer.push(layerOrder);
    this.#nameKey.push(fnv1a(comparableName(service.name)));
    this.#reports[layerOrder] = report;
    return this.#names.length - 1;
  }

  service(i: number): Service {
    return JSON.parse(this.#json.get(i)) as Service;
  }
  lon(i: number): number {
    return this.#lon[i] as number;
  }
  lat(i: number): number {
    return this.#lat[i] as number;
  }
  at(i: number): Locator {
    return unpackAt(this.#at[i] as number);
  }
  layerId(i: number): string {
    return this.#layerIds[this.#layer[i] as number] as string;
  }
  report(i: number): FileReport {
    return this.#reports[this.#layer[i] as number] as FileReport;
  }
  layer(i: number): string {
    return this.#layerIds[this.#layer[i] as number] as string;
  }
  mayMatch(i: number, j: number): boolean {
    return this.#layer[i] !== this.#layer[j] || this.#nameKey[i] === this.#nameKey[j];
  }

  /**
   * The output list: `merged` (from {@link mergeRecords}: indexes of records kept as they are,
   * or merged records) sorted by `compare` on name and id. A merged record keeps the name, id
   * and slug of the record it was built on.
   */
  output(
    merged: readonly (number | Service)[],
    compare: (nameA: string, idA: string, nameB: string, idB: string) => number,
  ): ServiceList & { slug(i: number): string } {
    const names = merged.map((m) => (typeof m === 'number' ? (this.#names[m] as string) : m.name));
    const ids = merged.map((m) => (typeof m === 'number' ? (this.#ids[m] as string) : m.id));
    const order = merged
      .map((_, k) => k)
      .sort((a, b) => compare(names[a] as string, ids[a] as string, names[b] as string, ids[b] as string));
    const item = (i: number): number | Service => merged[order[i] as number] as number | Service;
    return {
      length: order.length,
      get: (i) => {
        const m = item(i);
        return typeof m === 'number' ? this.service(m) : m;
      },
      json: (i) => {
        const m = item(i);
        return typeof m === 'number' ? this.#json.get(m) : JSON.stringify(m);
      },
      slug: (i) => {
        const m = item(i);
        return typeof m === 'number' ? (this.#slugs[m] as string) : m.slug;
      },
    };
  }
}
