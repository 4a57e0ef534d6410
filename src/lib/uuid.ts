/**
 * Name-based UUIDs (version 5, RFC 9562 §5.5): the same namespace and name always give the
 * same UUID, so ids derived from a record's stable source id survive rebuilds.
 */
import { createHash } from 'node:crypto';
import { nth } from './lookup.ts';

/** The RFC 9562 namespace for names that are URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the 8-4-4-4-12 hex form of any UUID. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The version 5 UUID of `name` in `namespace` (itself a UUID). */
export function uuidV5(name: string, namespace: string): string {
  if (!isUuid(namespace)) throw new Error(`namespace "${namespace}" is not a UUID`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (nth(bytes, 6) & 0x0f) | 0x50;
  bytes[8] = (nth(bytes, 8) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
