/**
 * The editor's configuration (Sveltia CMS, which reads Decap CMS's `config.yml` format), derived
 * from the same zod schemas the content collections validate with, so the editor's fields,
 * required marks, choices and patterns cannot drift from what the build accepts.
 *
 * Pure: the admin page's `config.yml` endpoint (`src/pages/admin/config.yml.ts`) serialises it.
 */
import { z } from 'zod';
import { CONTENT_SCHEMAS, type ContentCollection } from '../schema/content.ts';

/** A JSON Schema node, as `z.toJSONSchema` writes it (only the keywords used here). */
interface JsonSchema {
  readonly type?: string;
  readonly enum?: readonly (string | number)[];
  readonly pattern?: string;
  readonly format?: string;
  readonly default?: unknown;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly anyOf?: readonly JsonSchema[];
}

/** One editor field (the subset of the Decap/Sveltia field options this site needs). */
export interface CmsField {
  readonly name: string;
  readonly label: string;
  readonly widget: 'string' | 'text' | 'markdown' | 'number' | 'boolean' | 'select' | 'list' | 'object' | 'datetime';
  readonly required?: false;
  readonly default?: unknown;
  readonly i18n?: true | 'duplicate';
  readonly options?: readonly (string | number)[];
  readonly multiple?: true;
  readonly value_type?: 'int' | 'float';
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: readonly [string, string];
  readonly fields?: readonly CmsField[];
  readonly field?: CmsField;
  readonly format?: string;
  readonly time_format?: false;
}

export interface CmsCollection {
  readonly name: ContentCollection;
  readonly label: string;
  readonly folder: string;
  readonly create: true;
  readonly slug: string;
  readonly extension: 'md';
  readonly format: 'frontmatter';
  readonly i18n: true;
  readonly summary: string;
  readonly fields: readonly CmsField[];
}

/** Where the editor saves: a Git host (see docs/editing.md), and always the local folder mode. */
export interface CmsBackend {
  readonly name: 'github' | 'gitlab' | 'gitea';
  /** `owner/name` of the LIP's repository. */
  readonly repo: string;
  readonly branch?: string | undefined;
  /** The OAuth helper's address (for GitHub: a small worker the LIP runs; see docs/editing.md). */
  readonly base_url?: string | undefined;
  /** The Git host's API root, for a self-hosted GitLab or Gitea. */
  readonly api_root?: string | undefined;
}

export interface CmsConfig {
  readonly backend: CmsBackend;
  readonly media_folder: string;
  readonly public_folder: string;
  readonly i18n: {
    readonly structure: 'multiple_folders';
    readonly locales: readonly string[];
    readonly default_locale: string;
    readonly initial_locales: 'default';
  };
  readonly output: { readonly omit_empty_optional_fields: true };
  readonly collections: readonly CmsCollection[];
}

/** The collections staff edit, their labels and the field their list shows. The people list stays in Git. */
export const EDITABLE: readonly (readonly [ContentCollection, string, string])[] = [
  ['e-updates', 'E-updates', '{{issue}} · {{title}}'],
  ['events', 'Events', '{{start}} · {{title}}'],
  ['news', 'News', '{{date}} · {{title}}'],
  ['stories', 'Stories', '{{name}} · {{title}}'],
  ['resources', 'Resources', '{{year}} · {{title}}'],
  ['fact-sheets', 'Fact sheets', '{{title}}'],
];

/** Fields written as several lines of plain text (a textarea) rather than one line. */
const LONG_TEXT = new Set(['description', 'text', 'quote']);
/** Fields whose words are translated; every other field is copied to each language's file. */
const TRANSLATED = new Set([
  'title',
  'description',
  'text',
  'quote',
  'role',
  'shared',
  'name',
  'alt',
  'place',
  'items',
  'special',
  'lipNews',
  'communityCapacity',
  'organizer',
  'publisher',
]);
/** Labels clearer than the field's name. */
const LABELS: Readonly<Record<string, string>> = {
  lipNews: 'News from the LIP',
  communityCapacity: 'Building community capacity',
  url: 'Web address',
  src: 'Image file or web address',
  alt: 'Text alternative (what the image shows)',
  serviceId: 'Service id',
  areaId: 'Area id',
};

/** What a string pattern accepts: a calendar date, a local date and time, or something else. */
function patternKind(pattern: string): 'date' | 'date-time' | 'other' {
  const re = new RegExp(pattern);
  if (re.test('2025-03-01')) return 'date';
  if (re.test('2025-03-01T09:30')) return 'date-time';
  return 'other';
}

/** `communityCapacity` → `Community capacity`. */
export function fieldLabel(name: string): string {
  if (LABELS[name]) return LABELS[name];
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The field for one property of a content schema. */
export function cmsField(name: string, schema: JsonSchema, required: boolean, top = true): CmsField {
  const base = {
    name,
    label: fieldLabel(name),
    ...(required ? {} : { required: false as const }),
    ...(schema.default !== undefined && !(Array.isArray(schema.default) && schema.default.length === 0)
      ? { default: schema.default }
      : {}),
    ...(top ? { i18n: TRANSLATED.has(name) ? (true as const) : ('duplicate' as const) } : {}),
  };
  const variant = schema.anyOf?.find((s) => s.type === 'string') ?? schema;
  if (variant.enum) return { ...base, widget: 'select', options: variant.enum };
  if (variant.type === 'boolean') return { ...base, widget: 'boolean' };
  if (variant.type === 'integer' || variant.type === 'number') {
    return {
      ...base,
      widget: 'number',
      value_type: variant.type === 'integer' ? 'int' : 'float',
      ...(variant.minimum !== undefined &&
      Number.isSafeInteger(variant.minimum) &&
      Math.abs(variant.minimum) < Number.MAX_SAFE_INTEGER
        ? { min: variant.minimum }
        : {}),
      ...(variant.maximum !== undefined && variant.maximum < Number.MAX_SAFE_INTEGER ? { max: variant.maximum } : {}),
    };
  }
  if (variant.type === 'array' && variant.items) {
    const items = variant.items;
    if (items.enum) return { ...base, widget: 'select', multiple: true, options: items.enum };
    if (items.type === 'object') return { ...base, widget: 'list', fields: objectFields(items) };
    return { ...base, widget: 'list', field: cmsField(name, items, true, false) };
  }
  if (variant.type === 'object') return { ...base, widget: 'object', fields: objectFields(variant) };
  const kind = variant.pattern ? patternKind(variant.pattern) : 'other';
  if (kind === 'date') return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', time_format: false };
  if (kind === 'date-time') return { ...base, widget: 'datetime', format: 'YYYY-MM-DDTHH:mm' };
  const pattern = variant.pattern
    ? { pattern: [variant.pattern, `must match ${variant.pattern}`] as const }
    : variant.format === 'uri'
      ? { pattern: ['^https?://', 'a web address starting with https://'] as const }
      : {};
  return { ...base, widget: LONG_TEXT.has(name) ? 'text' : 'string', ...pattern };
}

function objectFields(schema: JsonSchema): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    cmsField(name, property, required.has(name), false),
  );
}

/** The editor's fields for one collection: every front-matter field of its schema, then the Markdown body. */
export function collectionFields(collection: ContentCollection): CmsField[] {
  const json = z.toJSONSchema(CONTENT_SCHEMAS[collection], { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(json.required ?? []);
  const fields = Object.entries(json.properties ?? {}).map(([name, property]) =>
    cmsField(name, property, required.has(name)),
  );
  return [...fields, { name: 'body', label: 'Text', widget: 'markdown', required: false, i18n: true }];
}

/** The whole editor configuration for a site publishing `locales`, saving to `backend`, whose Markdown is in `contentFolder` (from the repository's root, e.g. `demo/toronto/content`). */
export function cmsConfig(options: {
  readonly locales: readonly string[];
  readonly defaultLocale: string;
  readonly backend: CmsBackend;
  readonly contentFolder: string;
}): CmsConfig {
  return {
    backend: options.backend,
    media_folder: 'public/images/uploads',
    public_folder: '/images/uploads',
    i18n: {
      structure: 'multiple_folders',
      locales: options.locales,
      default_locale: options.defaultLocale,
      initial_locales: 'default',
    },
    // An optional field left empty is left out of the file: the schemas reject "" and null.
    output: { omit_empty_optional_fields: true },
    collections: EDITABLE.map(([name, label, summary]) => ({
      name,
      label,
      folder: `${options.contentFolder}/${name}`,
      create: true,
      slug: '{{year}}-{{month}}-{{slug}}',
      extension: 'md',
      format: 'frontmatter',
      i18n: true,
      summary,
      fields: collectionFields(name),
    })),
  };
}

/** Origins the editor talks to for `backend`, for the admin page's Content-Security-Policy. */
export function backendOrigins(backend: CmsBackend): string[] {
  const api =
    backend.api_root ??
    (backend.name === 'github'
      ? 'https://api.github.com'
      : backend.name === 'gitlab'
        ? 'https://gitlab.com'
        : undefined);
  return [api, backend.base_url].flatMap((url) => {
    if (url === undefined) return [];
    try {
      return [new URL(url).origin];
    } catch {
      return [];
    }
  });
}
