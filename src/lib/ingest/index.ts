/**
 * The data pipeline's public surface. Pages do not import this: they read the JSON files in
 * `src/generated/`, whose shapes are the schemas in `src/lib/schema`.
 */
export {
  runPipeline,
  buildData,
  compareServices,
  type PipelineResult,
  type DataResult,
  type ReadFile,
} from './pipeline.ts';
export { loadSiteConfig, parseSiteConfig } from './config.ts';
export { PipelineError, formatIssue, IssueLog, makeIssue } from './issues.ts';
export { parseCsv, type CsvTable, type CsvRow } from '../csv/read.ts';
export { parseRules, applyRules, ruleMatches, describeRule, type Rule, type RuleOutcome } from './rules.ts';
export { mergeSamePlace, mergeServices, samePlace, MERGE_DISTANCE_M } from './merge.ts';
export { loadAreas, loadBoundary, SUPPRESSED } from './areas.ts';
export * from './fields.ts';
export * from './census-profile.ts';
export { buildFlatService } from './flat.ts';
export { buildHsdsService } from './hsds.ts';
export { languageCode, type RawRecord, type Built, type LayerContext } from './record.ts';
export { readGeoJsonLayer, readCsvLayer, FileError } from './readers.ts';
export { readHsdsSource, upgradeHsds2 } from './hsds-read.ts';
