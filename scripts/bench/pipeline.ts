/**
 * Data-step benchmark (issue 15): time and peak memory of `npm run data` with one synthetic
 * service layer of 100,000, 500,000 and 1,000,000 records over Toronto's areas, census and
 * boundary, as a CSV file and as a GeoJSON FeatureCollection of Point features.
 *
 * Records fall inside Toronto's 158 neighbourhoods (points drawn uniformly over the map bounds,
 * seeded, and kept only when the areas index places them in an area), so every record is read,
 * checked, placed in an area, categorised by one rule, sorted and written, like real data; every
 * 50th record repeats the place of the record before it (same name and street, 5 m away, another
 * id), so 2 % of records are merged as identical records of one file. The data step runs in its
 * own process with a 2 GB heap limit (`--max-old-space-size=2048`); peak memory is its maximum
 * resident set size.
 *
 * `npm run bench -- pipeline`; BENCH_PIPELINE_ROWS=100000,500000,1000000 (default) sets the sizes,
 * BENCH_PIPELINE_FORMATS=csv,geojson (default) the formats.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AreaIndex } from '../../src/lib/geo/area-index.ts';
import type { PolygonalGeometry } from '../../src/lib/geo/geometry.ts';
import { seededRandom } from '../lib/random.ts';

const root = join(import.meta.dirname, '..', '..');

/** One synthetic service: CSV columns, also the GeoJSON properties. */
interface Row {
  readonly ref: string;
  readonly name: string;
  readonly street: string;
  readonly postal: string;
  readonly phone: string;
  readonly lon: string;
  readonly lat: string;
  readonly langs: string;
}

/** Every 50th record repeats the place of the one before (same name and street, 5 m east). */
export const REPEAT_EVERY = 50;

/**
 * Calls `emit` for `rows` synthetic services inside the areas (seeded). `inArea(lon, lat)` says
 * whether a point is in one of the configured areas.
 */
export function syntheticServices(
  rows: number,
  bounds: readonly [number, number, number, number],
  inArea: (lon: number, lat: number) => boolean,
  emit: (row: Row) => void,
): void {
  const rand = seededRandom(15);
  const [w, s, e, n] = bounds;
  let previous: Row | undefined;
  for (let i = 1; i <= rows; i++) {
    const phone = `416-555-${String(i % 10000).padStart(4, '0')}`;
    if (previous !== undefined && i % REPEAT_EVERY === 0) {
      previous = { ...previous, ref: `S${i}`, phone, lon: (Number(previous.lon) + 0.00006).toFixed(6) };
    } else {
      let lon: number;
      let lat: number;
      do {
        lon = w + rand() * (e - w);
        lat = s + rand() * (n - s);
      } while (!inArea(lon, lat));
      previous = {
        ref: `S${i}`,
        name: `Community Service ${i}`,
        street: `${1 + (i % 9999)} Queen St W`,
        postal: 'M5V 2T6',
        phone,
        lon: lon.toFixed(6),
        lat: lat.toFixed(6),
        langs: 'en;fr',
      };
    }
    emit(previous);
  }
}

/** Buffered writes of text to a file. */
function textWriter(path: string): { put: (s: string) => void; close: () => void } {
  const fd = openSync(path, 'w');
  let buffer = '';
  return {
    put: (s) => {
      buffer += s;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    },
    close: () => {
      writeSync(fd, buffer);
      closeSync(fd);
    },
  };
}

/** Writes the synthetic services as a CSV file or a GeoJSON FeatureCollection. */
export function writeServices(
  path: string,
  format: 'csv' | 'geojson',
  rows: number,
  bounds: readonly [number, number, number, number],
  inArea: (lon: number, lat: number) => boolean,
): void {
  const out = textWriter(path);
  if (format === 'csv') {
    out.put('ref,name,street,postal,phone,lat,lon,langs\n');
    syntheticServices(rows, bounds, inArea, (r) =>
      out.put(`${r.ref},${r.name},${r.street},${r.postal},${r.phone},${r.lat},${r.lon},${r.langs}\n`),
    );
  } else {
    out.put('{"type":"FeatureCollection","features":[\n');
    let first = true;
    syntheticServices(rows, bounds, inArea, ({ lon, lat, ...props }) => {
      out.put(
        `${first ? '' : ',\n'}{"type":"Feature","properties":${JSON.stringify(props)},"geometry":{"type":"Point","coordinates":[${lon},${lat}]}}`,
      );
      first = false;
    });
    out.put('\n]}\n');
  }
  out.close();
}

interface BaseConfig {
  readonly map: { readonly bounds: [number, number, number, number] };
  readonly areas: { readonly file: string; readonly idProperty: string };
}

/**
 * The node flags `npm run data` runs the data step with (package.json): the bench measures the
 * same process. `--max-semi-space-size=8` (MB) keeps V8's young generation small: the data step
 * makes many short-lived objects per record, and V8 would otherwise grow each semi-space to
 * 32 MB or more on a large heap; with it the 1,000,000-row CSV peaked at 964 MB instead of
 * 1,315 MB for the same CPU time (46.5 s and 45.5 s user).
 */
function dataStepFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return (pkg.scripts['data'] ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}

/** The areas index of the Toronto demo config, as the data step builds it. */
function torontoAreas(base: BaseConfig): AreaIndex {
  const fc = JSON.parse(readFileSync(join(root, 'demo', 'toronto', base.areas.file), 'utf8')) as {
    features: { properties: Record<string, unknown>; geometry: PolygonalGeometry }[];
  };
  return new AreaIndex(
    fc.features.map((f) => ({ id: String(f.properties[base.areas.idProperty]), geometry: f.geometry })),
  );
}

export async function run(): Promise<string> {
  const sizes = (process.env['BENCH_PIPELINE_ROWS'] ?? '100000,500000,1000000').split(',').map(Number);
  const formats = (process.env['BENCH_PIPELINE_FORMATS'] ?? 'csv,geojson').split(',') as ('csv' | 'geojson')[];
  const { default: base } = (await import(pathToFileURL(join(root, 'demo', 'toronto', 'site.config.ts')).href)) as {
    default: BaseConfig;
  };
  const areas = torontoAreas(base);
  const inArea = (lon: number, lat: number): boolean => areas.areaAt(lon, lat) !== null;
  const lines = [
    '## Data step at scale',
    '',
    `Command: \`npm run bench -- pipeline --write\` (BENCH_PIPELINE_ROWS and BENCH_PIPELINE_FORMATS to change the sizes and formats). Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, shared with other work: the load average (1 minute, on ${availableParallelism()} cores) is noted before and after each run. One synthetic service layer over Toronto's areas and census, as a CSV file or as a GeoJSON FeatureCollection of Point features. Every record falls inside one of the 158 neighbourhoods (points drawn uniformly over the map bounds with a seeded generator, kept only where the areas index finds an area), so each is placed in an area like real data; every ${REPEAT_EVERY}th record repeats the place of the one before it (same name and street, 5 m away, another id) and is merged into it. The data step (\`scripts/build-data.ts\`) runs in its own process as \`npm run data\` runs it (\`${['node', ...dataStepFlags()].join(' ')}\`, see scripts/bench/pipeline.ts for why) with a 2 GB heap limit; peak memory = maximum resident set size (GNU time). Wall clock depends on what else the shared machine runs; CPU time (user + system) is the steadier figure. One run each.`,
    '',
    '| format | records | file size | wall clock (s) | CPU time (s) | CPU s per 100k | peak memory | services written | merged | load before → after | outcome |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const format of formats) {
    for (const rows of sizes) {
      const work = mkdtempSync(join(tmpdir(), 'nsm-bench-pipeline-'));
      try {
        // A copy, not a link: the data step refuses paths leading outside the config's folder.
        for (const folder of ['areas', 'census', 'basemap'])
          cpSync(join(root, 'demo', 'toronto', 'data', folder), join(work, 'data', folder), { recursive: true });
        const file = `services.${format}`;
        writeServices(join(work, file), format, rows, base.map.bounds, inArea);
        writeFileSync(
          join(work, 'rules.csv'),
          `layer_file,match_field,match_type,match_value,category,subcategory,include_by_default,notes\n${file},*,all,,settlement,,yes,synthetic\n`,
        );
        const coords = format === 'csv' ? "latField: 'lat', lonField: 'lon', " : '';
        writeFileSync(
          join(work, 'site.config.ts'),
          `import base from ${JSON.stringify(pathToFileURL(join(root, 'demo', 'toronto', 'site.config.ts')).href)};\n` +
            `export default { ...base, rules: { file: 'rules.csv', includeOptional: true }, serviceLayers: [{ id: 'syn', file: '${file}', format: '${format}', idField: 'ref', nameField: 'name', address: { line1: 'street', postalCode: 'postal' }, city: 'Toronto', province: 'ON', phoneField: 'phone', languagesField: 'langs', ${coords}attributes: [], sourceName: 'synthetic', licence: 'synthetic' }] };\n`,
        );
        const out = join(work, 'out');
        const loadBefore = loadavg()[0] ?? Number.NaN;
        const t0 = performance.now();
        const r = spawnSync(
          '/usr/bin/time',
          [
            '-f',
            'maxrss_kb=%M cpu_s=%U+%S',
            process.execPath,
            '--max-old-space-size=2048',
            ...dataStepFlags(),
            join(root, 'scripts', 'build-data.ts'),
            '--config',
            join(work, 'site.config.ts'),
            '--out',
            out,
          ],
          { encoding: 'utf8', maxBuffer: 1 << 26 },
        );
        const seconds = (performance.now() - t0) / 1000;
        const loadAfter = loadavg()[0] ?? Number.NaN;
        const rss = Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? Number.NaN) / 1024;
        const cpuMatch = /cpu_s=([\d.]+)\+([\d.]+)/.exec(r.stderr);
        const cpu = cpuMatch ? Number(cpuMatch[1]) + Number(cpuMatch[2]) : Number.NaN;
        const total = /→ (\d+) services/.exec(r.stdout)?.[1];
        const merged = /merged (\d+) →/.exec(r.stdout)?.[1];
        const outcome =
          r.status === 0
            ? 'ok'
            : `failed: ${(r.stderr.split('\n').find((l) => /Error|ERROR|heap/.test(l)) ?? `exit ${r.status}`).slice(0, 80)}`;
        const mb = statSync(join(work, file)).size / 2 ** 20;
        const count = (s: string | undefined): string => (s === undefined ? '–' : Number(s).toLocaleString('en'));
        lines.push(
          `| ${format === 'csv' ? 'CSV' : 'GeoJSON'} | ${rows.toLocaleString('en')} | ${mb.toFixed(0)} MB | ${seconds.toFixed(1)} | ${cpu.toFixed(1)} | ${((cpu / rows) * 100_000).toFixed(2)} | ${rss.toFixed(0)} MB | ${count(total)} | ${count(merged)} | ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} | ${outcome} |`,
        );
        console.error(lines.at(-1));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }
  }
  lines.push(
    '',
    'What streams: a CSV layer is decoded (strict UTF-8 or its declared encoding) and parsed in 4 MB chunks, one record at a time, and a GeoJSON FeatureCollection is read the same way, one feature at a time (src/lib/ingest/json-stream.ts): no row array, no feature array and no file-sized string exist. Each published service is kept as the JSON text it will be written as, plus its point, name, id and slug in flat arrays (src/lib/ingest/service-store.ts); merging rebuilds a record only where two points are within 31 m and their names could match. `services.json` and `report.json` are written item by item (before, `JSON.stringify` of 1,000,000 services failed with `RangeError: Invalid string length`). Issue 15 reported, on commit 458e6e0 and its own wider rows: 500,000 rows 20 s and 3.5 GB; 1,000,000 rows (238 MB) crashed after 38 s at 3.7 GB.',
    '',
    'Not streamed: a layer file is read whole as bytes (outside the JavaScript heap) before it is decoded in chunks; HSDS layers are parsed whole (`JSON.parse`).',
  );
  return lines.join('\n');
}

if (import.meta.main) console.log(await run());
