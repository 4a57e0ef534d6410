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
import { checkStart, DecodeError, decodeChunks, decodeText } from './decode.ts';
import { IssueLog, makeIssue, type Locator } from './issues.ts';
import { mergeSamePlace } from './merge.ts';
import { loadPostalAreas, type PostalAreaPoints } from './postal-areas.ts';
import { FileError, readGeoJsonLayer, streamCsvLayer } from './readers.ts';
import { readHsdsSource } from './hsds-read.ts';
import { parseRules, type Rule } from './rules.ts';
import { buildFlatService, buildHsdsService, type Built, type LayerContext, type SeenIds } from './services.ts';

export interface PipelineResult {
  readonly config: SiteConfig;
  readonly services: Service[];
  readonly areas: Area[];
  readonly boundary: GeoJSON.FeatureCollection<PolygonalGeometry>;
  readonly report: QualityReport;
  /** FSA → a point inside its polygon, when the config has `postalAreas`; null otherwise. */
  readonly postalAreas: PostalAreaPoints | null;
}

/**
 * Reads a file relative to the config folder: its bytes (decoded by the pipeline, strictly
 * UTF-8 unless the config declares an encoding) or already decoded text; undefined when it does
 * not exist. May throw a {@link FileError} (e.g. the path is a folder).
 */
export type ReadFile = (relativePath: string) => Uint8Array | string | undefined;

/** A file's text: bytes decoded with its declared encoding (see decode.ts). */
export type ReadText = (relativePath: string) => string | undefined;

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
  const encodings = new Map<string, string | undefined>([
    [config.census.file, config.census.encoding],
    [config.rules.file, config.rules.encoding],
    ...config.serviceLayers.map((l): [string, string | undefined] => [l.file, l.encoding]),
  ]);
  // CSV layers stay bytes until step 3 decodes and parses them chunk by chunk.
  const csvLayerFiles = new Set(config.serviceLayers.filter((l) => l.format === 'csv').map((l) => l.file));
  const readOrFail = (file: string): string | Uint8Array | undefined => {
    try {
      const content = read(file);
      if (content === undefined) log.addFatal(file, {}, '*', 'file not found');
      if (typeof content === 'string' || content === undefined) return content;
      if (csvLayerFiles.has(file)) {
        checkStart(content, encodings.get(file)); // refuses binary and UTF-16 before anything is built
        return content;
      }
      return decodeText(content, encodings.get(file));
    } catch (e) {
      if (e instanceof DecodeError) log.addFatal(file, {}, '*', e.message);
      else if (e instanceof FileError) for (const p of e.problems) log.addFatal(file, {}, p.field, p.reason);
      else throw e;
      return undefined;
    }
  };

  // 1. Every input must exist before anything is built.
  const files = [config.areas.file, config.areas.displayFile, config.census.file, config.rules.file, config.boundary, config.postalAreas?.file, ...config.serviceLayers.map((l) => l.file)];
  const contents = new Map<string, string>();
  const csvBytes = new Map<string, Uint8Array>();
  for (const f of files) {
    if (f === undefined || contents.has(f) || csvBytes.has(f)) continue;
    const c = readOrFail(f);
    if (typeof c === 'string') contents.set(f, c);
    else if (c !== undefined) csvBytes.set(f, c);
  }
  log.checkpoint();
  const cached: ReadText = (f) => contents.get(f);

  // 2. Rules, areas, boundary: all fatal on error.
  const { rules, problems } = parseRules(contents.get(config.rules.file) ?? '', config.rules.delimiter);
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
  const postalAreas = config.postalAreas ? loadPostalAreas(contents.get(config.postalAreas.file) ?? '', config.postalAreas.file, config.postalAreas.codeProperty, log) : null;
  log.checkpoint();

  // 3. Service layers, in config order (the order is the merge priority).
  const built: Built[] = [];
  // Service ids are unique across layers too ("a" + record "b-1" and "a-b" + record "1" both give "a-b-1").
  const ids = new Map<string, { layer: string; at: Locator }>();
  config.serviceLayers.forEach((layer, layerOrder) => {
    const report = log.file(layer.file, layer.id);
    const layerRules: Rule[] = rules.filter((r) => ruleLayerFile(r) === normPath(layer.file));
    const ctx: LayerContext = { config, layer, rules: layerRules, areaIndex: index, log, report };
    const seen: SeenIds = new Map();
    const content = contents.get(layer.file) ?? '';
    const keep = (service: Service | undefined, at: Locator): void => {
      if (service === undefined) return;
      const other = ids.get(service.id);
      if (other !== undefined) {
        const where = 'row' in other.at ? `row ${other.at.row}` : 'feature' in other.at ? `feature ${other.at.feature}` : 'a record';
        log.add(makeIssue('error', layer.file, at, 'id', `service id "${service.id}" is already the id of ${where} of layer "${other.layer}"; this record is left out`, 'skipped', service.source.recordId));
        report.published -= 1;
        report.reported += 1;
        return;
      }
      ids.set(service.id, { layer: layer.id, at });
      built.push({ service, at, report, layerOrder });
    };
    try {
      if (layer.format === 'geojson') {
        for (const raw of readGeoJsonLayer(content, layer)) keep(buildFlatService(ctx, raw, seen), raw.at);
      } else if (layer.format === 'csv') {
        const bytes = csvBytes.get(layer.file);
        // The bytes can go once the last layer reading this file has read it.
        if (!config.serviceLayers.slice(layerOrder + 1).some((l) => l.file === layer.file)) csvBytes.delete(layer.file);
        streamCsvLayer(bytes !== undefined ? decodeChunks(bytes, layer.encoding) : [content], layer, {
          record: (raw) => keep(buildFlatService(ctx, raw, seen), raw.at),
          bad: (bad) => {
            report.read += 1;
            report.reported += 1;
            log.add(makeIssue('error', layer.file, { row: bad.line }, '*', `${bad.reason}; row left out`, 'skipped'));
          },
        });
      } else {
        // A data package's tables sit beside its datapackage.json.
        const dir = posix.dirname(normPath(layer.file));
        const source = readHsdsSource(content, (p) => {
          const table = read(normPath(posix.join(dir, p)));
          try {
            return typeof table === 'string' || table === undefined ? table : decodeText(table, layer.encoding);
          } catch (e) {
            if (e instanceof DecodeError) throw new FileError([{ field: 'resources', reason: `table file "${p}": ${e.message}` }]);
            throw e;
          }
        });
        for (const p of source.problems) log.add(makeIssue('warning', normPath(posix.join(dir, p.file)), { row: p.row }, p.field, p.reason, 'skipped'));
        source.services.forEach((raw, i) => keep(buildHsdsService(ctx, raw, i, seen), { feature: i }));
      }
    } catch (e) {
      if (e instanceof DecodeError) log.addFatal(layer.file, {}, '*', e.message);
      else if (e instanceof FileError) for (const p of e.problems) log.addFatal(layer.file, p.line === undefined ? {} : { row: p.line }, p.field, p.reason);
      else throw e;
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
  return { config, services, areas, boundary, report, postalAreas };
}
