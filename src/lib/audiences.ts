/**
 * The shared audience/eligibility vocabulary: who a service is for.
 *
 * A service lists audiences only when its source data says so; an absent list means
 * "unknown", never "everyone". Labels are translated UI strings under `audience.<id>`; the English descriptions go into the
 * open-data export (HSDS taxonomy terms).
 * Groups let the finder show immigration statuses and age groups as separate filters.
 */
export const AUDIENCES = [
  { id: 'permanent_resident', description: 'Permanent residents (landed immigrants).', group: 'status' },
  {
    id: 'refugee',
    description: 'Convention refugees and protected persons (resettled or landed in Canada).',
    group: 'status',
  },
  { id: 'refugee_claimant', description: 'People who have claimed asylum and await a decision.', group: 'status' },
  { id: 'temporary_worker', description: 'Temporary foreign workers and other work-permit holders.', group: 'status' },
  { id: 'international_student', description: 'International students with a study permit.', group: 'status' },
  {
    id: 'citizen',
    description: 'Canadian citizens (many settlement services also serve naturalised citizens).',
    group: 'status',
  },
  { id: 'children', description: 'Children (0 to 12).', group: 'age' },
  { id: 'youth', description: 'Youth (13 to 24).', group: 'age' },
  { id: 'adults', description: 'Adults (25 to 64).', group: 'age' },
  { id: 'seniors', description: 'Seniors (65 and over).', group: 'age' },
  { id: 'women', description: 'Services for women.', group: 'identity' },
  { id: 'lgbtq', description: 'Services for 2SLGBTQI+ people.', group: 'identity' },
  { id: 'disability', description: 'Services for people with disabilities.', group: 'identity' },
  { id: 'francophone', description: 'Services for Francophones (French-language services).', group: 'identity' },
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
