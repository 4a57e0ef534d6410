/**
 * A scratch copy of the project for building a fixture site without touching this tree's
 * `src/generated` or `dist`: the sources are copied, `node_modules` is mirrored with hard links.
 * Used by `npm test` (the xss fixture) and by tests/e2e/cms.spec.ts.
 */
import { copyFileSync, cpSync, linkSync, mkdirSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Mirrors a folder with hard links (copies across file systems), keeping symbolic links as they are. */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [src, dest] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dest);
    else if (entry.isDirectory()) linkTree(src, dest);
    else {
      try {
        linkSync(src, dest);
      } catch {
        copyFileSync(src, dest);
      }
    }
  }
}

/** Copies the project at `root` to `copy` (no build output, no Git folder); node_modules as hard links. */
export function copyProject(root: string, copy: string): void {
  const skip = /^(?:node_modules|dist|\.git|src\/generated|test-results|\.astro)(?:\/|$)/;
  cpSync(root, copy, { recursive: true, filter: (src) => !skip.test(relative(root, src)) });
  // Hard links (a copy when they are not possible): a symlinked node_modules changes how Vite resolves files in it.
  linkTree(join(root, 'node_modules'), join(copy, 'node_modules'));
}
