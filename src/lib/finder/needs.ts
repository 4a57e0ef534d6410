/**
 * The newcomer-needs vocabulary: what people ask for ("doctor", "英语课", "SIN card") mapped to
 * the kinds of service that answer it, so the finder searches by need as well as by name.
 *
 * This table holds what is language-independent: each need's categories and sub-types and the
 * referral services that help with it. The words are UI strings, translated and reviewed like
 * every other string: `need.<id>` is the need's name, `needTerms.<id>` the words people type for
 * it (plain terms, misspellings, abbreviations such as ESL, LINC, SIN, OHIP), comma-separated.
 * The finder page sends the English words and its own language's words (never all ten).
 */
import type { CategoryId } from '../categories.ts';
import { normalizeText } from './text.ts';

/** Referral services a LIP configures (`referrals` in the site config), by what they help with. */
export const REFERRAL_KINDS = ['community', 'health', 'emergency'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** A kind of service that answers a need: a category, narrowed to some sub-types when given. */
export interface NeedTarget {
  category: CategoryId;
  subtypes?: readonly string[];
}

export interface Need {
  id: string;
  targets: readonly NeedTarget[];
  /** Who to call beyond the listed services, most relevant first. */
  referrals: readonly ReferralKind[];
}

const PRIMARY_CARE = [
  'primary_care_walk_in_clinic',
  'primary_care_family_health_team',
  'primary_care_community_health_centre',
  'primary_care_np_clinic',
  'primary_care_indigenous',
];

export const NEEDS = [
  { id: 'doctor', targets: [{ category: 'health', subtypes: PRIMARY_CARE }], referrals: ['health', 'community'] },
  { id: 'hospital', targets: [{ category: 'health', subtypes: ['hospital'] }], referrals: ['emergency', 'health'] },
  {
    id: 'mental_health',
    targets: [{ category: 'health', subtypes: ['mental_health_addiction'] }],
    referrals: ['health', 'community', 'emergency'],
  },
  {
    id: 'pregnancy',
    targets: [{ category: 'health', subtypes: ['maternal_midwifery', 'primary_care_community_health_centre'] }],
    referrals: ['health'],
  },
  // Community health centres see people without OHIP; settlement workers help apply for it.
  {
    id: 'health_card',
    targets: [{ category: 'health', subtypes: ['primary_care_community_health_centre'] }, { category: 'settlement' }],
    referrals: ['community', 'health'],
  },
  { id: 'pharmacy', targets: [{ category: 'pharmacy' }], referrals: ['health'] },
  { id: 'lab_test', targets: [{ category: 'health_diagnostic' }], referrals: ['health'] },
  { id: 'language_class', targets: [{ category: 'language_training' }], referrals: ['community'] },
  { id: 'job', targets: [{ category: 'employment' }], referrals: ['community'] },
  { id: 'settlement', targets: [{ category: 'settlement' }], referrals: ['community'] },
  // No government office is in the data; settlement workers help newcomers apply for documents.
  { id: 'documents', targets: [{ category: 'settlement' }], referrals: ['community'] },
  { id: 'housing', targets: [{ category: 'housing' }], referrals: ['community', 'emergency'] },
  { id: 'legal', targets: [{ category: 'legal' }], referrals: ['community'] },
  { id: 'food', targets: [{ category: 'food' }], referrals: ['community'] },
  { id: 'child_care', targets: [{ category: 'child_family' }], referrals: ['community'] },
  { id: 'school', targets: [{ category: 'education' }], referrals: ['community'] },
  { id: 'library', targets: [{ category: 'library' }], referrals: ['community'] },
  { id: 'computer', targets: [{ category: 'digital_access' }], referrals: ['community'] },
  { id: 'recreation', targets: [{ category: 'community_recreation' }], referrals: ['community'] },
  {
    id: 'seniors',
    targets: [{ category: 'seniors_community_support' }, { category: 'seniors_residential' }],
    referrals: ['community', 'health'],
  },
] as const satisfies readonly Need[];

/** One need id, e.g. `'doctor'`. */
export type NeedId = (typeof NEEDS)[number]['id'];

/** A need with its words normalised for matching. */
export interface CompiledNeed extends Need {
  terms: readonly string[];
}

/** Splits `needTerms` strings ("doctor, family doctor, docter") and normalises each term. */
export function compileNeeds(termsOf: (id: NeedId) => readonly string[]): CompiledNeed[] {
  return NEEDS.map((need): CompiledNeed => ({
    ...need,
    terms: [
      ...new Set(
        termsOf(need.id)
          .flatMap((s) => s.split(','))
          .map(normalizeText)
          .filter((t) => t !== ''),
      ),
    ],
  }));
}

/** Han, kana and Hangul are written without spaces, so their terms match inside longer text. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Where `term` occurs in `text` as whole words (a longer final word is allowed for terms of 4+ letters: "doctors"). */
function findTerm(text: string, term: string): number {
  if (UNSPACED.test(term)) return text.indexOf(term);
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const end = at + term.length;
    const startOk = at === 0 || text[at - 1] === ' ';
    const endOk = end === text.length || text[end] === ' ' || [...term].length >= 4;
    if (startOk && endOk) return at;
  }
  return -1;
}

const sortedTerms = new WeakMap<readonly CompiledNeed[], { need: CompiledNeed; term: string }[]>();

/** Every term with its need, longest first; computed once per vocabulary (not per keystroke). */
function termsByLength(needs: readonly CompiledNeed[]) {
  let list = sortedTerms.get(needs);
  if (!list) {
    list = needs
      .flatMap((need) => need.terms.map((term) => ({ need, term })))
      .sort((a, b) => b.term.length - a.term.length);
    sortedTerms.set(needs, list);
  }
  return list;
}

export interface Recognised {
  /** Needs named in the query, in vocabulary order. */
  needs: CompiledNeed[];
  /** Query words left once the need words are taken out (they must match a service's own text). */
  rest: string[];
}

/**
 * Finds the needs a query names. Longer terms win ("walk in clinic" before "clinic"); each
 * matched term is taken out of the query. A query that names no need but is the start of a term
 * (3+ characters, 2 for Chinese: "englis", "英语") names that term's need, so results do not
 * jump while someone is still typing.
 */
export function recogniseNeeds(query: string, needs: readonly CompiledNeed[]): Recognised {
  let text = normalizeText(query);
  if (text === '') return { needs: [], rest: [] };
  const byLength = termsByLength(needs);
  const found = new Set<CompiledNeed>();
  for (const { need, term } of byLength) {
    const at = findTerm(text, term);
    if (at < 0) continue;
    found.add(need);
    // Take out the term and the rest of its last word ("doctors" → "").
    let end = at + term.length;
    while (end < text.length && text[end] !== ' ') end += 1;
    text = `${text.slice(0, at)} ${text.slice(end)}`.replace(/ +/g, ' ').trim();
  }
  if (found.size === 0) {
    const minimum = UNSPACED.test(text) ? 2 : 3;
    if ([...text].length >= minimum) {
      for (const { need, term } of byLength) if (term.startsWith(text)) found.add(need);
      if (found.size > 0) text = '';
    }
  }
  return { needs: needs.filter((n) => found.has(n)), rest: text === '' ? [] : text.split(' ') };
}

/** Whether a service with these categories and sub-types answers a need. */
export function answersNeed(need: Need, categories: readonly string[], subtypes: readonly string[]): boolean {
  return need.targets.some(
    (t) => categories.includes(t.category) && (!t.subtypes || t.subtypes.some((s) => subtypes.includes(s))),
  );
}

/**
 * The services a need's own page lists: every record whose categories and sub-types answer the
 * need, by name in one collation. The list comes from the need itself, not from its words in a
 * language, so it holds the same services in the same order, and has the same page count, in
 * every language; it is the group the finder puts first when a query names that need alone.
 * Callers pass the collation of the site's default language, the one service names are written
 * in (a page's own script then orders that group by the reader's collation, which for these
 * names rarely differs).
 */
export function needList<R extends { name: string; categories: readonly string[]; subtypes: readonly string[] }>(
  need: Need,
  records: readonly R[],
  collator: Intl.Collator,
): R[] {
  return records
    .filter((r) => answersNeed(need, r.categories, r.subtypes))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** Referral kinds for a set of needs, most relevant first, without repeats. */
export function referralKinds(needs: readonly Need[]): ReferralKind[] {
  return [...new Set(needs.flatMap((n) => n.referrals))];
}

export interface NeedHelp {
  /** The query names needs and nothing in the whole data answers any of them (not just nothing left after filters). */
  unanswered: boolean;
  /** Referral lines to show: the needs' kinds when unanswered, all kinds when nothing was found, none otherwise. */
  referrals: ReferralKind[];
}

/** What a results page says beyond its list, for the finder and the static need pages alike. */
export function needHelp(
  needs: readonly Need[],
  records: readonly { categories: readonly string[]; subtypes: readonly string[] }[],
  found: number,
): NeedHelp {
  const unanswered =
    needs.length > 0 && !records.some((r) => needs.some((n) => answersNeed(n, r.categories, r.subtypes)));
  return { unanswered, referrals: unanswered ? referralKinds(needs) : found === 0 ? [...REFERRAL_KINDS] : [] };
}
