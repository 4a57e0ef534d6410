/**
 * Build-time glue for the service-gaps page and its downloads: loads the generated areas and
 * services, builds the gaps input and scores every configured category once per build (the
 * pages of every locale and the download endpoints share the promise).
 */
import { getCollection } from 'astro:content';
import { site } from '../../site.ts';
import type { Area } from '../../lib/schema/area.ts';
import { buildGapsInput } from '../../lib/access/build-input.ts';
import { createGapsModel, scoreModelCategory, type GapsInput, type GapsModel } from '../../lib/access/gaps-input.ts';
import type { CategoryResult } from '../../lib/access/analysis.ts';

export interface GapsAnalysis {
  readonly input: GapsInput;
  readonly model: GapsModel;
  /** Category id → results, in config order. */
  readonly results: ReadonlyMap<string, CategoryResult>;
  /** Milliseconds the analysis took (input + pairs + scores), for the build log. */
  readonly millis: number;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'en', { numeric: true });

/** The areas in a stable order (by id), shared by the page, the map data and the downloads. */
export async function sortedAreas(): Promise<Area[]> {
  return (await getCollection('areas')).map((e) => e.data).sort(byId);
}

let analysis: Promise<GapsAnalysis | null> | undefined;

/** The analysis for the configured site; null when the config has no `gaps` block. */
export function gapsAnalysis(): Promise<GapsAnalysis | null> {
  analysis ??= (async () => {
    const areas = await sortedAreas();
    const services = (await getCollection('services')).map((e) => e.data).sort(byId);
    const start = performance.now();
    const input = buildGapsInput(areas, services, site);
    if (!input) return null;
    const model = createGapsModel(input);
    const results = new Map(input.params.categories.map((c) => [c.id, scoreModelCategory(model, c.id)]));
    const millis = performance.now() - start;
    console.info(`[gaps] ${String(input.params.categories.length)} categories × ${String(input.areas.id.length)} areas (${String(input.points.x.length)} demand points) in ${millis.toFixed(0)} ms`);
    return { input, model, results, millis };
  })();
  return analysis;
}
