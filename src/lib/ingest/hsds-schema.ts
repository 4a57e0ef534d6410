/**
 * Checks records against the official Open Referral HSDS 3.0 compiled schemas (vendored in
 * `vendor/hsds-3.0/`, CC BY-SA 4.0) with ajv, formats on, as the specification checks its own
 * examples. Each problem names the field (a JSON path such as `phones[0].id`) and the reason.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import serviceSchema from '../../../vendor/hsds-3.0/schema/compiled/service.json' with { type: 'json' };
import openapi from '../../../vendor/hsds-3.0/schema/openapi.json' with { type: 'json' };

export interface SchemaProblem {
  readonly field: string;
  readonly reason: string;
}

let validators: { service: ValidateFunction; page: ValidateFunction } | undefined;

function compiled(): { service: ValidateFunction; page: ValidateFunction } {
  if (validators === undefined) {
    // The schemas carry Frictionless keywords (`constraints`, `datapackage_metadata`…) that JSON Schema ignores.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const service = ajv.compile(serviceSchema);
    // The API's `Page` (openapi.json) with whole services as its `contents`, as `GET /services/{id}` gives them.
    const page = ajv.compile({
      ...openapi.components.schemas.Page,
      required: Object.keys(openapi.components.schemas.Page.properties),
      properties: { ...openapi.components.schemas.Page.properties, contents: { type: 'array', items: serviceSchema } },
    });
    validators = { service, page };
  }
  return validators;
}

/** `/phones/0/id` → `phones[0].id`. */
function fieldOf(e: ErrorObject): string {
  const path = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
  const missing = e.keyword === 'required' ? String((e.params as { missingProperty?: unknown }).missingProperty) : undefined;
  if (missing === undefined) return path === '' ? '*' : path;
  return path === '' ? missing : `${path}.${missing}`;
}

function reasonOf(e: ErrorObject): string {
  if (e.keyword === 'required') return 'is required by HSDS 3.0 and missing';
  if (e.keyword === 'format') return `must be a ${String((e.params as { format?: unknown }).format)} (HSDS 3.0)`;
  if (e.keyword === 'enum') return `must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')} (HSDS 3.0)`;
  return `${e.message ?? 'is not valid'} (HSDS 3.0)`;
}

function problems(validate: ValidateFunction, value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => ({ field: fieldOf(e), reason: reasonOf(e) }));
}

/** Problems of one service object against `schema/compiled/service.json`; empty when valid. */
export function checkHsdsService(service: unknown): SchemaProblem[] {
  return problems(compiled().service, service);
}

/** Problems of an API page of services (`total_items`, …, `contents`): the API's `Page` with valid services. */
export function checkHsdsServicePage(page: unknown): SchemaProblem[] {
  return problems(compiled().page, page);
}
