/**
 * The needs vocabulary in a reader's language: need names and the words people type for them
 * (`need.<id>`, `needTerms.<id>`), and sub-type labels (`subtype.<id>`). A page sends only its own
 * language's words plus English ones (abbreviations such as LINC, ESL and SIN are English, and
 * many newcomers type English words), never all ten languages.
 */
import { NEEDS, type NeedId } from '../lib/finder/needs.ts';
import { prepare, type Searchable } from '../lib/finder/filter.ts';
import type { FinderRecord } from '../lib/finder/records.ts';
import { isCategoryId } from '../lib/categories.ts';
import { useTranslations } from './index.ts';
import { isUIKey } from './keys.ts';
import type { Locale } from './locales.ts';

export interface NeedWords {
  id: NeedId;
  label: string;
  /** Comma-separated terms: the locale's, then English. */
  terms: string;
  /** The locale's first term: what a link to the need searches for (it names this need alone). */
  query: string;
}

export function needWords(locale: Locale): NeedWords[] {
  const t = useTranslations(locale);
  const en = useTranslations('en');
  return NEEDS.map(({ id }) => {
    const own = t(`needTerms.${id}`);
    return {
      id,
      label: t(`need.${id}`),
      terms: locale === 'en' ? own : `${own}, ${en(`needTerms.${id}`)}`,
      query: own.split(',')[0]?.trim() ?? '',
    };
  });
}

/** Labels of the sub-types that have one (a LIP's own sub-types without a UI string are not shown). */
export function subtypeLabels(locale: Locale, ids: Iterable<string>): Record<string, string> {
  const t = useTranslations(locale);
  const labels: Record<string, string> = {};
  for (const id of ids) {
    const key = `subtype.${id}`;
    if (isUIKey(key)) labels[id] = t(key);
  }
  return labels;
}

/** The finder's records as a reader of `locale` searches them: with category and sub-type labels in their language, as the finder page's script prepares them. */
export function searchableIn(locale: Locale, records: readonly FinderRecord[]): Searchable[] {
  const t = useTranslations(locale);
  const subtypes = subtypeLabels(locale, new Set(records.flatMap((r) => r.subtypes)));
  return prepare(records, (id) => (isCategoryId(id) ? t(`category.${id}`) : (subtypes[id] ?? '')));
}
