/**
 * Reading the pipeline's input files from disk, for `npm run data` and the tests: the bytes
 * (decoding is the pipeline's job, see decode.ts), undefined when the file does not exist, and a
 * {@link FileError} when the path is a folder.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadFile } from './pipeline.ts';
import { FileError } from './readers.ts';

/** A {@link ReadFile} for paths relative to `dir`. */
export function readFilesIn(dir: string): ReadFile {
  return (file) => {
    const path = join(dir, file);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return undefined;
    if (stat.isDirectory()) throw new FileError([{ field: '*', reason: 'this path is a folder; the config must name a file in it' }]);
    return readFileSync(path);
  };
}
