/**
 * The data pipeline: site config + source files → validated services, areas, boundary and a
 * data-quality report. Pure apart from reading files through the `read` callback, so tests can
 * run it on fixtures and `scripts/build-data.ts` decides where outputs go.
 *
 * Fatal problems (missing or unreadable file, bad rule table, broken or duplicate areas, a path
 * leading outside the config's folder) are collected stage by stage and thrown together as a
 * {@link PipelineError}; per-record problems leave the record out and are listed in the report.
 * Mistakes that leave the data valid but almost surely wrong (a layer publishing no service, a
 * rule for no layer's file, a rule matching no record) are warnings listed in `checks`, fatal
 * with `strict` (`npm run build`, so CI).
 */
import { posix } from 'node:path';
import type { Area } from '../schema/area.ts';
import type { SiteConfig } from '../schema/config.ts';
import { issueSchema, qualityReportSchema, type FileReport, type Issue, type QualityReport } from '../schema/report.ts';
import { serviceFileReports } from '../quality.ts';
import type { Service } from '../schema/service.ts';
import type { PolygonalGeometry } from '../geo/geometry.ts';
import { loadAreas, loadBoundary } from './areas.ts';
import { checkStart, DecodeError, decodeChunks, decodeText } from './decode.ts';
import { IssueLog, makeIssue, type Locator } from './issues.ts';
import { mergeRecords } from './merge.ts';
import { loadPostalAreas, type PostalAreaPoints } from './postal-areas.ts';
import { FileError, streamCsvLayer, streamGeoJsonLayer } from './readers.ts';
import { readHsdsSource } from './hsds-read.ts';
import { describeRule, parseRules, type Rule } from './rules.ts';
import { buildFlatService } from './flat.ts';
import { buildHsdsService } from './hsds.ts';
import type { LayerContext, SeenIds } from './record.ts';
import { ServiceStore, type ServiceList, type TextStore } from './service-store.ts';

export interface PipelineResult {
  readonly config: SiteConfig;
  readonly services: Service[];
  readonly areas: Area[];
  readonly boundary: GeoJSON.FeatureCollection<PolygonalGeometry>;
  readonly report: QualityReport;
  /** FSA → a point inside its polygon, when the config has `postalAreas`; null otherwise. */
  readonly postalAreas: PostalAreaPoints | null;
  /** The warnings `strict` would have made fatal (the data step prints them). */
  readonly checks: readonly Issue[];
}

/** {@link PipelineResult} with the services held compactly (see service-store.ts), for large inputs. */
export interface DataResult extends Omit<PipelineResult, 'services'> {
  readonly services: ServiceList;
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

export interface PipelineOptions {
  /** The config's folder as messages show it (e.g. `data`), so "not found" says where it looked. */
  readonly configDir?: string;
  /** Makes the checks fatal: a layer publishing no service, a rule for no layer's file or matching no record. */
  readonly strict?: boolean;
  /** Keeps the services' JSON texts (in memory unless given, see service-store.ts). */
  readonly texts?: TextStore;
}

/** Why a layer published nothing, in one sentence: no records, no rules for its file, or what left its records out. */
function whyNothing(
  report: FileReport,
  rules: readonly Rule[],
  issues: readonly Issue[],
  rulesFile: string,
  rulesFolder: string,
): string {
  if (report.read === 0) return 'the file has no records';
  if (rules.length === 0)
    return `no rule of ${rulesFile} names this file (its layer_file paths are relative to the rule table's folder ${rulesFolder})`;
  const excluded = issues.filter((i) => i.action === 'excluded').length;
  const first = issues.find((i) => i.severity === 'error') ?? issues.find((i) => i.action === 'excluded');
  const firstText =
    first === undefined
      ? ''
      : `; the first: ${first.row !== undefined ? `row ${first.row}` : first.feature !== undefined ? `feature ${first.feature}` : 'a record'} ${first.field}: ${first.reason}`;
  return `all ${report.read} records read were left out (${excluded} excluded or given no category by the rules, ${report.reported - excluded} with errors)${firstText}`;
}

/** Stable order for output: by name as people read it, then id. */
const collator = new Intl.Collator('en-CA', { sensitivity: 'base', numeric: true });
const compareNames = (nameA: string, idA: string, nameB: string, idB: string): number =>
  collator.compare(nameA, nameB) || (idA < idB ? -1 : idA > idB ? 1 : 0);
export function compareServices(a: Service, b: Service): number {
  return compareNames(a.name, a.id, b.name, b.id);
}

/** Runs the pipeline (see {@link buildData}) and returns every service as an object. */
export function runPipeline(config: SiteConfig, read: ReadFile, options: PipelineOptions = {}): PipelineResult {
  const result = buildData(config, read, options);
  return { ...result, services: Array.from({ length: result.services.length }, (_, i) => result.services.get(i)) };
}

/** The pipeline: config and files in, services (held compactly), areas, boundary and report out. */
export function buildData(config: SiteConfig, read: ReadFile, options: PipelineOptions = {}): DataResult {
  const log = new IssueLog();
  /** The folder a config path is looked for in, as messages show it (`data/toronto/`). */
  const folderOf = (file: string): string => `${posix.join(options.configDir ?? '.', posix.dirname(normPath(file)))}/`;
  /** A mistake that loses nothing yet: a warning, or fatal in strict mode. */
  const checks: Issue[] = [];
  const check = (file: string, at: Locator, field: string, reason: string): void => {
    if (options.strict === true) log.addFatal(file, at, field, `${reason} (fatal with --strict)`);
    else {
      const issue = makeIssue('warning', file, at, field, reason, 'skipped');
      checks.push(issue);
      log.add(issue);
    }
  };
  const encodings = new Map<string, string | undefined>([
    [config.census.file, config.census.encoding],
    [config.rules.file, config.rules.encoding],
    ...config.serviceLayers.map((l): [string, string | undefined] => [l.file, l.encoding]),
  ]);
  // CSV and GeoJSON layers stay bytes until step 3 decodes and parses them chunk by chunk.
  const streamedFiles = new Map(config.serviceLayers.filter((l) => l.format !== 'hsds').map((l) => [l.file, l.format]));
  const readOrFail = (file: string): string | Uint8Array | undefined => {
    try {
      const content = read(file);
      if (content === undefined) log.addFatal(file, {}, '*', `file not found (looked in ${folderOf(file)})`);
      if (typeof content === 'string' || content === undefined) return content;
      const streamed = streamedFiles.get(file);
      if (streamed === 'csv') {
        checkStart(content, encodings.get(file)); // refuses binary and UTF-16 before anything is built
        return content;
      }
      if (streamed !== undefined) {
        // Decoded once here, chunk by chunk, so an encoding problem stops the build as early as before.
        for (const _ of decodeChunks(content, encodings.get(file)));
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
  const files = [
    config.areas.file,
    config.areas.displayFile,
    config.census.file,
    config.census.cityTotals,
    config.rules.file,
    config.boundary,
    config.postalAreas?.file,
    ...config.serviceLayers.map((l) => l.file),
  ];
  const contents = new Map<string, string>();
  const layerBytes = new Map<string, Uint8Array>();
  for (const f of files) {
    if (f === undefined || contents.has(f) || layerBytes.has(f)) continue;
    const c = readOrFail(f);
    if (typeof c === 'string') contents.set(f, c);
    else if (c !== undefined) layerBytes.set(f, c);
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
  const rulesFolder = folderOf(config.rules.file);
  for (const rule of rules) {
    const target = ruleLayerFile(rule);
    if (target === '..' || target.startsWith('../')) {
      log.addFatal(
        config.rules.file,
        { row: rule.line },
        'layer_file',
        `"${rule.layerFile}" leads outside the config's folder (it is relative to the rule table's folder ${rulesFolder})`,
      );
    } else if (!layerFiles.has(target)) {
      check(
        config.rules.file,
        { row: rule.line },
        'layer_file',
        `"${rule.layerFile}" is looked for in the rule table's folder ${rulesFolder}, as "${target}", which no service layer reads (layers read: ${[...layerFiles].join(', ')}); rule ignored`,
      );
    }
  }
  const { areas, index } = loadAreas(config, cached, log);
  const boundary = loadBoundary(contents.get(config.boundary), config.boundary, log);
  const postalAreas = config.postalAreas
    ? loadPostalAreas(
        contents.get(config.postalAreas.file) ?? '',
        config.postalAreas.file,
        config.postalAreas.codeProperty,
        log,
      )
    : null;
  log.checkpoint();

  // 3. Service layers, in config order (the order is the merge priority).
  const built = new ServiceStore(
    config.serviceLayers.map((l) => l.id),
    options.texts,
  );
  // Service ids are unique across layers too ("a" + record "b-1" and "a-b" + record "1" both give "a-b-1").
  const ids = new Map<string, number>();
  const ruleHits = new Map<Rule, number>();
  const onRuleMatch = (rule: Rule): void => void ruleHits.set(rule, (ruleHits.get(rule) ?? 0) + 1);
  const layerReports: { layer: SiteConfig['serviceLayers'][number]; report: FileReport; rules: readonly Rule[] }[] = [];
  config.serviceLayers.forEach((layer, layerOrder) => {
    const report = log.file(layer.file, layer.id);
    const layerRules: Rule[] = rules.filter((r) => ruleLayerFile(r) === normPath(layer.file));
    layerReports.push({ layer, report, rules: layerRules });
    const ctx: LayerContext = { config, layer, rules: layerRules, areaIndex: index, log, report, onRuleMatch };
    const seen: SeenIds = new Map();
    const content = contents.get(layer.file) ?? '';
    const keep = (service: Service | undefined, at: Locator): void => {
      if (service === undefined) return;
      const other = ids.get(service.id);
      if (other !== undefined) {
        const otherAt = built.at(other);
        const where =
          'row' in otherAt ? `row ${otherAt.row}` : 'feature' in otherAt ? `feature ${otherAt.feature}` : 'a record';
        log.add(
          makeIssue(
            'error',
            layer.file,
            at,
            'id',
            `service id "${service.id}" is already the id of ${where} of layer "${built.layerId(other)}"; this record is left out`,
            'skipped',
            service.source.recordId,
          ),
        );
        report.published -= 1;
        report.reported += 1;
        return;
      }
      ids.set(service.id, built.add(service, at, report, layerOrder));
    };
    const bytes = layerBytes.get(layer.file);
    // The bytes can go once the last layer reading this file has read it.
    if (!config.serviceLayers.slice(layerOrder + 1).some((l) => l.file === layer.file)) layerBytes.delete(layer.file);
    const chunks = (): Iterable<string> => (bytes !== undefined ? decodeChunks(bytes, layer.encoding) : [content]);
    try {
      if (layer.format === 'geojson') {
        const whole = (): string => (bytes !== undefined ? decodeText(bytes, layer.encoding) : content);
        streamGeoJsonLayer(chunks(), whole, layer, (raw) => keep(buildFlatService(ctx, raw, seen), raw.at));
      } else if (layer.format === 'csv') {
        streamCsvLayer(chunks(), layer, {
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
            if (e instanceof DecodeError)
              throw new FileError([{ field: 'resources', reason: `table file "${p}": ${e.message}` }]);
            throw e;
          }
        });
        for (const p of source.problems)
          log.add(
            makeIssue('warning', normPath(posix.join(dir, p.file)), { row: p.row }, p.field, p.reason, 'skipped'),
          );
        source.services.forEach((raw, i) => keep(buildHsdsService(ctx, raw, i, seen), { feature: i }));
      }
    } catch (e) {
      if (e instanceof DecodeError) log.addFatal(layer.file, {}, '*', e.message);
      else if (e instanceof FileError)
        for (const p of e.problems)
          log.addFatal(layer.file, p.line === undefined ? {} : { row: p.line }, p.field, p.reason);
      else throw e;
    }
  });
  log.checkpoint();

  ids.clear();

  // A layer publishing nothing, or a rule matching nothing, is almost always a wrong path or field.
  for (const { layer, report, rules: layerRules } of layerReports) {
    for (const rule of layerRules) {
      // A layer publishing nothing is reported once, below, not once per rule.
      if (ruleHits.has(rule) || rule.mayMatchNone || report.published === 0) continue;
      check(
        config.rules.file,
        { row: rule.line },
        rule.fields.join('|') || 'match_field',
        `${describeRule(rule)} matches no record of layer "${layer.id}" (${layer.file}, ${report.read} records read)`,
      );
    }
    if (report.published === 0) {
      check(
        layer.file,
        {},
        '*',
        `layer "${layer.id}" publishes no service: ${whyNothing(
          report,
          layerRules,
          log.issues.filter((i) => i.file === layer.file),
          config.rules.file,
          rulesFolder,
        )}`,
      );
    }
  }
  log.checkpoint();

  // 4. Same place in several layers → one record (records were added in layer order).
  const services = built.output(mergeRecords(built, log, config.merge), compareNames);

  // Ids and slugs are URLs: a clash would silently hide a page, so it is a bug worth stopping for.
  const slugs = new Set<string>();
  for (let i = 0; i < services.length; i++) {
    const slug = services.slug(i);
    if (slugs.has(slug)) log.addFatal(services.get(i).source.file, {}, 'slug', `slug "${slug}" is used twice`);
    slugs.add(slug);
  }
  slugs.clear();
  log.checkpoint();

  const serviceFiles = serviceFileReports(log.files, config.serviceLayers);
  const sum = (k: 'read' | 'published' | 'reported' | 'merged'): number => serviceFiles.reduce((n, f) => n + f[k], 0);
  // Checked issue by issue, in place: parsing the whole report would copy every issue at once.
  const checked = qualityReportSchema.parse({
    files: log.files,
    totals: {
      read: sum('read'),
      published: sum('published'),
      reported: sum('reported'),
      merged: sum('merged'),
      services: services.length,
      areas: areas.length,
    },
    issues: [],
  });
  const issues = log.issues;
  for (let k = 0; k < issues.length; k++) issues[k] = issueSchema.parse(issues[k]);
  const report: QualityReport = { files: checked.files, totals: checked.totals, issues };
  return { config, services, areas, boundary, report, postalAreas, checks };
}
