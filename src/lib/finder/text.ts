/**
 * Text normalisation for instant search: case- and accent-insensitive in every script.
 * "Société" and "societe" match; Chinese, Tamil and Arabic text keep their letters.
 */

/**
 * Lowercase, strip Latin accents and Arabic short-vowel and hamza marks (readers rarely type either), and
 * turn anything but letters, digits and marks into single spaces. Other combining marks stay:
 * Tamil vowel signs, for one, are part of the spelling.
 */
export function normalizeText(value: string): string {
  return (
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670]+/g, '')
      // Arabic-script letters typed either way: alif maqsura and Persian yeh as yeh, teh marbuta
      // as heh, Persian keheh as kaf (hamza forms already lost their hamza above).
      .replace(/[\u0649\u06cc]/g, '\u064a')
      .replace(/\u0629/g, '\u0647')
      .replace(/\u06a9/g, '\u0643')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
      .trim()
  );
}

/** Query words, normalised; empty for a blank query. */
export function queryTokens(query: string): string[] {
  const normal = normalizeText(query);
  return normal === '' ? [] : normal.split(' ');
}

/**
 * Whether every query word occurs in the (normalised) text. Words match anywhere in the text,
 * so "lib" finds "Library" and "pharm" finds "Rx Pharmacy".
 */
export function matchesAll(normalizedText: string, tokens: readonly string[]): boolean {
  for (const token of tokens) if (!normalizedText.includes(token)) return false;
  return true;
}
