/**
 * Postal areas: forward sortation areas (FSA, the first three characters of a postal code) as
 * polygons, e.g. Statistics Canada's boundary file. Each FSA becomes one point inside its
 * polygon, where the finder places a visitor's postal code (src/lib/finder/postal.ts). Without
 * this file, postal codes are placed at the middle of the services listed with the same FSA.
 *
 * A feature with no valid FSA code, a repeated code or broken geometry is left out and
 * reported; the file's count keeps `read === published + reported`.
 */
import { pointOnFeature } from '@turf/point-on-feature';
import { to2d, validatePolygonal, type PolygonalGeometry } from '../geo/geometry.ts';
import { fieldText } from './fields.ts';
import { makeIssue, type IssueLog } from './issues.ts';
import { featuresOf, FileError, parseJson } from './readers.ts';

/** FSA → `[lon, lat]` of a point inside its polygon, rounded to about 10 m. */
export type PostalAreaPoints = Record<string, [number, number]>;

/** Canada Post's FSA shape: letter (no D, F, I, O, Q, U, W, Z), digit, letter. */
const FSA_RE = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]$/;

export function loadPostalAreas(content: string, file: string, codeProperty: string, log: IssueLog): PostalAreaPoints {
  const report = log.file(file, 'postal-areas');
  let features: unknown[];
  try {
    features = featuresOf(parseJson(content));
  } catch (e) {
    for (const p of e instanceof FileError ? e.problems : [{ field: '*', reason: String(e) }])
      log.addFatal(file, {}, p.field, p.reason);
    return {};
  }
  const points: PostalAreaPoints = {};
  const firstAt = new Map<string, number>();
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  features.forEach((f, feature) => {
    report.read += 1;
    const at = { feature };
    const skip = (field: string, reason: string, code?: string): void => {
      report.reported += 1;
      log.add(makeIssue('error', file, at, field, `${reason}; postal area left out`, 'skipped', code));
    };
    const props = ((f as { properties?: Record<string, unknown> } | null)?.properties ?? {}) as Record<string, unknown>;
    const code = fieldText(props, codeProperty)?.toUpperCase();
    if (code === undefined) return skip(codeProperty, 'postal area code is missing');
    if (!FSA_RE.test(code))
      return skip(codeProperty, `"${code}" is not a forward sortation area (letter, digit, letter, e.g. M5V)`, code);
    if (firstAt.has(code)) return skip(codeProperty, `"${code}" repeats feature ${firstAt.get(code)}`, code);
    const geometry = (f as { geometry?: unknown } | null)?.geometry;
    const problems = validatePolygonal(geometry);
    const first = problems[0];
    if (first !== undefined) return skip(`geometry.${first.path}`, first.reason, code);
    firstAt.set(code, feature);
    const [lon, lat] = pointOnFeature(to2d(geometry as PolygonalGeometry)).geometry.coordinates as [number, number];
    points[code] = [round(lon), round(lat)];
    report.published += 1;
  });
  return points;
}
