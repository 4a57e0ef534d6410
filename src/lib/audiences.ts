/**
 * The shared audience/eligibility vocabulary: who a service is for.
 *
 * A service lists audiences only when its source data says so; an absent list means
 * "unknown", never "everyone". Labels are translated UI strings under `audience.<id>`.
 * Groups let the finder show immigration statuses and age groups as separate filters.
 */
export const AUDIENCES = [
  /** Permanent residents (landed immigrants). */
  { id: 'permanent_resident', group: 'status' },
  /** Convention refugees and protected persons (resettled or landed in Canada). */
  { id: 'refugee', group: 'status' },
  /** People who have claimed asylum and await a decision. */
  { id: 'refugee_claimant', group: 'status' },
  /** Temporary foreign workers and other work-permit holders. */
  { id: 'temporary_worker', group: 'status' },
  /** International students with a study permit. */
  { id: 'international_student', group: 'status' },
  /** Canadian citizens (many settlement services also serve naturalised citizens). */
  { id: 'citizen', group: 'status' },
  /** Children (0 to 12). */
  { id: 'children', group: 'age' },
  /** Youth (13 to 24). */
  { id: 'youth', group: 'age' },
  /** Adults (25 to 64). */
  { id: 'adults', group: 'age' },
  /** Seniors (65 and over). */
  { id: 'seniors', group: 'age' },
  /** Services for women. */
  { id: 'women', group: 'identity' },
  /** Services for 2SLGBTQI+ people. */
  { id: 'lgbtq', group: 'identity' },
  /** Services for people with disabilities. */
  { id: 'disability', group: 'identity' },
  /** Services for Francophones (French-language services). */
  { id: 'francophone', group: 'identity' },
] as const;

/** One audience id, e.g. `'refugee_claimant'`. */
export type AudienceId = (typeof AUDIENCES)[number]['id'];

/** The filter group an audience belongs to. */
export type AudienceGroup = (typeof AUDIENCES)[number]['group'];

/** Every audience id, in display order. */
export const AUDIENCE_IDS: readonly AudienceId[] = AUDIENCES.map((a) => a.id);

const AUDIENCE_ID_SET: ReadonlySet<string> = new Set(AUDIENCE_IDS);

/** True when `value` is one of the shared audience ids (narrows the type). */
export function isAudienceId(value: unknown): value is AudienceId {
  return typeof value === 'string' && AUDIENCE_ID_SET.has(value);
}
