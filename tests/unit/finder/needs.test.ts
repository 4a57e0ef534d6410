import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needWords, searchableIn } from '../../../src/i18n/needs.ts';
import type { Locale } from '../../../src/i18n/locales.ts';
import { runQuery } from '../../../src/lib/finder/filter.ts';
import { compileNeeds, needHelp, needList, NEEDS, recogniseNeeds } from '../../../src/lib/finder/needs.ts';
import { EMPTY_QUERY } from '../../../src/lib/finder/query.ts';
import { buildFinderIndex, decodeFinderIndex } from '../../../src/lib/finder/records.ts';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { readerFor, ROOT } from '../ingest/helpers.ts';

const config = await loadSiteConfig(join(ROOT, 'demo/toronto/site.config.ts'));
const { services } = runPipeline(config, readerFor(join(ROOT, 'demo/toronto')));
const records = decodeFinderIndex(JSON.parse(JSON.stringify(buildFinderIndex(services))));
const PRIMARY_CARE = /^primary_care_/;
const LOCALES = ['en', 'fr', 'zh-Hans', 'zh-Hant', 'es', 'pt', 'tl', 'ta', 'fa', 'ar'] as const;

/** The finder as a reader of `locale` uses it: their labels, their words and English ones. */
function finder(locale: Locale) {
  const items = searchableIn(locale, records);
  const words = new Map(needWords(locale).map((n) => [n.id, n.terms]));
  const needs = compileNeeds((id) => [words.get(id) ?? '']);
  const ctx = {
    now: new Date('2026-11-20T15:00:00Z'),
    timeZone: 'America/Toronto',
    needs,
    origin: { lon: -79.3832, lat: 43.6532 },
  };
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
      for (const r of first)
        expect(
          r.record.subtypes.some((s) => subtype.test(s)),
          r.record.name,
        ).toBe(true);
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
      const first = finder(locale)
        .search(q)
        .filter((r) => r.answersNeed);
      expect(first.length).toBeGreaterThanOrEqual(30);
      for (const r of first) expect(r.record.categories).toContain('language_training');
      expect(first.some((r) => r.record.categories.includes('library'))).toBe(false);
    });
  }

  it('finds legal clinics for “lawyer”, shelters for “housing”, settlement workers for “SIN card”', () => {
    const en = finder('en');
    expect(
      en
        .search('lawyer')
        .filter((r) => r.answersNeed)
        .every((r) => r.record.categories.includes('legal')),
    ).toBe(true);
    expect(en.search('lawyer').filter((r) => r.answersNeed).length).toBeGreaterThan(0);
    expect(en.search('housing').filter((r) => r.answersNeed).length).toBeGreaterThan(0);
    expect(
      en
        .search('SIN card')
        .filter((r) => r.answersNeed)
        .every((r) => r.record.categories.includes('settlement')),
    ).toBe(true);
  });

  it('recognises “food bank” even though no food bank is in the data (the page then points to 2-1-1)', () => {
    const en = finder('en');
    expect(recogniseNeeds('food bank', en.needs).needs.map((n) => n.id)).toEqual(['food']);
    expect(en.search('food bank').filter((r) => r.answersNeed)).toEqual([]);
  });

  it('still finds services by name', () => {
    expect(
      finder('en')
        .search('Albion')
        .some((r) => r.record.name === 'Albion'),
    ).toBe(true);
  });
});

describe('need pages and links', () => {
  it('search for a word that names their need alone, in every locale', () => {
    for (const locale of ['en', 'fr', 'zh-Hans', 'zh-Hant', 'es', 'pt', 'tl', 'ta', 'fa', 'ar'] as const) {
      const { needs } = finder(locale);
      for (const w of needWords(locale))
        expect(
          recogniseNeeds(w.query, needs).needs.map((n) => n.id),
          `${locale} “${w.query}”`,
        ).toEqual([w.id]);
    }
  });

  it('list the same services, in the same order, in all ten locales: those the finder puts first for the need', () => {
    const collator = new Intl.Collator('en-CA');
    /** The records with these slugs by name, ties in the data's order (the finder here sorts by distance). */
    const byName = (slugs: Set<string>) =>
      records
        .filter((r) => slugs.has(r.slug))
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((r) => r.slug);
    const finders = LOCALES.map((locale) => ({ words: needWords(locale), search: finder(locale).search }));
    for (const need of NEEDS) {
      const list = needList(need, records, collator).map((r) => r.slug);
      const perLocale = finders.map(({ words, search }) => {
        const query = words.find((w) => w.id === need.id)?.query ?? '';
        return byName(new Set(search(query).flatMap((r) => (r.answersNeed ? [r.record.slug] : []))));
      });
      for (const [i, locale] of LOCALES.entries()) expect(perLocale[i], `${locale} ${need.id}`).toEqual(list);
    }
    // Pages of 50: a need has as many pages in every language (school: one list, one page count).
    const school = needList(NEEDS.find((n) => n.id === 'school') ?? NEEDS[0], records, collator);
    expect(school.length).toBeGreaterThan(50);
    expect(school.every((r) => r.categories.includes('education'))).toBe(true);
  });

  it('say when nothing listed answers a need, and which referral lines help', () => {
    const { needs } = finder('en');
    const only = (id: string) => needs.filter((n) => n.id === id);
    expect(needHelp(only('food'), records, 2)).toEqual({ unanswered: true, referrals: ['community'] });
    expect(needHelp(only('housing'), records, 10)).toEqual({ unanswered: false, referrals: [] });
    expect(needHelp([], records, 0)).toEqual({ unanswered: false, referrals: ['community', 'health', 'emergency'] });
  });
});

describe('per-keystroke search', () => {
  it('gives, letter by letter, exactly what a fresh search gives (the cached order and narrowing change nothing)', () => {
    const words = new Map(needWords('fr').map((n) => [n.id, n.terms]));
    const needs = compileNeeds((id) => [words.get(id) ?? '']);
    const typed = searchableIn('fr', records);
    const collator = new Intl.Collator('fr');
    const slugs = (rs: { record: { slug: string }; answersNeed?: boolean }[]) =>
      rs.map((r) => `${r.record.slug}${r.answersNeed ? '*' : ''}`);
    for (const origin of [undefined, { lon: -79.3832, lat: 43.6532 }, { lon: -79.5, lat: 43.75 }]) {
      const ctx = { now: new Date('2026-11-20T15:00:00Z'), timeZone: 'America/Toronto', needs, origin };
      for (const text of ['cours d’anglais', 'médecin nord', 'bibliothèque']) {
        for (let i = 1; i <= text.length; i += 1) {
          const q = text.slice(0, i);
          const fresh = runQuery([...typed], { ...EMPTY_QUERY, q }, ctx, collator);
          expect(slugs(runQuery(typed, { ...EMPTY_QUERY, q }, ctx, collator)), q).toEqual(slugs(fresh));
        }
        // Deleting letters widens the search again.
        expect(runQuery(typed, { ...EMPTY_QUERY, q: text.slice(0, 2) }, ctx, collator).length).toBe(
          runQuery([...typed], { ...EMPTY_QUERY, q: text.slice(0, 2) }, ctx, collator).length,
        );
      }
    }
  });
});
