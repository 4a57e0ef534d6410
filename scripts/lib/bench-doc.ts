/** Writes benchmark sections into docs/benchmarks.md: a section is replaced by its `## ` heading. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');

/** Replaces (or appends) the section whose first line is its `## ` heading. */
export function writeSection(section: string, file = DOC): void {
  const heading = section.trimStart().split('\n')[0] ?? '';
  if (!heading.startsWith('## ')) throw new Error('a benchmark section must start with a "## " heading');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '# Benchmarks\n\n';
  }
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) {
    writeFileSync(file, `${text.trimEnd()}\n\n${section.trim()}\n`);
    return;
  }
  const after = text.indexOf('\n## ', start + heading.length);
  const rest = after < 0 ? '' : text.slice(after + 1);
  writeFileSync(file, `${text.slice(0, start)}${section.trim()}\n${rest ? `\n${rest}` : ''}`);
}
