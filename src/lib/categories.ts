/**
 * The one shared service-category vocabulary.
 *
 * Used by the importers (the rule table may only name these ids), the finder filters, the map
 * legend, the gap analysis and the fact sheets. Labels are translated UI strings under the i18n
 * key `category.<id>`; this table only holds what is language-independent.
 *
 * Colours: each one has at least 3:1 contrast against white (WCAG 2.2 SC 1.4.11, non-text
 * contrast for map symbols and legend swatches) and the hues are spread around the colour wheel
 * so neighbouring categories stay distinguishable; the icon is the second, colour-blind-safe cue.
 * `tests/unit/schema/categories.test.ts` checks the contrast and that no two colours repeat.
 */
export const CATEGORIES = [
  /** Settlement and newcomer services (information, orientation, case work). */
  { id: 'settlement', color: '#1565c0', icon: 'compass' },
  /** Language classes: LINC, ESL/FSL, adult literacy. */
  { id: 'language_training', color: '#4a148c', icon: 'speech-bubbles' },
  /** Employment help, bridging programs, career services. */
  { id: 'employment', color: '#a04a00', icon: 'briefcase' },
  /** Public library branches. */
  { id: 'library', color: '#3949ab', icon: 'book' },
  /** Public computers, digital skills, innovation hubs. */
  { id: 'digital_access', color: '#00727d', icon: 'laptop' },
  /** Community and recreation centres. */
  { id: 'community_recreation', color: '#2e7d32', icon: 'people' },
  /** Primary care, hospitals, mental health, public health. */
  { id: 'health', color: '#c62828', icon: 'heart-pulse' },
  /** Child care, children's treatment, family programs. */
  { id: 'child_family', color: '#c2185b', icon: 'child' },
  /** Community support services and active-living centres for seniors. */
  { id: 'seniors_community_support', color: '#7a5c00', icon: 'hands' },
  /** Long-term care and retirement homes. */
  { id: 'seniors_residential', color: '#6d4c41', icon: 'home-care' },
  /** Retail pharmacies. */
  { id: 'pharmacy', color: '#00695c', icon: 'pill' },
  /** Laboratories, imaging and other diagnostic facilities. */
  { id: 'health_diagnostic', color: '#546e7a', icon: 'microscope' },
  /** Schools, colleges and universities. */
  { id: 'education', color: '#8e24aa', icon: 'school' },
  /** Housing help, shelters, newcomer reception houses. */
  { id: 'housing', color: '#4e7d1e', icon: 'house' },
  /** Legal clinics, immigration and refugee legal help. */
  { id: 'legal', color: '#37474f', icon: 'scale' },
  /** Food banks, meal programs, community kitchens. */
  { id: 'food', color: '#c43e00', icon: 'apple' },
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
