import { describe, expect, it } from 'vitest';
import {
  fileKey,
  groupIssues,
  isBalanced,
  issuesByFile,
  issueLocation,
  serviceFileReports,
} from '../../../src/lib/quality.ts';
import type { Issue } from '../../../src/lib/schema/report.ts';

const issue = (over: Partial<Issue>): Issue => ({
  severity: 'error',
  file: 'a.csv',
  field: 'name',
  reason: 'missing name',
  action: 'skipped',
  ...over,
});

describe('quality report summaries', () => {
  it('makes stable URL keys from file paths', () => {
    expect(fileKey('services/Libraries_TPL_2023.geojson')).toBe('services-libraries-tpl-2023-geojson');
  });

  it('checks the read = published + reported invariant', () => {
    expect(isBalanced({ read: 10, published: 7, reported: 3 })).toBe(true);
    expect(isBalanced({ read: 10, published: 7, reported: 2 })).toBe(false);
  });

  it('groups issues by severity, field and action, biggest first', () => {
    const groups = groupIssues([
      issue({ field: 'url', action: 'fixed', severity: 'warning', reason: 'www.a.ca had no scheme' }),
      issue({}),
      issue({ field: 'url', action: 'fixed', severity: 'warning', reason: 'www.b.ca had no scheme' }),
    ]);
    expect(groups).toEqual([
      { severity: 'warning', field: 'url', action: 'fixed', example: 'www.a.ca had no scheme', count: 2 },
      { severity: 'error', field: 'name', action: 'skipped', example: 'missing name', count: 1 },
    ]);
  });

  it('files issues under their file, keeping files without issues', () => {
    const byFile = issuesByFile({
      files: [
        { file: 'a.csv', layer: 'a', read: 1, published: 0, reported: 1, merged: 0 },
        { file: 'b.csv', layer: 'b', read: 1, published: 1, reported: 0, merged: 0 },
      ],
      issues: [issue({})],
    });
    expect(byFile.get('a.csv')).toHaveLength(1);
    expect(byFile.get('b.csv')).toEqual([]);
  });

  it('describes where an issue is', () => {
    expect(issueLocation({ row: 4 })).toEqual({ kind: 'row', index: 4 });
    expect(issueLocation({ feature: 0 })).toEqual({ kind: 'feature', index: 0 });
    expect(issueLocation({})).toEqual({ kind: 'file' });
  });
});

describe('service file totals', () => {
  it('counts the service layers only, never the area or census rows', () => {
    const files = [
      { file: 'a/areas.geojson', layer: 'areas', read: 158 },
      { file: 'a/census.csv', layer: 'census', read: 158 },
      { file: 'a/libraries.geojson', layer: 'tpl', read: 100 },
    ];
    const services = serviceFileReports(files, [{ id: 'tpl', file: 'a/libraries.geojson' }]);
    expect(services.map((f) => f.layer)).toEqual(['tpl']);
  });
});
