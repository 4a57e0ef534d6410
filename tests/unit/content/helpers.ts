import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { FigureContext, Scope } from '../../../src/lib/content/figures.ts';

export const fixture = (name: string) => new URL(`../../fixtures/content/${name}`, import.meta.url);

/** Front matter of a Markdown file, parsed as YAML. */
export function frontMatter(path: URL | string): unknown {
  const text = readFileSync(path, 'utf8');
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) throw new Error(`no front matter in ${String(path)}`);
  return parse(m[1] ?? '');
}

/** The known-numbers fixture (two areas, three services) as a figure context. */
export function figureFixture(scope: Scope, cityTotals: FigureContext['cityTotals'] = null): FigureContext {
  const data = JSON.parse(readFileSync(fixture('figures.json'), 'utf8')) as Record<string, unknown>;
  return { ...(data as unknown as Omit<FigureContext, 'scope' | 'cityTotals'>), cityTotals, scope };
}
