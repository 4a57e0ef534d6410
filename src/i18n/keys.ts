/**
 * UI string keys built at run time (`category.${id}`, a configured indicator's label) without
 * casts: `dynamicKey` checks the ids against the string files at compile time, `uiKey` checks a
 * string from configuration or content at build time and names the key it cannot find.
 */
import en from './strings/en.json' with { type: 'json' };
import type { UIKey } from './index.ts';

/** The ids after a prefix among the UI keys: `KeySuffix<'chart.unit.'>` → `'count' | 'percent' …`. */
export type KeySuffix<P extends string> = UIKey extends infer K ? (K extends `${P}${infer S}` ? S : never) : never;

/**
 * A key from a prefix and an id whose type says it has a string: `dynamicKey('category.', c)`
 * compiles only when every value `c` can take has a `category.<id>` key in en.json.
 */
export function dynamicKey<P extends string, S extends KeySuffix<P>>(prefix: P, id: S): `${P}${S}` {
  return uiKey(`${prefix}${id}`) as `${P}${S}`;
}

/** English keys with plural forms folded into their base key (`search.results_one` → `search.results`). */
const KEYS: ReadonlySet<string> = new Set(Object.keys(en).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));

/** Whether a string is a UI key (English, the reference, has it, or its plural forms). */
export function isUIKey(key: string): key is UIKey {
  return KEYS.has(key);
}

/** A key from configuration or content, checked: throws naming the key (and `where` it came from) when en.json lacks it. */
export function uiKey(key: string, where?: string): UIKey {
  if (isUIKey(key)) return key;
  throw new Error(`No UI string "${key}"${where ? ` (${where})` : ''} in src/i18n/strings/en.json`);
}
