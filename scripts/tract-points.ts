/**
 * `npm run tract-points` — makes the demand-point layer of the Toronto demo: one point on land per
 * 2021 census tract inside the city, with the tract's population, immigrants and recent
 * immigrants (Statistics Canada 2021 Census, republished by the School of Cities' gta-immigration
 * repository as `imm_stats_2021.geojson`, cartographic = land-only tract polygons):
 *   node scripts/tract-points.ts --in imm_stats_2021.geojson
 *        [--areas demo/toronto/data/areas/neighbourhoods_158.geojson] [--out demo/toronto/data/census/tract_points_2021.csv]
 * The point is Turf's point-on-feature of the tract polygon (on the tract, hence on land); a
 * tract belongs to the city when that point lies in one of the city's areas. Deterministic.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { csvDocument } from '../src/lib/csv/write.ts';
import { round6 } from '../src/lib/access/demand-points.ts';

const { values } = parseArgs({
  options: {
    in: { type: 'string' },
    areas: { type: 'string', default: 'demo/toronto/data/areas/neighbourhoods_158.geojson' },
    out: { type: 'string', default: 'demo/toronto/data/census/tract_points_2021.csv' },
  },
});

type Shape = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

try {
  if (!values.in) throw new Error('--in <imm_stats_2021.geojson> is required');
  const tracts = (JSON.parse(readFileSync(values.in, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>)
    .features as Shape[];
  const areas = (JSON.parse(readFileSync(values.areas, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>)
    .features as Shape[];
  const rows: (string | number | null)[][] = [];
  tracts.forEach((f, i) => {
    const id = f.properties['geosid'];
    if (typeof id !== 'string') throw new Error(`${values.in ?? ''}: feature ${String(i)}: geosid missing`);
    // null = suppressed by Statistics Canada (kept as an empty cell: unknown, not 0).
    const count = (name: string): number | null => {
      const v = f.properties[name];
      if (v === null) return null;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new Error(`${values.in ?? ''}: tract ${id}: ${name} is not a count (${String(v)})`);
      return Math.round(v);
    };
    const [lon, lat] = pointOnFeature(f).geometry.coordinates as [number, number];
    if (!areas.some((a) => booleanPointInPolygon([lon, lat], a))) return;
    rows.push([id, round6(lon), round6(lat), count('num_pop_tot'), count('num_imm_tot'), count('num_imm_new')]);
  });
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const tmp = `${values.out}.tmp`;
  writeFileSync(tmp, csvDocument(['ctuid', 'lon', 'lat', 'population', 'immigrants', 'recent_immigrants'], rows));
  renameSync(tmp, values.out);
  console.log(`${values.in} → ${values.out}: ${String(rows.length)} tracts inside the areas of ${values.areas}`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
