/**
 * The translation status page's figures: per content text, which locales have it and in what
 * review state; per published locale, the coverage of UI strings and pages. Pure: the page
 * loads the collections and passes their entries.
 */
import type { ContentRoute } from '../../i18n/content-routes.ts';
import { entryLocale as localeOfEntry, reviewStatus, type ReviewStatus } from '../../i18n/fallback.ts';
import type { UIKey } from '../../i18n/index.ts';

export interface TranslationRow<L extends string = string> {
  typeKey: UIKey;
  slug: string;
  title: string;
  /** Language of `title` (the reader's when translated, else the original's). */
  titleLocale: L;
  path: string | undefined;
  status: Partial<Record<L, ReviewStatus>>;
}

/** A content entry as the collections give it. */
export interface StatusEntry {
  readonly id: string;
  readonly data: Record<string, unknown>;
}

/**
 * One row per text (slug) of each route's collection, titled in the reader's `locale` when
 * translated, else in the default locale, else in any; `entries` are aligned with `routes`.
 */
export function translationRows<L extends string>(
  routes: readonly Pick<ContentRoute, 'typeKey' | 'path'>[],
  entries: readonly (readonly StatusEntry[])[],
  locale: L,
  published: readonly L[],
  defaultLocale: L,
): TranslationRow<L>[] {
  const rows: TranslationRow<L>[] = [];
  routes.forEach((route, r) => {
    const bySlug = new Map<string, TranslationRow<L>>();
    for (const entry of entries[r] ?? []) {
      const slug = entry.id.slice(entry.id.indexOf('/') + 1);
      const entryLocale = localeOfEntry(entry.id, published);
      if (!entryLocale) continue;
      const data = entry.data as { title?: string; translationStatus?: string; reviewedBy?: string; scope?: string };
      // The neighbourhood template has no page of its own: it links to the list of the
      // neighbourhood sheets generated from it (fact-sheet index, `#neighbourhoods`).
      const path = data.scope === 'area-template' ? 'fact-sheets/#neighbourhoods' : route.path(slug);
      const row: TranslationRow<L> = bySlug.get(slug) ?? {
        typeKey: route.typeKey,
        slug,
        title: '',
        titleLocale: entryLocale,
        path,
        status: {},
      };
      row.status[entryLocale] = reviewStatus(data, entryLocale);
      if (entryLocale === locale || (row.titleLocale !== locale && (!row.title || entryLocale === defaultLocale))) {
        row.title = data.title ?? slug;
        row.titleLocale = entryLocale;
      }
      bySlug.set(slug, row);
    }
    rows.push(...[...bySlug.values()].map((row) => ({ ...row, title: row.title || row.slug })));
  });
  return rows;
}

/** Pages a locale has, and how many of them are drafts. */
export function pageCounts<L extends string>(
  rows: readonly TranslationRow<L>[],
  locale: L,
): { pages: number; drafts: number } {
  return {
    pages: rows.filter((r) => r.status[locale]).length,
    drafts: rows.filter((r) => r.status[locale] === 'draft').length,
  };
}

/** One published locale's line in the status table. */
export interface LocaleSummary<L extends string = string> {
  code: L;
  /** Share of the UI strings translated, 0 to 1. */
  strings: number;
  pages: number;
  drafts: number;
  stringsStatus: ReviewStatus;
  reviewer: string | undefined;
}

/**
 * Per published locale: its UI strings' coverage (`coverage`, from the string files) and
 * review state (`review`), and the pages it has of `rows`.
 */
export function localeSummaries<L extends string>(
  rows: readonly TranslationRow<L>[],
  published: readonly L[],
  coverage: (locale: L) => number,
  review: Record<L, { reviewedBy?: string; original?: boolean }>,
): LocaleSummary<L>[] {
  return published.map((code) => {
    const { reviewedBy, original } = review[code];
    return {
      code,
      strings: coverage(code),
      ...pageCounts(rows, code),
      stringsStatus: original ? 'original' : reviewedBy ? 'reviewed' : 'draft',
      reviewer: reviewedBy,
    };
  });
}

/** The message saying a review state (`missing` when the locale has no text), with the reviewer when known. */
export function statusMessage(
  status: ReviewStatus | undefined,
  reviewer?: string,
): { key: UIKey; values?: { name: string } } {
  if (status === 'original') return { key: 'translation.original' };
  if (status === 'reviewed')
    return reviewer ? { key: 'translation.reviewedBy', values: { name: reviewer } } : { key: 'translation.reviewed' };
  return { key: status === 'draft' ? 'translation.draft' : 'translation.missing' };
}
