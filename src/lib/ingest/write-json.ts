/**
 * Writing the pipeline's outputs without building one giant string: a million services as
 * one JSON text exceed what a JavaScript string can hold ("Invalid string length"). Arrays at
 * the top level, or as values of a top-level object (`report.issues`), are written item by item
 * through a small buffer. The bytes are exactly `JSON.stringify(value) + "\n"`.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

/** Opens `path`, hands `put` (buffered writes) to `write`, then flushes and closes. */
function withWriter(path: string, write: (put: (s: string) => void) => void): void {
  const fd = openSync(path, 'w');
  let buffer = '';
  const put = (s: string): void => {
    buffer += s;
    if (buffer.length >= FLUSH_AT) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  try {
    write(put);
    put('\n');
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}

/** Writes a JSON array whose items are already JSON texts: `item(i)` for i below `length`. */
export function writeJsonArray(path: string, length: number, item: (i: number) => string): void {
  withWriter(path, (put) => {
    put('[');
    for (let i = 0; i < length; i++) put(i > 0 ? `,${item(i)}` : item(i));
    put(']');
  });
}

export function writeJsonFile(path: string, value: unknown): void {
  withWriter(path, (put) => {
    const putArray = (items: readonly unknown[]): void => {
      put('[');
      items.forEach((item, i) => put(`${i > 0 ? ',' : ''}${JSON.stringify(item) ?? 'null'}`));
      put(']');
    };
    if (Array.isArray(value)) putArray(value);
    else if (typeof value === 'object' && value !== null && !('toJSON' in value)) {
      put('{');
      let first = true;
      for (const [key, v] of Object.entries(value)) {
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
        put(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        if (Array.isArray(v)) putArray(v);
        else put(JSON.stringify(v));
      }
      put('}');
    } else put(JSON.stringify(value) ?? 'null');
  });
}
