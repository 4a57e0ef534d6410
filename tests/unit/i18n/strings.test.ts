/**
 * The missing-key check: every locale's UI strings are complete against English, with the
 * plural forms its language needs and the same {{placeholders}}. It fails on any missing key.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, pluralCategories, type Locale } from '../../../src/i18n/locales.ts';
import { STRINGS } from '../../../src/i18n/index.ts';
import { placeholders, stringCoverage, stringProblems } from '../../../src/i18n/coverage.ts';

const en = STRINGS.en as Record<string, string>;

describe('the missing-key check itself', () => {
  it('reads placeholders without their format suffix', () => {
    expect(placeholders('{{count, number}} of {{ total }} in {{place}}')).toEqual(['count', 'place', 'total']);
  });

  it('requires every plural category of the language and the same placeholders', () => {
    const ref = { 'a.b': 'Hi {{name}}', c_one: '{{count}} thing', c_other: '{{count}} things' };
    expect(stringProblems(ref, { 'a.b': 'Salut {{name}}', c_other: '{{count}} 件' }, ['other'])).toEqual([]);
    const arabic = stringProblems(
      ref,
      { 'a.b': 'مرحبا {{nom}}', c_one: 'شيء واحد', c_other: '{{count}} شيء' },
      pluralCategories('ar'),
    );
    expect(arabic.map((p) => `${p.key} ${p.problem}`)).toEqual([
      'a.b placeholders',
      'c_zero missing',
      'c_two missing',
      'c_few missing',
      'c_many missing',
    ]);
    // Chinese has only `other`: an English-style `_one` is an extra key.
    expect(stringProblems(ref, { 'a.b': '{{name}}', c_one: '1', c_other: '{{count}}' }, ['other'])).toEqual([
      { key: 'c_one', problem: 'extra' },
    ]);
    expect(stringCoverage(ref, { 'a.b': '{{name}}' }, ['other'])).toBe(0.5);
  });
});

describe('UI strings are complete in every locale', () => {
  for (const code of Object.keys(LOCALES) as Locale[]) {
    if (code === 'en') continue;
    it(`${code}: every English key, its plural forms (${pluralCategories(code).join(', ')}) and placeholders`, () => {
      const problems = stringProblems(en, STRINGS[code] as Record<string, string>, pluralCategories(code));
      const summary = problems.slice(0, 15).map((p) => `${p.key}: ${p.problem}${p.detail ? ` (${p.detail})` : ''}`);
      expect(summary, `${problems.length} problems in src/i18n/strings/${code}.json`).toEqual([]);
    });
  }
});
