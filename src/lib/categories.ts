/**
 * The one shared service-category vocabulary.
 *
 * Used by the importers (the rule table may only name these ids), the finder filters, the map
 * legend, the gap analysis and the fact sheets. Labels are translated UI strings under the i18n
 * key `category.<id>`; this table holds what is language-independent, and the English
 * description the open-data export gives each category (HSDS taxonomy terms).
 *
 * Colours: each one has at least 3:1 contrast against white (WCAG 2.2 SC 1.4.11, non-text
 * contrast for map symbols and legend swatches) and the hues are spread around the colour wheel
 * so neighbouring categories stay distinguishable; the icon is the second, colour-blind-safe cue.
 * `tests/unit/schema/categories.test.ts` checks the contrast and that no two colours repeat.
 */
export const CATEGORIES = [
  {
    id: 'settlement',
    description: 'Settlement and newcomer services (information, orientation, case work).',
    color: '#1565c0',
    icon: 'compass',
  },
  {
    id: 'language_training',
    description: 'Language classes: LINC, ESL/FSL, adult literacy.',
    color: '#4a148c',
    icon: 'speech-bubbles',
  },
  {
    id: 'employment',
    description: 'Employment help, bridging programs, career services.',
    color: '#a04a00',
    icon: 'briefcase',
  },
  { id: 'library', description: 'Public library branches.', color: '#3949ab', icon: 'book' },
  {
    id: 'digital_access',
    description: 'Public computers, digital skills, innovation hubs.',
    color: '#00727d',
    icon: 'laptop',
  },
  { id: 'community_recreation', description: 'Community and recreation centres.', color: '#2e7d32', icon: 'people' },
  {
    id: 'health',
    description: 'Primary care, hospitals, mental health, public health.',
    color: '#c62828',
    icon: 'heart-pulse',
  },
  {
    id: 'child_family',
    description: "Child care, children's treatment, family programs.",
    color: '#c2185b',
    icon: 'child',
  },
  {
    id: 'seniors_community_support',
    description: 'Community support services and active-living centres for seniors.',
    color: '#7a5c00',
    icon: 'hands',
  },
  {
    id: 'seniors_residential',
    description: 'Long-term care and retirement homes.',
    color: '#6d4c41',
    icon: 'home-care',
  },
  { id: 'pharmacy', description: 'Retail pharmacies.', color: '#00695c', icon: 'pill' },
  {
    id: 'health_diagnostic',
    description: 'Laboratories, imaging and other diagnostic facilities.',
    color: '#546e7a',
    icon: 'microscope',
  },
  { id: 'education', description: 'Schools, colleges and universities.', color: '#8e24aa', icon: 'school' },
  { id: 'housing', description: 'Housing help, shelters, newcomer reception houses.', color: '#4e7d1e', icon: 'house' },
  { id: 'legal', description: 'Legal clinics, immigration and refugee legal help.', color: '#37474f', icon: 'scale' },
  { id: 'food', description: 'Food banks, meal programs, community kitchens.', color: '#c43e00', icon: 'apple' },
] as const;

/** One category id, e.g. `'settlement'`. */
export type CategoryId = (typeof CATEGORIES)[number]['id'];

/** One row of the category table. */
export type Category = (typeof CATEGORIES)[number];

/** Every category id, in display order (the order of {@link CATEGORIES}). */
export const CATEGORY_IDS: readonly CategoryId[] = CATEGORIES.map((c) => c.id);

const CATEGORY_ID_SET: ReadonlySet<string> = new Set(CATEGORY_IDS);

/** True when `value` is one of the shared category ids (narrows the type). */
export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && CATEGORY_ID_SET.has(value);
}

/** The table row of a category id. */
export function categoryById(id: CategoryId): Category {
  const found = CATEGORIES.find((c) => c.id === id);
  // The type guarantees the id exists; this only guards against a stale cast.
  if (!found) throw new Error(`Unknown category id: ${id}`);
  return found;
}
