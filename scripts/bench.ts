/**
 * `npm run bench`: runs every benchmark module in scripts/bench/ and prints its Markdown
 * section. Copy the figures into docs/benchmarks.md. Benchmarks measure time; tests never do.
 * `npm run bench -- access` runs only the modules whose name contains "access".
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = join(import.meta.dirname, 'bench');
const filter = process.argv[2];
const modules = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && (!filter || name.includes(filter)))
  .sort();

for (const name of modules) {
  const mod = (await import(pathToFileURL(join(dir, name)).href)) as { run?: () => Promise<string> };
  if (typeof mod.run !== 'function') throw new Error(`scripts/bench/${name} does not export run()`);
  console.log(await mod.run());
}
