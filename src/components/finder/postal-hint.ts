/**
 * The hint under the postal-code field (home page and finder): the LIP's example code from the
 * config ("For example M5V 3L9, or just M5V"), or a hint without an example when it gives none.
 */
import type { Translate } from '../../i18n/index.ts';
import { site } from '../../site.ts';

export function postalHint(t: Translate): string {
  const example = site.postalCodeExample;
  return example === undefined
    ? t('finder.nearHintNoExample')
    : t('finder.nearHint', { postalCode: example, fsa: example.slice(0, 3) });
}
