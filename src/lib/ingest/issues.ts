/**
 * Collecting problems found while importing. Every problem becomes an {@link Issue} naming the
 * file, the row (CSV, 1-based line incl. header) or feature (0-based index), the field and the
 * reason, so a LIP can find and fix it in the source file.
 */
import type { FileReport, Issue } from '../schema/report.ts';

/** Where in a file a record sits: a CSV line or a GeoJSON/JSON array index. */
export type Locator = { readonly row: number } | { readonly feature: number } | Record<string, never>;

/** Thrown when the data cannot be built at all; carries every fatal problem found. */
export class PipelineError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(`${issues.length} fatal data problem(s):\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'PipelineError';
    this.issues = issues;
  }
}

/** `file:row 12 field: reason` (or `file:feature 3 …`), the format printed by `npm run data`. */
export function formatIssue(issue: Issue): string {
  const where =
    issue.row !== undefined ? `:row ${issue.row}` : issue.feature !== undefined ? `:feature ${issue.feature}` : '';
  const id = issue.recordId !== undefined ? ` [${issue.recordId}]` : '';
  return `${issue.severity.toUpperCase()} ${issue.file}${where}${id} ${issue.field}: ${issue.reason} (${issue.action})`;
}

/** Builds an issue without `undefined` members (the schema uses exact optional properties). */
export function makeIssue(
  severity: Issue['severity'],
  file: string,
  at: Locator,
  field: string,
  reason: string,
  action: Issue['action'],
  recordId?: string,
): Issue {
  const issue: Issue = { severity, file, ...at, field, reason, action };
  if (recordId !== undefined) issue.recordId = recordId;
  return issue;
}

/**
 * Per-file counters plus the issue list. `read`, `published` and `reported` are counted per
 * record outcome (not per issue), which is what keeps `read === published + reported` true.
 */
export class IssueLog {
  readonly issues: Issue[] = [];
  readonly files: FileReport[] = [];
  readonly fatal: Issue[] = [];

  add(issue: Issue): void {
    this.issues.push(issue);
  }

  /** Records a problem that stops the pipeline (reported together at the next checkpoint). */
  addFatal(file: string, at: Locator, field: string, reason: string): void {
    const issue = makeIssue('error', file, at, field, reason, 'skipped');
    this.fatal.push(issue);
  }

  /** Throws a {@link PipelineError} if any fatal problem was recorded so far. */
  checkpoint(): void {
    if (this.fatal.length > 0) throw new PipelineError(this.fatal);
  }

  file(file: string, layer: string): FileReport {
    const entry: FileReport = { file, layer, read: 0, published: 0, reported: 0, merged: 0 };
    this.files.push(entry);
    return entry;
  }
}
