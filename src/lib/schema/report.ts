import { z } from 'zod';

/*
 * The data-quality report written to `src/generated/report.json` and shown on the public
 * data-quality page. Invariant for every file: `read === published + reported`.
 */

export const issueSchema = z.object({
  /** `error`: the record or file is wrong; `warning`: it was kept, fixed or merged, or only looks odd. */
  severity: z.enum(['error', 'warning']),
  /** File the problem is in, relative to the config folder. */
  file: z.string().min(1),
  /** CSV: 1-based line number in the file, the header being line 1. */
  row: z.number().int().positive().optional(),
  /** GeoJSON/JSON: 0-based index in the `features` (or services) array. */
  feature: z.number().int().nonnegative().optional(),
  /** Id of the record in its source file, when it has one. */
  recordId: z.string().optional(),
  /** Field (column, property or config path) the problem is about; `*` for the whole record. */
  field: z.string().min(1),
  /** What is wrong, in plain words, quoting the bad value. */
  reason: z.string().min(1),
  /**
   * What the pipeline did: left the record out, corrected it, merged it into another, excluded it
   * by rule, or kept it as a service of its own although it looks like another record's place.
   */
  action: z.enum(['skipped', 'fixed', 'merged', 'excluded', 'kept']),
});
export type Issue = z.infer<typeof issueSchema>;

export const fileReportSchema = z.object({
  /** Input file, relative to the config folder. */
  file: z.string().min(1),
  /** Service layer id, or `areas` / `census` for the area inputs. */
  layer: z.string().min(1),
  /** Records read (features, data rows, HSDS services). */
  read: z.number().int().nonnegative(),
  /** Records that made it into the output (records merged into another count here too). */
  published: z.number().int().nonnegative(),
  /** Records left out (skipped for an error or excluded by a rule); each has an issue. */
  reported: z.number().int().nonnegative(),
  /** Of the published, how many were merged into another record (same place, see merge.ts). */
  merged: z.number().int().nonnegative(),
});
export type FileReport = z.infer<typeof fileReportSchema>;

export const qualityReportSchema = z.object({
  /** One entry per input file, in config order. */
  files: z.array(fileReportSchema),
  /** Totals over the service layers. */
  totals: z.object({
    /** Service records read. */
    read: z.number().int().nonnegative(),
    /** Service records published (before merging). */
    published: z.number().int().nonnegative(),
    /** Service records left out. */
    reported: z.number().int().nonnegative(),
    /** Records merged into another. */
    merged: z.number().int().nonnegative(),
    /** Services in `services.json` (published − merged). */
    services: z.number().int().nonnegative(),
    /** Areas in `areas.json`. */
    areas: z.number().int().nonnegative(),
  }),
  /** Every problem found, in file order. */
  issues: z.array(issueSchema),
});
export type QualityReport = z.infer<typeof qualityReportSchema>;
