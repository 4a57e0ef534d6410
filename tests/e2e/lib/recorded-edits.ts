/**
 * Recorded edits: what a LIP changes by hand in the files `npm run new-lip` writes, kept as data
 * (tests/fixtures/vancouver/new-lip-edits.json) so a test can replay them. Each edit replaces
 * one exact text that must occur exactly once, so a change in what new-lip writes shows up as a
 * failing edit rather than a silently different result.
 */
import { readFileSync } from 'node:fs';

export interface RecordedEdits {
  /** The arguments given to `npm run new-lip --`. */
  readonly command: readonly string[];
  /** Edits per written file name (`site.config.ts`, `rules.csv`): [find, replace] pairs, in order. */
  readonly files: Readonly<Record<string, readonly (readonly [string, string])[]>>;
}

export function readEdits(path: string): RecordedEdits {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const files = Object.fromEntries(
    Object.entries(json).filter(([key]) => key !== 'about' && key !== 'command'),
  ) as RecordedEdits['files'];
  return { command: json['command'] as string[], files };
}

/** Applies the edits to a file's text; throws naming the edit that does not match exactly once. */
export function applyEdits(text: string, edits: readonly (readonly [string, string])[], file: string): string {
  return edits.reduce((current, [find, replace], i) => {
    const count = current.split(find).length - 1;
    if (count !== 1)
      throw new Error(
        `${file}, edit ${i + 1}: the text to replace occurs ${count} times, not once: ${JSON.stringify(find.slice(0, 80))}`,
      );
    return current.replace(find, () => replace);
  }, text);
}
