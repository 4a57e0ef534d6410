/**
 * How complete a locale's UI strings are, against English (the reference). Used by the
 * missing-key test (tests/unit/i18n/strings.test.ts) and the translation status page.
 *
 * Rules: every English key exists; a counted key (`x_one`, `x_other` in English) exists in every
 * plural category of the locale (`Intl.PluralRules`: Arabic needs zero, one, two, few, many and
 * other; Chinese only other); the `{{placeholders}}` are the same names as English's (format
 * suffixes such as `, number` ignored); no key exists that English does not have.
 */
const PLURAL = /_(zero|one|two|few|many|other)$/;

export interface StringProblem {
  key: string;
  problem: 'missing' | 'extra' | 'placeholders' | 'empty';
  detail?: string;
}

/** The placeholder names in a string, sorted: `{{count, number}} of {{total}}` → count, total. */
export function placeholders(value: string): string[] {
  return [...new Set([...value.matchAll(/{{\s*([\w.]+)\s*(?:,[^}]*)?}}/g)].map((m) => m[1] ?? ''))].sort();
}

/** English keys with plural forms folded: `{ 'search.results': true, 'nav.about': false }`. */
export function baseKeys(reference: Record<string, string>): Map<string, boolean> {
  const keys = new Map<string, boolean>();
  for (const key of Object.keys(reference)) {
    const base = key.replace(PLURAL, '');
    keys.set(base, (keys.get(base) ?? false) || base !== key);
  }
  return keys;
}

/** Every problem with a locale's strings, given its plural categories. */
export function stringProblems(
  reference: Record<string, string>,
  target: Record<string, string | undefined>,
  categories: readonly string[],
): StringProblem[] {
  const problems: StringProblem[] = [];
  const refPlaceholders = (base: string, plural: boolean): string[] =>
    placeholders(plural ? (reference[`${base}_other`] ?? '') : (reference[base] ?? ''));
  const expected = new Set<string>();
  for (const [base, plural] of baseKeys(reference)) {
    const want = refPlaceholders(base, plural).join(',');
    const keys = plural ? categories.map((c) => `${base}_${c}`) : [base];
    for (const key of keys) {
      expected.add(key);
      const value = target[key];
      if (value === undefined) {
        problems.push({ key, problem: 'missing' });
        continue;
      }
      if (value.trim() === '' && (reference[key] ?? reference[`${base}_other`] ?? '').trim() !== '') {
        problems.push({ key, problem: 'empty' });
        continue;
      }
      // A form for exactly one thing may leave the number out ("one result"); every other must match.
      const got = placeholders(value);
      const ok =
        got.join(',') === want ||
        (plural &&
          /_(zero|one|two)$/.test(key) &&
          got.join(',') ===
            want
              .split(',')
              .filter((p) => p !== 'count')
              .join(','));
      if (!ok) problems.push({ key, problem: 'placeholders', detail: `has {${got.join(', ')}}, English {${want}}` });
    }
  }
  for (const key of Object.keys(target)) {
    // English's own plural forms (`_one`) are fine in a locale whose categories lack them only if
    // they are not extra; any key outside the expected set is reported.
    if (!expected.has(key)) problems.push({ key, problem: 'extra' });
  }
  return problems;
}

/** Share of English's keys (plural keys counted once) a locale has complete, 0 to 1. */
export function stringCoverage(
  reference: Record<string, string>,
  target: Record<string, string | undefined>,
  categories: readonly string[],
): number {
  const bases = baseKeys(reference);
  if (bases.size === 0) return 1;
  const broken = new Set(
    stringProblems(reference, target, categories)
      .filter((p) => p.problem !== 'extra')
      .map((p) => p.key.replace(PLURAL, '')),
  );
  let complete = 0;
  for (const base of bases.keys()) if (!broken.has(base)) complete += 1;
  return complete / bases.size;
}
