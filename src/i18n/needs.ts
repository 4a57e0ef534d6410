/**
 * The needs vocabulary in a reader's language: need names and the words people type for them
 * (`need.<id>`, `needTerms.<id>`), and sub-type labels (`subtype.<id>`). A page sends only its own
 * language's words plus English ones (abbreviations such as LINC, ESL and SIN are English, and
 * many newcomers type English words), never all ten languages.
 */
import { NEEDS, type NeedId } from '../lib/finder/needs.ts';
import { hasOwnString, useTranslations, type UIKey } from './index.ts';
import type { Locale } from './locales.ts';

export interface NeedWords {
  id: NeedId;
  label: string;
  /** Comma-separated terms: the locale's, then English. */
  terms: string;
}

export function needWords(locale: Locale): NeedWords[] {
  const t = useTranslations(locale);
  const en = useTranslations('en');
  return NEEDS.map(({ id }) => ({
    id,
    label: t(`need.${id}`),
    terms: locale === 'en' ? en(`needTerms.${id}`) : `${t(`needTerms.${id}`)}, ${en(`needTerms.${id}`)}`,
  }));
}

/** Labels of the sub-types that have one (a LIP's own sub-types without a UI string are not shown). */
export function subtypeLabels(locale: Locale, ids: Iterable<string>): Record<string, string> {
  const t = useTranslations(locale);
  const labels: Record<string, string> = {};
  for (const id of ids) {
    const key = `subtype.${id}` as UIKey;
    if (hasOwnString('en', key)) labels[id] = t(key);
  }
  return labels;
}
