/**
 * The Open Referral HSDS vocabulary this project shares between its HSDS export
 * (`src/lib/export/hsds.ts`) and its HSDS importer (`src/lib/ingest/hsds.ts`): the version
 * followed and the site's own taxonomies, so a file the site exports reads back as it was.
 */

/** The HSDS version the export and import follow (the vendored schema: release 3.0.1 of HSDS 3.0). */
export const HSDS_VERSION = '3.0';
/** No profile beyond base HSDS: the canonical URL of the base schemas, which profiles modify. */
export const HSDS_PROFILE = 'https://github.com/openreferral/specification/tree/3.0/schema';
/** The OpenAPI file of the HSDS API the export's shapes follow. */
export const HSDS_OPENAPI = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';

/** Taxonomy of the site's service categories (`src/lib/categories.ts` ids). */
export const CATEGORY_TAXONOMY = 'lip-service-category';
/** Taxonomy of the finer tags the rule table gives (`subcategories`). */
export const SUBCATEGORY_TAXONOMY = 'lip-service-subcategory';
/** Taxonomy of who a service is for (`src/lib/audiences.ts` ids). */
export const AUDIENCE_TAXONOMY = 'lip-audience';

/** The site's taxonomies with their English names and descriptions. */
export const TAXONOMIES = {
  [CATEGORY_TAXONOMY]: {
    name: 'Newcomer service map: service categories',
    description: 'The shared categories services are sorted into on the newcomer service map.',
  },
  [SUBCATEGORY_TAXONOMY]: {
    name: 'Newcomer service map: service tags',
    description: 'Finer tags the category rule table gives services, such as the kind of clinic or school.',
  },
  [AUDIENCE_TAXONOMY]: {
    name: 'Newcomer service map: audiences',
    description: 'Who a service is for, when its source says so: immigration statuses, age groups and other groups.',
  },
} as const;
export type TaxonomyId = keyof typeof TAXONOMIES;
