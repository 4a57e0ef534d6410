/**
 * Reads the configured demand layer at build time (file-system access kept apart so the rest of
 * the access code stays pure). Paths are relative to the site's config folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GapsConfig } from '../schema/gaps.ts';
import { parseDemandLayer, type LayerPoint } from './demand-points.ts';

/** The layer's points, or undefined when the config declares none. Throws DemandLayerError on a bad file. */
export function loadDemandLayer(gaps: GapsConfig | undefined, configDir: string): LayerPoint[] | undefined {
  const spec = gaps?.demandPoints;
  if (!spec) return undefined;
  const columns = [...new Set([spec.defaultWeight, ...Object.values(spec.weights)])];
  return parseDemandLayer(readFileSync(join(configDir, spec.file), 'utf8'), spec.file, spec, columns);
}
