/**
 * Reading the pipeline's input files from disk, for `npm run data` and the tests: the bytes
 * (decoding is the pipeline's job, see decode.ts), undefined when the file does not exist, and a
 * {@link FileError} when the path is a folder or leads outside the config's folder (through a
 * symbolic link: the config's own paths cannot hold ".." or be absolute).
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { ReadFile } from './pipeline.ts';
import { FileError } from './readers.ts';

/** A {@link ReadFile} for paths relative to `dir`. */
export function readFilesIn(dir: string): ReadFile {
  let root: string | undefined;
  return (file) => {
    const path = join(dir, file);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return undefined;
    root ??= realpathSync(dir);
    const real = realpathSync(path);
    if (real !== root && !real.startsWith(root + sep)) {
      throw new FileError([
        {
          field: '*',
          reason: `this path leads outside the config's folder ${dir} (to ${real}, through a symbolic link); copy the file into the folder`,
        },
      ]);
    }
    if (stat.isDirectory())
      throw new FileError([{ field: '*', reason: 'this path is a folder; the config must name a file in it' }]);
    return readFileSync(path);
  };
}
