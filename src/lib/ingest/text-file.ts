/**
 * A {@link TextStore} in a scratch file: texts are appended as UTF-8 through a 1 MB buffer and
 * read back by offset, so `npm run data` holds a million services' JSON on disk, not in memory.
 * Texts are read only after the last one is added (merging and writing come after reading).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TextStore } from './service-store.ts';

export class FileTexts implements TextStore {
  readonly #dir: string;
  readonly #fd: number;
  /** Byte offset where text i starts; one more entry than texts (the end of the last). */
  readonly #ends: number[] = [0];
  #buffer = Buffer.allocUnsafe(1 << 20);
  #used = 0;
  #flushed = 0;
  #read = Buffer.allocUnsafe(1 << 16);

  constructor() {
    this.#dir = mkdtempSync(join(tmpdir(), 'nsm-data-'));
    this.#fd = openSync(join(this.#dir, 'texts'), 'w+');
  }

  push(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.#used + bytes > this.#buffer.length) this.#flush();
    if (bytes > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(bytes);
    this.#buffer.write(text, this.#used);
    this.#used += bytes;
    this.#ends.push(this.#flushed + this.#used);
  }

  get(i: number): string {
    if (this.#used > 0) this.#flush();
    const start = this.#ends[i] as number;
    const length = (this.#ends[i + 1] as number) - start;
    if (length > this.#read.length) this.#read = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) got += readSync(this.#fd, this.#read, got, length - got, start + got);
    return this.#read.toString('utf8', 0, length);
  }

  /** Closes and deletes the scratch file. */
  close(): void {
    closeSync(this.#fd);
    rmSync(this.#dir, { recursive: true, force: true });
  }

  #flush(): void {
    let done = 0;
    while (done < this.#used) done += writeSync(this.#fd, this.#buffer, done, this.#used - done, this.#flushed + done);
    this.#flushed += this.#used;
    this.#used = 0;
  }
}
