/**
 * The data pipeline: site config + source files → validated services, areas, boundary and a
 * data-quality report. Pure apart from reading files through the `read` callback, so tests can
 * run it on fixtures and `scripts/build-data.ts` decides where outputs go.
 *
 * Fatal problems (missing or unreadable file, bad rule table, broken or duplicate areas) are
 * collected stage by stage and thrown together as a {@link PipelineError}; per-record problems
 * leave the record out and are listed in the report.
 */
import { posix } from 'node:path';
import type { Area } from '../schema/area.ts';
import type { SiteConfig } from '../schema/config.ts';
import { qualityReportSchema, type QualityReport } from '../schema/report.ts';
import { serviceFileReports } from '../quality.ts';
import type { Service } from '../schema/service.ts';
import type { PolygonalGeometry } from '../geo/geometry.ts';
import { loadAreas, loadBoundary } from './areas.ts';
import { IssueLog, makeIssue, type Locator } from './issues.ts';
import { mergeSamePlace } from './merge.ts';
import { FileError, readCsvLayer, readGeoJsonLayer, readHsdsLayer } from './readers.ts';
import { parseRules, type Rule } from './rules.ts';
import { buildFlatService, buildHsdsService, type Built, type LayerContext, type SeenIds } from './services.ts';

export interface PipelineResult {
  readonly config: SiteConfig;
  readonly services: Service[];
  readonly areas: Area[];
  readonly boundary: GeoJSON.FeatureCollection<PolygonalGeometry>;
  readonly report: QualityReport;
}

/** Reads a file relative to the config folder; undefined when it does not exist. */
export type ReadFile = (relativePath: string) => string | undefined;

/** Normalises `./a/b.csv` and `a\\b.csv` to `a/b.csv` so rule-table keys compare equal. */
function normPath(p: string): string {
  return posix.normalize(p.replace(/\\/g, '/'));
}

/** Stable order for output: by name as people read it, then id. */
const collator = new Intl.Collator('en-CA', { sensitivity: 'base', numeric: true });
export function compareServices(a: Service, b: Service): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function runPipeline(config: SiteConfig, read: ReadFile): PipelineResult {
  const log = new IssueLog();
  const readOrFail = (file: string): string | undefined => {
    const content = read(file);
    if (content === undefined) log.addFatal(file, {}, '*', 'file not found');
    return content;
  };

  // 1. Every input must exist before anything is built.
  const files = [config.areas.file, config.areas.displayFile, config.census.file, config.rules.file, config.boundary, ...config.serviceLayers.map((l) => l.file)];
  const contents = new Map<string, string>();
  for (const f of files) {
    if (f === undefined || contents.has(f)) continue;
    const c = readOrFail(f);
    if (c !== undefined) contents.set(f, c);
  }
  log.checkpoint();
  const cached: ReadFile = (f) => contents.get(f);

  // 2. Rules, areas, boundary: all fatal on error.
  const { rules, problems } = parseRules(contents.get(config.rules.file) ?? '');
  for (const p of problems) log.addFatal(config.rules.file, { row: p.line }, p.field, p.reason);
  // `layer_file` is relative to the rule table's own folder, so the table travels with its data.
  const rulesDir = posix.dirname(normPath(config.rules.file));
  const ruleLayerFile = (r: Rule): string => normPath(posix.join(rulesDir, r.layerFile));
  const layerFiles = new Set(config.serviceLayers.map((l) => normPath(l.file)));
  for (const rule of rules) {
    if (!layerFiles.has(ruleLayerFile(rule))) {
      log.add(makeIssue('warning', config.rules.file, { row: rule.line }, 'layer_file', `"${rule.layerFile}" (relative to the rule table's folder) is not the file of any service layer in the config; rule ignored`, 'skipped'));
    }
  }
  const { areas, index } = loadAreas(config, cached, log);
  const boundary = loadBoundary(contents.get(config.boundary), config.boundary, log);
  log.checkpoint();

  // 3. Service layers, in config order (the order is the merge priority).
  const built: Built[] = [];
  config.serviceLayers.forEach((layer, layerOrder) => {
    const report = log.file(layer.file, layer.id);
    const layerRules: Rule[] = rules.filter((r) => ruleLayerFile(r) === normPath(layer.file));
    const ctx: LayerContext = { config, layer, rules: layerRules, areaIndex: index, log, report };
    const seen: SeenIds = new Map();
    const content = contents.get(layer.file) ?? '';
    const keep = (service: Service | undefined, at: Locator): void => {
      if (service !== undefined) built.push({ service, at, report, layerOrder });
    };
    try {
      if (layer.format === 'geojson') {
        for (const raw of readGeoJsonLayer(content, layer)) keep(buildFlatService(ctx, raw, seen), raw.at);
      } else if (layer.format === 'csv') {
        const { records, badRows } = readCsvLayer(content, layer);
        for (const bad of badRows) {
          report.read += 1;
          report.reported += 1;
          log.add(makeIssue('error', layer.file, { row: bad.line }, '*', `${bad.reason}; row left out`, 'skipped'));
        }
        for (const raw of records) keep(buildFlatService(ctx, raw, seen), raw.at);
      } else {
        readHsdsLayer(content).forEach((raw, i) => keep(buildHsdsService(ctx, raw, i, seen), { feature: i }));
      }
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      for (const p of e.problems) log.addFatal(layer.file, {}, p.field, p.reason);
    }
  });
  log.checkpoint();

  // 4. Same place in several layers → one record.
  built.sort((a, b) => a.layerOrder - b.layerOrder);
  const services = mergeSamePlace(built, log).sort(compareServices);

  // Ids and slugs are URLs: a clash would silently hide a page, so it is a bug worth stopping for.
  const slugs = new Set<string>();
  for (const s of services) {
    if (slugs.has(s.slug)) log.addFatal(s.source.file, {}, 'slug', `slug "${s.slug}" is used twice`);
    slugs.add(s.slug);
  }
  log.checkpoint();

  const serviceFiles = serviceFileReports(log.files, config.serviceLayers);
  const sum = (k: 'read' | 'published' | 'reported' | 'merged'): number => serviceFiles.reduce((n, f) => n + f[k], 0);
  const report: QualityReport = qualityReportSchema.parse({
    files: log.files,
    totals: { read: sum('read'), published: sum('published'), reported: sum('reported'), merged: sum('merged'), services: services.length, areas: areas.length },
    issues: log.issues,
  });
  return { config, services, areas, boundary, report };
}
