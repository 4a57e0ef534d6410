/**
 * Summaries of the data-quality report for the public data-quality pages.
 */
import type { FileReport, Issue, QualityReport } from './schema/report.ts';

/** URL-safe, stable key for an input file (`services/libraries.geojson` → `services-libraries-geojson`). */
export function fileKey(file: string): string {
  return file
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The reports of service files (the report's totals count these only, not areas or census rows). */
export function serviceFileReports<F extends Pick<FileReport, 'file' | 'layer'>>(
  files: readonly F[],
  serviceLayers: readonly { id: string; file: string }[],
): F[] {
  return files.filter((f) => serviceLayers.some((l) => l.file === f.file && l.id === f.layer));
}

/** Whether a file's counts add up: every record read is published or reported. */
export function isBalanced(file: Pick<FileReport, 'read' | 'published' | 'reported'>): boolean {
  return file.read === file.published + file.reported;
}

export interface IssueGroup {
  severity: Issue['severity'];
  field: string;
  action: Issue['action'];
  /** The reason of the first issue in the group, as an example (reasons quote their values). */
  example: string;
  count: number;
}

/** Issues of one file grouped by severity, field and action, largest groups first. */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.field}\u0000${issue.action}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else
      groups.set(key, {
        severity: issue.severity,
        field: issue.field,
        action: issue.action,
        example: issue.reason,
        count: 1,
      });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.field.localeCompare(b.field));
}

/** The issues that belong to each file of the report, in report order. */
export function issuesByFile(report: Pick<QualityReport, 'files' | 'issues'>): Map<string, Issue[]> {
  const byFile = new Map<string, Issue[]>(report.files.map((f) => [f.file, []]));
  for (const issue of report.issues) {
    const list = byFile.get(issue.file);
    if (list) list.push(issue);
    else byFile.set(issue.file, [issue]);
  }
  return byFile;
}

/** Where an issue is, for people: `row 12` (CSV line) or `feature 3` (0-based index). */
export function issueLocation(issue: Pick<Issue, 'row' | 'feature'>): {
  kind: 'row' | 'feature' | 'file';
  index?: number;
} {
  if (issue.row !== undefined) return { kind: 'row', index: issue.row };
  if (issue.feature !== undefined) return { kind: 'feature', index: issue.feature };
  return { kind: 'file' };
}
