/**
 * Reads the configured demand layer and cost table at build time (file-system access kept
 * apart so the rest of the access code stays pure). Paths are relative to the site's config folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GapsConfig } from '../schema/gaps.ts';
import type { CostTableLoader } from './build-input.ts';
import { readCostTable } from './cost-table.ts';
import { parseDemandLayer, type LayerPoint } from './demand-points.ts';

/** The layer's points, or undefined when the config declares none. Throws DemandLayerError on a bad file. */
export function loadDemandLayer(gaps: GapsConfig | undefined, configDir: string): LayerPoint[] | undefined {
  const spec = gaps?.demandPoints;
  if (!spec) return undefined;
  const columns = [...new Set([spec.defaultWeight, ...Object.values(spec.weights)])];
  return parseDemandLayer(readFileSync(join(configDir, spec.file), 'utf8'), spec.file, spec, columns);
}

/**
 * The configured cost table's reader, or undefined when the config declares none. It throws
 * CostTableError naming the file, row, column and reason (a missing pair, an unknown id, a
 * cost that is not a number ≥ 0, a unit other than the configured one).
 */
export function loadCostTable(gaps: GapsConfig | undefined, configDir: string): CostTableLoader | undefined {
  const spec = gaps?.costTable;
  if (!spec) return undefined;
  return (ids) =>
    readCostTable([readFileSync(join(configDir, spec.file))], {
      file: spec.file,
      ...ids,
      originKind: 'demand point',
      destKind: 'service location',
      unit: spec.unit,
      complete: true,
    });
}
