import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needWords, subtypeLabels } from '../../../src/i18n/needs.ts';
import type { Locale } from '../../../src/i18n/locales.ts';
import { useTranslations } from '../../../src/i18n/index.ts';
import { prepare, runQuery } from '../../../src/lib/finder/filter.ts';
import { compileNeeds, NEEDS, recogniseNeeds } from '../../../src/lib/finder/needs.ts';
import { EMPTY_QUERY } from '../../../src/lib/finder/query.ts';
import { buildFinderIndex, decodeFinderIndex } from '../../../src/lib/finder/records.ts';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { CATEGORY_IDS } from '../../../src/lib/categories.ts';
import { readerFor, ROOT } from '../ingest/helpers.ts';

const config = await loadSiteConfig(join(ROOT, 'demo/toronto/site.config.ts'));
const { services } = runPipeline(config, readerFor(join(ROOT, 'demo/toronto')));
const records = decodeFinderIndex(JSON.parse(JSON.stringify(buildFinderIndex(services))));
const PRIMARY_CARE = /^primary_care_/;

/** The finder as a reader of `locale` uses it: their labels, their words and English ones. */
function finder(locale: Locale) {
  const t = useTranslations(locale);
  const subtypes = subtypeLabels(locale, new Set(records.flatMap((r) => r.subtypes)));
  const items = prepare(records, (id) => (CATEGORY_IDS as readonly string[]).includes(id) ? t(`category.${id as (typeof CATEGORY_IDS)[number]}`) : (subtypes[id] ?? ''));
  const words = new Map(needWords(locale).map((n) => [n.id, n.terms]));
  const needs = compileNeeds((id) => [words.get(id) ?? '']);
  const ctx = { now: new Date('2026-11-20T15:00:00Z'), timeZone: 'America/Toronto', needs, origin: { lon: -79.3832, lat: 43.6532 } };
  return {
    needs,
    search: (q: string) => runQuery(items, { ...EMPTY_QUERY, q }, ctx, new Intl.Collator(locale)),
  };
}

describe('needs vocabulary', () => {
  it('has a name and words for every need in every locale', () => {
    for (const locale of ['en', 'fr', 'zh-Hans', 'zh-Hant', 'es', 'pt', 'tl', 'ta', 'fa', 'ar'] as const) {
      const words = needWords(locale);
      expect(words.map((w) => w.id)).toEqual(NEEDS.map((n) => n.id));
      for (const w of words) expect(w.terms.split(',').length, `${locale} ${w.id}`).toBeGreaterThan(2);
    }
  });

  it('recognises whole words, plurals, longer terms first, and a need still being typed', () => {
    const { needs } = finder('en');
    const ids = (q: string) => recogniseNeeds(q, needs).needs.map((n) => n.id);
    expect(ids('doctors')).toEqual(['doctor']);
    expect(ids('legal clinic')).toEqual(['legal']);
    expect(ids('englis')).toEqual(['language_class']);
    expect(ids('lawn')).toEqual([]);
    expect(recogniseNeeds('doctor scarborough', needs).rest).toEqual(['scarborough']);
  });
});

describe('searching by need, in the reader’s language', () => {
  const cases: [Locale, string, RegExp][] = [
    ['en', 'doctor', PRIMARY_CARE],
    ['en', 'walk-in clinic', PRIMARY_CARE],
    ['fr', 'médecin', PRIMARY_CARE],
    ['es', 'médico', PRIMARY_CARE],
    ['ar', 'طبيب', PRIMARY_CARE],
    ['zh-Hans', '看医生', PRIMARY_CARE],
  ];
  for (const [locale, q, subtype] of cases) {
    it(`${locale} “${q}” lists family doctors and walk-in clinics first, no crisis line among them`, () => {
      const results = finder(locale).search(q);
      const first = results.filter((r) => r.answersNeed);
      expect(first.length).toBeGreaterThan(100);
      expect(first.length).toBeLessThan(449);
      for (const r of first) expect(r.record.subtypes.some((s) => subtype.test(s)), r.record.name).toBe(true);
      expect(results.slice(0, first.length)).toEqual(first);
    });
  }

  const english: [Locale, string][] = [
    ['en', 'english class'],
    ['en', 'LINC'],
    ['en', 'free english'],
    ['en', 'ESL'],
    ['fr', 'cours d’anglais'],
    ['zh-Hans', '英语课'],
    ['zh-Hant', '英語課'],
    ['ar', 'دروس الإنجليزية'],
    ['ar', 'دروس الانجليزيه'],
    ['es', 'clases de inglés'],
    ['fa', 'کلاس انگلیسی'],
  ];
  for (const [locale, q] of english) {
    it(`${locale} “${q}” finds LINC/ESL language classes, not library literacy branches`, () => {
      const first = finder(locale).search(q).filter((r) => r.answersNeed);
      expect(first.length).toBeGreaterThanOrEqual(30);
      for (const r of first) expect(r.record.categories).toContain('language_training');
      expect(first.some((r) => r.record.categories.includes('library'))).toBe(false);
    });
  }

  it('finds legal clinics for “lawyer”, shelters for “housing”, settlement workers for “SIN card”', () => {
    const en = finder('en');
    expect(en.search('lawyer').filter((r) => r.answersNeed).every((r) => r.record.categories.includes('legal'))).toBe(true);
    expect(en.search('lawyer').filter((r) => r.answersNeed).length).toBeGreaterThan(0);
    expect(en.search('housing').filter((r) => r.answersNeed).length).toBeGreaterThan(0);
    expect(en.search('SIN card').filter((r) => r.answersNeed).every((r) => r.record.categories.includes('settlement'))).toBe(true);
  });

  it('recognises “food bank” even though no food bank is in the data (the page then points to 2-1-1)', () => {
    const en = finder('en');
    expect(recogniseNeeds('food bank', en.needs).needs.map((n) => n.id)).toEqual(['food']);
    expect(en.search('food bank').filter((r) => r.answersNeed)).toEqual([]);
  });

  it('still finds services by name', () => {
    expect(finder('en').search('Albion').some((r) => r.record.name === 'Albion')).toBe(true);
  });
});
