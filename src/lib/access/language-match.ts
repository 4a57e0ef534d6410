/**
 * Does a service offered in some languages serve the speakers of a census home language?
 *
 * Services carry ISO 639 codes (`fr`, `zh`, `yue`, `fil`); the census names languages in words
 * ("Yue (Cantonese)", "Iranian Persian", "Tagalog (Pilipino, Filipino)"). A census name is
 * turned into a language tag once (Statistics Canada's names in `CENSUS_LANGUAGE_TAGS`, else a
 * name that is itself a tag, else the code whose English name is that word), and tags are compared as tags: the same language under its two-
 * or three-letter code (`fra` = `fr`, `tl` = `fil`), or a macrolanguage and one of its members
 * (a service in `zh` serves speakers of Mandarin and of Cantonese; one in Mandarin does not
 * serve Cantonese speakers; `fa` covers Iranian Persian and Dari).
 */

/** Statistics Canada 2021 census home-language names → language tags (ISO 639). */
export const CENSUS_LANGUAGE_TAGS: Readonly<Record<string, string>> = {
  English: 'en',
  French: 'fr',
  Albanian: 'sq',
  Amharic: 'am',
  Arabic: 'ar',
  Armenian: 'hy',
  'Assyrian Neo-Aramaic': 'aii',
  Bengali: 'bn',
  Bosnian: 'bs',
  Bulgarian: 'bg',
  Burmese: 'my',
  Cebuano: 'ceb',
  'Chaldean Neo-Aramaic': 'cld',
  'Chinese, n.o.s.': 'zh',
  Croatian: 'hr',
  Czech: 'cs',
  Danish: 'da',
  Dari: 'prs',
  Dutch: 'nl',
  Edo: 'bin',
  Estonian: 'et',
  Finnish: 'fi',
  German: 'de',
  Greek: 'el',
  Gujarati: 'gu',
  'Haitian Creole': 'ht',
  Hakka: 'hak',
  Hebrew: 'he',
  Hiligaynon: 'hil',
  Hindi: 'hi',
  Hungarian: 'hu',
  Igbo: 'ig',
  Ilocano: 'ilo',
  'Iranian Persian': 'pes',
  Italian: 'it',
  Japanese: 'ja',
  Kannada: 'kn',
  Khmer: 'km',
  'Khmer (Cambodian)': 'km',
  Kinyarwanda: 'rw',
  Korean: 'ko',
  Kurdish: 'ku',
  Lao: 'lo',
  Latvian: 'lv',
  Lingala: 'ln',
  Lithuanian: 'lt',
  Macedonian: 'mk',
  Malay: 'ms',
  Malayalam: 'ml',
  Mandarin: 'cmn',
  Marathi: 'mr',
  'Min Dong': 'cdo',
  'Min Nan (Chaochow, Teochow, Fukien, Taiwanese)': 'nan',
  Nepali: 'ne',
  Norwegian: 'no',
  Oromo: 'om',
  Pashto: 'ps',
  'Persian (Farsi), n.o.s.': 'fa',
  Polish: 'pl',
  Portuguese: 'pt',
  'Punjabi (Panjabi)': 'pa',
  Romanian: 'ro',
  Russian: 'ru',
  Serbian: 'sr',
  Sindhi: 'sd',
  Sinhala: 'si',
  'Sinhala (Sinhalese)': 'si',
  Slovak: 'sk',
  Slovene: 'sl',
  Somali: 'so',
  Spanish: 'es',
  Swahili: 'sw',
  Swedish: 'sv',
  'Tagalog (Pilipino, Filipino)': 'fil',
  Tamil: 'ta',
  Telugu: 'te',
  Thai: 'th',
  Tibetan: 'bo',
  Tigrigna: 'ti',
  Turkish: 'tr',
  Twi: 'tw',
  Ukrainian: 'uk',
  Urdu: 'ur',
  Uzbek: 'uz',
  Vietnamese: 'vi',
  'Wu (Shanghainese)': 'wuu',
  Yiddish: 'yi',
  Yoruba: 'yo',
  'Yue (Cantonese)': 'yue',
};

/** Individual languages → their ISO 639-3 macrolanguage (the members census data and service lists name). */
const MACROLANGUAGE: Readonly<Record<string, string>> = {
  cmn: 'zh',
  yue: 'zh',
  hak: 'zh',
  nan: 'zh',
  wuu: 'zh',
  cdo: 'zh',
  cjy: 'zh',
  cpx: 'zh',
  gan: 'zh',
  hsn: 'zh',
  mnp: 'zh',
  pes: 'fa',
  prs: 'fa',
  arb: 'ar',
  apc: 'ar',
  ajp: 'ar',
  arz: 'ar',
  acm: 'ar',
  ary: 'ar',
  aeb: 'ar',
  apd: 'ar',
  ayl: 'ar',
  afb: 'ar',
  acq: 'ar',
  ars: 'ar',
  als: 'sq',
  aln: 'sq',
  ckb: 'ku',
  kmr: 'ku',
  sdh: 'ku',
  pbu: 'ps',
  pbt: 'ps',
  pst: 'ps',
  swh: 'sw',
  swc: 'sw',
  gaz: 'om',
  hae: 'om',
  orc: 'om',
  zsm: 'ms',
  uzn: 'uz',
  uzs: 'uz',
  lvs: 'lv',
  ekk: 'et',
  nob: 'no',
  nno: 'no',
  ydd: 'yi',
  yih: 'yi',
};

/** A tag's primary language subtag in one spelling: `fra` → `fr`, `tl` → `fil`; a macrolanguage member stays itself. */
export function canonicalLanguage(tag: string): string | undefined {
  const primary = /^([a-z]{2,3})(?:-|$)/i.exec(tag.trim())?.[1]?.toLowerCase();
  if (primary === undefined) return undefined;
  // Canonicalising would fold some members into their macrolanguage (cmn → zh); keep them apart.
  if (primary in MACROLANGUAGE) return primary;
  try {
    return new Intl.Locale(Intl.getCanonicalLocales(primary)[0] ?? primary).language;
  } catch {
    return primary;
  }
}

/** The language tag of a census home-language name (its table entry, or the name if it is a tag); undefined when not known. */
export function censusLanguageTag(name: string): string | undefined {
  const known = CENSUS_LANGUAGE_TAGS[name.trim()];
  if (known !== undefined) return known;
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(name.trim()) ? canonicalLanguage(name) : undefined;
}

/** True when the two tags name the same language, or one is the macrolanguage of the other. */
export function sameLanguage(a: string, b: string): boolean {
  const x = canonicalLanguage(a);
  const y = canonicalLanguage(b);
  if (x === undefined || y === undefined) return false;
  return x === y || MACROLANGUAGE[x] === y || MACROLANGUAGE[y] === x;
}

let englishNames: Intl.DisplayNames | undefined;

/**
 * True when a service offered in `codes` serves speakers of the census home language
 * `censusName`. A name the table does not know matches a code whose English name is the same
 * word (before any bracket: "Tigrinya (Tigrigna)" is `ti`).
 */
export function servesLanguage(codes: readonly string[], censusName: string): boolean {
  const tag = censusLanguageTag(censusName);
  if (tag !== undefined) return codes.some((code) => sameLanguage(code, tag));
  const word = (censusName.split('(')[0] ?? '').trim().toLowerCase();
  const names = (englishNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }));
  return codes.some((code) => names.of(code)?.toLowerCase() === word);
}
