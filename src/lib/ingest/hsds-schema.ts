/**
 * Checks records against the official Open Referral HSDS 3.0 schemas (vendored in
 * `vendor/hsds-3.0/`, CC BY-SA 4.0) with ajv, formats on, as the specification checks its own
 * examples. Each problem names the field (a path such as `phones[0].id`) and the reason.
 *
 * Imports use the specification's per-table schemas, which refer to each other (`phone.json`…):
 * they say the same as the compiled `schema/compiled/service.json` and compile in a fraction of
 * the time; the export test checks the compiled one too ({@link hsdsChecker}).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import openapi from '../../../vendor/hsds-3.0/schema/openapi.json' with { type: 'json' };
import accessibility from '../../../vendor/hsds-3.0/schema/accessibility.json' with { type: 'json' };
import address from '../../../vendor/hsds-3.0/schema/address.json' with { type: 'json' };
import attribute from '../../../vendor/hsds-3.0/schema/attribute.json' with { type: 'json' };
import contact from '../../../vendor/hsds-3.0/schema/contact.json' with { type: 'json' };
import costOption from '../../../vendor/hsds-3.0/schema/cost_option.json' with { type: 'json' };
import funding from '../../../vendor/hsds-3.0/schema/funding.json' with { type: 'json' };
import language from '../../../vendor/hsds-3.0/schema/language.json' with { type: 'json' };
import location from '../../../vendor/hsds-3.0/schema/location.json' with { type: 'json' };
import metaTableDescription from '../../../vendor/hsds-3.0/schema/meta_table_description.json' with { type: 'json' };
import metadata from '../../../vendor/hsds-3.0/schema/metadata.json' with { type: 'json' };
import organization from '../../../vendor/hsds-3.0/schema/organization.json' with { type: 'json' };
import organizationIdentifier from '../../../vendor/hsds-3.0/schema/organization_identifier.json' with { type: 'json' };
import phone from '../../../vendor/hsds-3.0/schema/phone.json' with { type: 'json' };
import program from '../../../vendor/hsds-3.0/schema/program.json' with { type: 'json' };
import requiredDocument from '../../../vendor/hsds-3.0/schema/required_document.json' with { type: 'json' };
import schedule from '../../../vendor/hsds-3.0/schema/schedule.json' with { type: 'json' };
import service from '../../../vendor/hsds-3.0/schema/service.json' with { type: 'json' };
import serviceArea from '../../../vendor/hsds-3.0/schema/service_area.json' with { type: 'json' };
import serviceAtLocation from '../../../vendor/hsds-3.0/schema/service_at_location.json' with { type: 'json' };
import taxonomy from '../../../vendor/hsds-3.0/schema/taxonomy.json' with { type: 'json' };
import taxonomyTerm from '../../../vendor/hsds-3.0/schema/taxonomy_term.json' with { type: 'json' };

const SCHEMAS: Readonly<Record<string, object>> = {
  'accessibility.json': accessibility,
  'address.json': address,
  'attribute.json': attribute,
  'contact.json': contact,
  'cost_option.json': costOption,
  'funding.json': funding,
  'language.json': language,
  'location.json': location,
  'meta_table_description.json': metaTableDescription,
  'metadata.json': metadata,
  'organization.json': organization,
  'organization_identifier.json': organizationIdentifier,
  'phone.json': phone,
  'program.json': program,
  'required_document.json': requiredDocument,
  'schedule.json': schedule,
  'service.json': service,
  'service_area.json': serviceArea,
  'service_at_location.json': serviceAtLocation,
  'taxonomy.json': taxonomy,
  'taxonomy_term.json': taxonomyTerm,
};

export interface SchemaProblem {
  readonly field: string;
  readonly reason: string;
}

function newAjv(): Ajv {
  // The schemas carry Frictionless keywords (`constraints`, `datapackage_metadata`…) that JSON Schema ignores.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv;
}

/** `/phones/0/id` → `phones[0].id`. */
function fieldOf(e: ErrorObject): string {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
  const missing =
    e.keyword === 'required' ? String((e.params as { missingProperty?: unknown }).missingProperty) : undefined;
  if (missing === undefined) return path === '' ? '*' : path;
  return path === '' ? missing : `${path}.${missing}`;
}

function reasonOf(e: ErrorObject): string {
  if (e.keyword === 'required') return 'is missing (required by HSDS 3.0)';
  if (e.keyword === 'format') return `must be a ${String((e.params as { format?: unknown }).format)} (HSDS 3.0)`;
  if (e.keyword === 'enum')
    return `must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')} (HSDS 3.0)`;
  return `${e.message ?? 'is not valid'} (HSDS 3.0)`;
}

function problems(validate: ValidateFunction, value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => ({ field: fieldOf(e), reason: reasonOf(e) }));
}

/** A checker for one whole schema (e.g. the compiled `service.json`). */
export function hsdsChecker(schema: object): (value: unknown) => SchemaProblem[] {
  const validate = newAjv().compile(schema);
  return (value) => problems(validate, value);
}

let validators: { service: ValidateFunction; page: ValidateFunction } | undefined;

function compiled(): { service: ValidateFunction; page: ValidateFunction } {
  if (validators === undefined) {
    const ajv = newAjv();
    for (const [name, schema] of Object.entries(SCHEMAS)) ajv.addSchema(schema, name);
    const Page = openapi.components.schemas.Page;
    // The API's `Page` with whole services as its `contents`, as `GET /services/{id}` gives them.
    ajv.addSchema(
      {
        ...Page,
        required: Object.keys(Page.properties),
        properties: { ...Page.properties, contents: { type: 'array', items: { $ref: 'service.json' } } },
      },
      'page.json',
    );
    validators = {
      service: ajv.getSchema('service.json') as ValidateFunction,
      page: ajv.getSchema('page.json') as ValidateFunction,
    };
  }
  return validators;
}

/** Problems of one service object against HSDS 3.0 `service.json`; empty when valid. */
export function checkHsdsService(service: unknown): SchemaProblem[] {
  return problems(compiled().service, service);
}

/** Problems of an API page of services (`total_items`, …, `contents`): the API's `Page` with valid services. */
export function checkHsdsServicePage(page: unknown): SchemaProblem[] {
  return problems(compiled().page, page);
}
