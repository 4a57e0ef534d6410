/** The translation status page's data: every content route's texts and the UI string files, per published locale. */
import { getCollection } from 'astro:content';
import { STRINGS } from '../i18n/index.ts';
import { pluralCategories, type Locale } from '../i18n/locales.ts';
import { stringCoverage } from '../i18n/coverage.ts';
import { STRINGS_REVIEW } from '../i18n/review.ts';
import { CONTENT_ROUTES } from '../i18n/content-routes.ts';
import { localeSummaries, translationRows } from '../lib/content/translation-status.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES } from '../site.ts';

/** Rows titled in the reader's `locale`, and one summary per published locale. */
export async function translationStatus(locale: Locale) {
  const entries = await Promise.all(CONTENT_ROUTES.map((route) => getCollection(route.collection)));
  const rows = translationRows(CONTENT_ROUTES, entries, locale, PUBLISHED_LOCALES, DEFAULT_LOCALE);
  const en = STRINGS.en as Record<string, string>;
  const coverage = (code: Locale) =>
    stringCoverage(en, STRINGS[code] as Record<string, string>, pluralCategories(code));
  return { rows, summary: localeSummaries(rows, PUBLISHED_LOCALES, coverage, STRINGS_REVIEW) };
}
