/**
 * The build-time half of src/lib/client-messages.ts: translates a component's message spec
 * into the page's language, leaving `{name}` for each placeholder the script fills.
 */
import type { ClientMessages, MessageSpec, PluralForms } from '../lib/client-messages.ts';
import { pluralTemplates, useTranslations } from './index.ts';
import type { Locale } from './locales.ts';

/** `values` gives build-time values of a message's other placeholders (e.g. the census year). */
export function clientMessages<S extends MessageSpec>(
  locale: Locale,
  spec: S,
  values: Partial<Record<keyof S, Record<string, string>>> = {},
): ClientMessages<S> {
  const t = useTranslations(locale);
  const out: Record<string, string | PluralForms> = {};
  for (const [name, def] of Object.entries(spec)) {
    const vars = { ...Object.fromEntries((def.fill ?? []).map((p) => [p, `{${p}}`])), ...values[name] };
    out[name] = 'plural' in def ? (pluralTemplates(locale, def.key, vars) as PluralForms) : t(def.key, vars);
  }
  return out as ClientMessages<S>;
}
