/**
 * Field paths: how the site config (and the rule table's `match_field`) names a value inside a
 * record, top-level or nested. OpenStreetMap extracts keep their tags in a nested object, so
 * `tags.phone` and `tags["addr:street"]` must reach them; JSON lists are reached by index.
 *
 * Syntax:
 * - `name` — a top-level property. Any characters but `.`, `[` and `]`, so `addr:street`,
 *   `Agency Name` and `Children's programs` are plain names;
 * - `a.b.c` — a property of a property;
 * - `a["addr:street"]` or `a['x.y']` — a quoted key, for names holding `.`, `[` or `]`
 *   (`\"`, `\'` and `\\` inside the quotes stand for the character itself);
 * - `a.b[0]` — an element of a list (0 is the first).
 *
 * One parser and one getter for every part of the pipeline; a path is parsed once and cached.
 */

/** One step of a path: a property name, or a list index. */
export type PathStep = string | number;

/** A parsed path, with the text it was written as (for messages). */
export interface FieldPath {
  readonly source: string;
  readonly steps: readonly PathStep[];
}

export type PathParse =
  { readonly ok: true; readonly path: FieldPath } | { readonly ok: false; readonly reason: string };

/** Why `source` is not a field path, phrased for a config error ("bad field path …: reason"). */
function fail(source: string, reason: string): PathParse {
  return {
    ok: false,
    reason: `"${source}" is not a field path: ${reason}. Write a name (phone), a nested name (tags.phone), a quoted key (tags["addr:street"]) or a list index (a.b[0])`,
  };
}

/** Parses a field path; never throws. */
export function parseFieldPath(source: string): PathParse {
  if (source.trim() === '') return fail(source, 'it is empty');
  const steps: PathStep[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '[') {
      if (source[i - 1] === '.') return fail(source, `"." at position ${i} must be followed by a name, not "["`);
      const close = readBracket(source, i);
      if (!close.ok) return fail(source, close.reason);
      steps.push(close.step);
      i = close.end;
      if (i < source.length && source[i] !== '.' && source[i] !== '[')
        return fail(source, `"${source.slice(i)}" follows "]" at position ${i + 1}; use "." or "[" after it`);
      if (source[i] === '.') {
        i += 1;
        if (i === source.length) return fail(source, 'it ends with "."');
      }
      continue;
    }
    if (c === ']') return fail(source, `"]" at position ${i + 1} closes no "["`);
    if (c === '.')
      return fail(source, i === 0 ? 'it starts with "."' : `".." at position ${i}: a name is missing between the dots`);
    let j = i;
    while (j < source.length && source[j] !== '.' && source[j] !== '[' && source[j] !== ']') j += 1;
    steps.push(source.slice(i, j));
    i = j;
    if (source[i] === '.') {
      i += 1;
      if (i === source.length) return fail(source, 'it ends with "."');
    }
  }
  return { ok: true, path: { source, steps } };
}

/** Reads `[0]`, `["key"]` or `['key']` starting at `open`. */
function readBracket(
  source: string,
  open: number,
): { ok: true; step: PathStep; end: number } | { ok: false; reason: string } {
  const quote = source[open + 1];
  if (quote === '"' || quote === "'") {
    let key = '';
    for (let j = open + 2; j < source.length; j += 1) {
      const ch = source[j];
      if (ch === '\\' && j + 1 < source.length) {
        key += source[j + 1];
        j += 1;
      } else if (ch === quote) {
        if (source[j + 1] !== ']') return problem(`the quoted key at position ${open + 2} must be followed by "]"`);
        if (key === '') return problem(`the quoted key at position ${open + 2} is empty`);
        return { ok: true, step: key, end: j + 2 };
      } else key += ch;
    }
    return problem(`the quote opened at position ${open + 2} is never closed`);
  }
  const close = source.indexOf(']', open);
  if (close < 0) return problem(`the "[" at position ${open + 1} is never closed`);
  const inside = source.slice(open + 1, close);
  if (!/^\d+$/.test(inside))
    return problem(
      `inside "[ ]" write a list index (0, 1 …) or a quoted key (["${inside}"]), not ${inside === '' ? 'nothing' : inside}`,
    );
  return { ok: true, step: Number(inside), end: close + 1 };
}

function problem(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** A field path that cannot be parsed, where the config checks did not run (a bug, or a rule table). */
export class FieldPathError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FieldPathError';
  }
}

const cache = new Map<string, FieldPath>();

/** The parsed path of `source` (cached); throws {@link FieldPathError} when it is not one. */
export function fieldPath(source: string): FieldPath {
  let path = cache.get(source);
  if (path === undefined) {
    const parsed = parseFieldPath(source);
    if (!parsed.ok) throw new FieldPathError(parsed.reason);
    path = parsed.path;
    cache.set(source, path);
  }
  return path;
}

/**
 * The value at `path` in `record`, or undefined when any step is absent. Only a record's own
 * properties are read (never `constructor` or `__proto__`); a list is read by index.
 */
export function getPath(record: unknown, path: FieldPath | string): unknown {
  let value = record;
  for (const step of (typeof path === 'string' ? fieldPath(path) : path).steps) {
    if (typeof value !== 'object' || value === null) return undefined;
    if (Array.isArray(value)) {
      const index = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : undefined;
      value = index === undefined ? undefined : value[index];
    } else {
      const key = String(step);
      value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    }
  }
  return value;
}

/**
 * The path of `steps` as a config writes it (the reverse of {@link parseFieldPath}): a plain
 * top-level name as it is, identifier-like nested names after a dot, any other name quoted
 * (`tags["addr:street"]`), list indexes in brackets.
 */
export function formatFieldPath(steps: readonly PathStep[]): string {
  let out = '';
  steps.forEach((step, i) => {
    if (typeof step === 'number') out += `[${step}]`;
    else if (i === 0 && step !== '' && !/[.[\]]/.test(step)) out += step;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) out += `.${step}`;
    else out += `[${JSON.stringify(step)}]`;
  });
  return out;
}

/** True when the path is one top-level name (a CSV column). */
export function isTopLevel(path: FieldPath | string): boolean {
  return (typeof path === 'string' ? fieldPath(path) : path).steps.length === 1;
}
