/**
 * Checked reads for what strictest TypeScript types as possibly missing
 * (`noUncheckedIndexedAccess`): an element the code knows exists, or a map entry it put there.
 * Each throws a RangeError saying what was missing, where a `!` would have let `undefined`
 * through to fail later.
 *
 * Not for the numeric kernels (src/lib/access: pairs, methods, cost tables): one shared reader
 * sees every kind of array, so its load in V8 goes megamorphic, and 2SFCA ran six times slower
 * with it. There a typed-array read says `a[i] ?? NaN`: the load stays at the call site, and a
 * missing value is NaN, which the engine already treats as "no value".
 */

/** `list[i]`, which must exist. */
export function nth<T>(list: ArrayLike<T>, i: number): T {
  const v = list[i];
  if (v === undefined) throw new RangeError(`index ${String(i)} is outside a list of ${String(list.length)}`);
  return v;
}

/** `map.get(key)`, which must be there; `what` names the key's kind in the error ("category"). */
export function entry<K, V>(map: ReadonlyMap<K, V>, key: K, what = 'key'): V {
  const v = map.get(key);
  if (v === undefined) throw new RangeError(`no ${what} "${String(key)}"`);
  return v;
}
