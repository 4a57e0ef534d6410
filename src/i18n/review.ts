/**
 * Who has reviewed each locale's UI strings (src/i18n/strings/<locale>.json). Translations
 * written for the project are drafts until a reviewer from the community is recorded here;
 * Markdown pages record the same in their front matter (`translationStatus`, `reviewedBy`).
 */
import type { Locale } from './locales.ts';

export interface StringsReview {
  /** Name or group of the reviewer; absent means a draft, needing community review. */
  reviewedBy?: string;
  /** The official languages' strings are written, not translated. */
  original?: boolean;
}

export const STRINGS_REVIEW: Record<Locale, StringsReview> = {
  en: { original: true },
  fr: { original: true },
  'zh-Hans': {},
  'zh-Hant': {},
  es: {},
  pt: {},
  tl: {},
  ta: {},
  fa: {},
  ar: {},
};
