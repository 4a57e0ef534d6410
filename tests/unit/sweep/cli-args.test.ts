import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('script arguments (scripts/lib/cli.ts)', () => {
  it('refuses an unknown option with one line and exit code 2, no stack trace', () => {
    for (const script of ['scripts/sweep.ts', 'scripts/bench.ts', 'scripts/serve.ts', 'scripts/offline-search.ts']) {
      const r = spawnSync(process.execPath, [script, '--no-such-option'], { encoding: 'utf8' });
      expect(r.status, script).toBe(2);
      expect(r.stderr.trim().split('\n'), script).toHaveLength(1);
      expect(r.stderr).toContain("Unknown option '--no-such-option'");
    }
  });
});
