/**
 * Census areas: boundaries joined to the indicators table BY ID, never by name (Toronto's
 * profile and boundary files spell 7 names differently). Broken geometry and duplicate ids
 * are fatal because every service's area assignment depends on them; problems in single
 * indicator rows are reported and the row or cell is left unknown.
 */
import { AreaIndex } from '../geo/area-index.ts';
import { to2d, validatePolygonal, type PolygonalGeometry } from '../geo/geometry.ts';
import type { Area, AreaGeometry } from '../schema/area.ts';
import type { SiteConfig } from '../schema/config.ts';
import type { NumberFormat } from '../schema/config.ts';
import { describeHeader } from '../csv/read.ts';
import { fieldText, numberHint, parseCount } from './fields.ts';
import { makeIssue, type IssueLog } from './issues.ts';
import { featuresOf, FileError, parseJson, readCsvTable } from './readers.ts';
import { checkFileNameId } from '../security/urls.ts';

/** Census cell markers for "suppressed" or "not available": they mean unknown, never 0. */
export const SUPPRESSED = new Set(['x', 'X', '...', '..', 'F', '-', 'n/a', 'N/A']);

/** Why an id cannot be a URL path segment as it is, or undefined when it can. */
export function urlProblem(id: string): string | undefined {
  const bad = /[/\\?#%\p{Cc}]/u.exec(id)?.[0];
  if (bad !== undefined)
    return `it contains ${/\p{Cc}/u.test(bad) ? 'a control character' : `"${bad}"`}; use letters, digits, "-" or "_"`;
  if (id.includes('..') || id.startsWith('.') || id.endsWith('.'))
    return 'it starts or ends with "." or contains ".."; use letters, digits, "-" or "_"';
  return undefined;
}

interface AreaFeature {
  readonly id: string;
  readonly name: string;
  readonly classification: string | undefined;
  readonly geometry: PolygonalGeometry;
}

/** Reads and checks an areas GeoJSON; fatal problems go to `log.addFatal`. */
function readAreaFeatures(content: string, file: string, config: SiteConfig, log: IssueLog): AreaFeature[] {
  const { idProperty, nameProperty, classificationProperty } = config.areas;
  let features: unknown[];
  try {
    features = featuresOf(parseJson(content));
  } catch (e) {
    for (const p of e instanceof FileError ? e.problems : [{ field: '*', reason: String(e) }])
      log.addFatal(file, {}, p.field, p.reason);
    return [];
  }
  const out: AreaFeature[] = [];
  const seen = new Map<string, number>();
  features.forEach((f, feature) => {
    const at = { feature };
    const props = ((f as { properties?: Record<string, unknown> } | null)?.properties ?? {}) as Record<string, unknown>;
    const id = fieldText(props, idProperty);
    const name = fieldText(props, nameProperty);
    const geometry = (f as { geometry?: unknown } | null)?.geometry;
    let ok = true;
    if (id === undefined) {
      log.addFatal(file, at, idProperty, 'area id is missing');
      ok = false;
    } else if (seen.has(id)) {
      log.addFatal(file, at, idProperty, `duplicate area id "${id}" (also feature ${seen.get(id)})`);
      ok = false;
    } else if (urlProblem(id) !== undefined) {
      log.addFatal(
        file,
        at,
        idProperty,
        `area id "${id}" cannot be part of a web address (the area's page is /fact-sheets/neighbourhoods/<id>/): ${urlProblem(id)}`,
      );
      ok = false;
    } else if (checkFileNameId(id) !== undefined) {
      // The id also names the area's downloads (`…/neighbourhoods/<id>.csv`): no markup, no spaces.
      log.addFatal(file, at, idProperty, `area id ${checkFileNameId(id) ?? ''}`);
      ok = false;
    } else seen.set(id, feature);
    if (name === undefined) {
      log.addFatal(file, at, nameProperty, 'area name is missing');
      ok = false;
    }
    for (const p of validatePolygonal(geometry)) {
      log.addFatal(file, at, `geometry.${p.path}`, p.reason);
      ok = false;
    }
    if (ok && id !== undefined && name !== undefined) {
      const classification =
        classificationProperty !== undefined ? fieldText(props, classificationProperty) : undefined;
      out.push({ id, name, classification, geometry: to2d(geometry as PolygonalGeometry) });
    }
  });
  if (features.length === 0) log.addFatal(file, {}, 'features', 'the areas file has no features');
  return out;
}

export interface LoadedAreas {
  readonly areas: Area[];
  readonly index: AreaIndex;
}

/**
 * Loads areas and indicators. `read(path)` returns a file's text (paths relative to the config
 * folder). Call `log.checkpoint()` afterwards: fatal problems are collected, not thrown.
 */
export function loadAreas(config: SiteConfig, read: (path: string) => string | undefined, log: IssueLog): LoadedAreas {
  const { file, displayFile } = config.areas;
  const areasReport = log.file(file, 'areas');
  const content = read(file);
  const accurate = content === undefined ? [] : readAreaFeatures(content, file, config, log);
  areasReport.read = accurate.length;
  let display = accurate;
  if (displayFile !== undefined && displayFile !== file) {
    const displayContent = read(displayFile);
    display = displayContent === undefined ? [] : readAreaFeatures(displayContent, displayFile, config, log);
    const a = new Set(accurate.map((x) => x.id));
    const d = new Set(display.map((x) => x.id));
    const missing = [...a].filter((id) => !d.has(id));
    const extra = [...d].filter((id) => !a.has(id));
    if (displayContent !== undefined && content !== undefined && (missing.length > 0 || extra.length > 0)) {
      log.addFatal(
        displayFile,
        {},
        config.areas.idProperty,
        `ids differ from ${file}: ${missing.length > 0 ? `missing ${missing.join(', ')}` : ''}${missing.length > 0 && extra.length > 0 ? '; ' : ''}${extra.length > 0 ? `extra ${extra.join(', ')}` : ''}`,
      );
    }
  }
  const displayById = new Map(display.map((x) => [x.id, x]));

  const indicators = readIndicators(config, read, log, new Set(accurate.map((a) => a.id)));
  const indicatorIds = Object.keys(config.census.indicators);
  const areas: Area[] = accurate.map((a, feature) => {
    const row = indicators.get(a.id);
    if (row === undefined) {
      log.add(
        makeIssue(
          'warning',
          file,
          { feature },
          config.areas.idProperty,
          `area "${a.id}" (${a.name}) has no row in ${config.census.file}; its indicators are unknown`,
          'fixed',
          a.id,
        ),
      );
    }
    const area: Area = {
      id: a.id,
      name: a.name,
      geometry: (displayById.get(a.id)?.geometry ?? a.geometry) as AreaGeometry,
      indicators: row?.values ?? Object.fromEntries(indicatorIds.map((k) => [k, null])),
      homeLanguages: row?.homeLanguages ?? [],
    };
    if (a.classification !== undefined) area.classification = a.classification;
    return area;
  });
  areasReport.published = areas.length;
  return { areas, index: new AreaIndex(accurate.map((a) => ({ id: a.id, geometry: a.geometry }))) };
}

interface IndicatorRow {
  readonly values: Record<string, number | null>;
  readonly homeLanguages: Area['homeLanguages'];
}

/** Reads one count cell: suppressed → null with a warning; not a number → null with an error. */
function readCount(
  raw: string,
  format: NumberFormat | undefined,
  report: (severity: 'error' | 'warning', reason: string) => void,
): number | null {
  if (raw === '') {
    report('warning', 'empty cell; value unknown (null)');
    return null;
  }
  if (SUPPRESSED.has(raw)) {
    report('warning', `suppressed value "${raw}"; value unknown (null), not 0`);
    return null;
  }
  const n = parseCount(raw, format);
  if (n === undefined) {
    report(
      'error',
      `"${raw}" is not a count (a whole number, 0 or more)${numberHint(raw, format)}; value unknown (null)`,
    );
    return null;
  }
  return n;
}

function readIndicators(
  config: SiteConfig,
  read: (path: string) => string | undefined,
  log: IssueLog,
  areaIds: ReadonlySet<string>,
): Map<string, IndicatorRow> {
  const { file, idColumn, indicators, homeLanguages } = config.census;
  const report = log.file(file, 'census');
  const out = new Map<string, IndicatorRow>();
  const content = read(file);
  if (content === undefined) return out;
  let table;
  try {
    table = readCsvTable(content, config.census.delimiter);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    for (const p of e.problems) log.addFatal(file, p.line === undefined ? {} : { row: p.line }, p.field, p.reason);
    return out;
  }
  const needed: [string, string][] = [
    ['census.idColumn', idColumn],
    ...Object.entries(indicators).map(([id, spec]): [string, string] => [
      `census.indicators.${id}.column`,
      spec.column,
    ]),
    ...homeLanguages.flatMap((h, i): [string, string][] => [
      [`census.homeLanguages[${i}].name`, h.name],
      [`census.homeLanguages[${i}].count`, h.count],
    ]),
  ];
  let missing = false;
  for (const [key, column] of needed) {
    if (!table.header.includes(column)) {
      log.addFatal(
        file,
        { row: table.headerInfo.line },
        column,
        `the config (${key}) names column "${column}", which the header does not have (${describeHeader(table.headerInfo)})`,
      );
      missing = true;
    }
  }
  if (missing) return out;

  report.read = table.records;
  for (const bad of table.badRows) {
    log.add(makeIssue('error', file, { row: bad.line }, '*', `${bad.reason}; row left out`, 'skipped'));
    report.reported += 1;
  }
  const seenRow = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const at = { row: line };
    const id = values[idColumn] ?? '';
    if (id === '') {
      log.add(makeIssue('error', file, at, idColumn, 'area id is empty; row left out', 'skipped'));
      report.reported += 1;
      continue;
    }
    if (seenRow.has(id)) {
      log.add(
        makeIssue(
          'error',
          file,
          at,
          idColumn,
          `duplicate area id "${id}" (first on row ${seenRow.get(id)}); row left out`,
          'skipped',
          id,
        ),
      );
      report.reported += 1;
      continue;
    }
    seenRow.set(id, line);
    if (!areaIds.has(id)) {
      log.add(
        makeIssue(
          'warning',
          file,
          at,
          idColumn,
          `no area with id "${id}" in ${config.areas.file}; row left out`,
          'skipped',
          id,
        ),
      );
      report.reported += 1;
      continue;
    }
    const row: Record<string, number | null> = {};
    for (const [indicatorId, spec] of Object.entries(indicators)) {
      row[indicatorId] = readCount(values[spec.column] ?? '', config.census.numberFormat, (severity, reason) =>
        log.add(makeIssue(severity, file, at, spec.column, reason, 'fixed', id)),
      );
    }
    const langs: Area['homeLanguages'] = [];
    for (const h of homeLanguages) {
      const name = values[h.name] ?? '';
      if (name === '') continue;
      langs.push({
        name,
        count: readCount(values[h.count] ?? '', config.census.numberFormat, (severity, reason) =>
          log.add(makeIssue(severity, file, at, h.count, reason, 'fixed', id)),
        ),
      });
    }
    out.set(id, { values: row, homeLanguages: langs });
    report.published += 1;
  }
  return out;
}

/** Reads and checks the region boundary (Polygon/MultiPolygon geometry, Feature or FeatureCollection). */
export function loadBoundary(
  content: string | undefined,
  file: string,
  log: IssueLog,
): GeoJSON.FeatureCollection<PolygonalGeometry> {
  const empty: GeoJSON.FeatureCollection<PolygonalGeometry> = { type: 'FeatureCollection', features: [] };
  if (content === undefined) return empty;
  let data: unknown;
  try {
    data = parseJson(content);
  } catch (e) {
    log.addFatal(file, {}, '*', (e as Error).message);
    return empty;
  }
  const d = data as { type?: unknown; features?: unknown; geometry?: unknown };
  const geometries: unknown[] =
    d.type === 'FeatureCollection' && Array.isArray(d.features)
      ? d.features.map((f) => (f as { geometry?: unknown } | null)?.geometry)
      : d.type === 'Feature'
        ? [d.geometry]
        : [data];
  const features: GeoJSON.Feature<PolygonalGeometry>[] = [];
  geometries.forEach((g, feature) => {
    const problems = validatePolygonal(g);
    for (const p of problems) log.addFatal(file, { feature }, `geometry.${p.path}`, p.reason);
    if (problems.length === 0)
      features.push({ type: 'Feature', properties: {}, geometry: to2d(g as PolygonalGeometry) });
  });
  if (geometries.length === 0) log.addFatal(file, {}, 'features', 'the boundary file has no geometry');
  return { type: 'FeatureCollection', features };
}
