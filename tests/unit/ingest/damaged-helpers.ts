/** Runs the pipeline on one damaged fixture file of tests/fixtures/bad as a service layer. */
import { PipelineError } from '../../../src/lib/ingest/issues.ts';
import { runPipeline, type PipelineResult } from '../../../src/lib/ingest/pipeline.ts';
import type { ServiceLayerConfig, SiteConfig, SiteConfigInput } from '../../../src/lib/schema/config.ts';
import type { Issue } from '../../../src/lib/schema/report.ts';
import { badBaseConfig, FIXTURES, readerFor } from './helpers.ts';

export const read = readerFor(FIXTURES);

/** A CSV or GeoJSON layer of the fixtures' usual columns (ref, title, street, lat, lon). */
export function layerFor(file: string, extra: Partial<ServiceLayerConfig> = {}, id = 'bad'): ServiceLayerConfig {
  const base = {
    id,
    file: `bad/${file}`,
    idField: 'ref',
    nameField: 'title',
    address: { line1: 'street' },
    attributes: [],
    sourceName: 'fixture',
    licence: 'fixture',
  };
  return (
    file.endsWith('.geojson')
      ? { ...base, format: 'geojson', ...extra }
      : { ...base, format: 'csv', latField: 'lat', lonField: 'lon', ...extra }
  ) as ServiceLayerConfig;
}

/** City B's areas and census with the given layers and the damaged files' rule table. */
export async function configWith(
  layers: ServiceLayerConfig[],
  overrides: Partial<SiteConfigInput> = {},
): Promise<SiteConfig> {
  const base = await badBaseConfig({ rules: { file: 'bad/rules-damaged-files.csv' }, ...overrides });
  return { ...base, serviceLayers: layers };
}

export type Outcome = { ok: true; result: PipelineResult } | { ok: false; fatal: Issue[] };

export function run(config: SiteConfig): Outcome {
  try {
    return { ok: true, result: runPipeline(config, read) };
  } catch (e) {
    if (e instanceof PipelineError) return { ok: false, fatal: [...e.issues] };
    throw e;
  }
}
