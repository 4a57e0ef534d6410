/**
 * UI strings for client scripts, from one spec per component. The spec names each message's UI
 * key and the placeholders the script fills (`{name}`); the page translates it at build time
 * (`clientMessages` in src/i18n/client-messages.ts) and the script reads it back typed
 * (`readMessages`), every message checked present once, so scripts need no `!` or `?? ''`.
 * A counted message (`plural: true`) travels as its plural forms (`one`, `few`, `other` …).
 */
import type { UIKey } from '../i18n/index.ts';
import { fillTemplate } from './template.ts';

/** The forms of a counted message by plural category, with `{count}` where the number goes. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

export interface TextMessage {
  readonly key: UIKey;
  /** Placeholders left for the script to fill. */
  readonly fill?: readonly string[];
}
export interface PluralMessage extends TextMessage {
  readonly plural: true;
}
export type MessageSpec = Readonly<Record<string, TextMessage | PluralMessage>>;

/** What a component's script receives for its spec. */
export type ClientMessages<S extends MessageSpec> = {
  readonly [K in keyof S]: S[K] extends PluralMessage ? PluralForms : string;
};

/** Reads the messages a page rendered for `spec` (JSON in a `data-` attribute); throws naming the first one missing. */
export function readMessages<S extends MessageSpec>(spec: S, json: string | undefined): ClientMessages<S> {
  return checkMessages(spec, JSON.parse(json ?? '{}'));
}

/** The messages of `spec` in a value already parsed (e.g. part of a component's config); throws naming the first one missing. */
export function checkMessages<S extends MessageSpec>(spec: S, value: unknown): ClientMessages<S> {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  for (const [name, def] of Object.entries(spec)) {
    const value = raw[name];
    const ok =
      'plural' in def
        ? typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['other'] === 'string'
        : typeof value === 'string';
    if (!ok) throw new TypeError(`client message "${name}" (${def.key}) is missing`);
  }
  return raw as ClientMessages<S>;
}

/** The plural form of `forms` for `count` in the locale's `Intl` tag, with the count (and `values`) filled in. */
export function fillPlural(
  forms: PluralForms,
  count: number,
  tag: string,
  values: Record<string, string> = {},
): string {
  const form = forms[new Intl.PluralRules(tag).select(count)] ?? forms.other;
  return fillTemplate(form, { ...values, count: new Intl.NumberFormat(tag).format(count) });
}
