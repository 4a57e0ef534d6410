/**
 * `npm run bench`: runs every benchmark module in scripts/bench/ and prints its Markdown
 * section; `npm run bench -- --write` also records the sections in docs/benchmarks.md.
 * `npm run bench -- access` runs only the modules whose name contains "access".
 * Benchmarks measure time; tests never do.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeSection } from './lib/bench-doc.ts';
import { cliArgs } from './lib/cli.ts';

const dir = join(import.meta.dirname, 'bench');
const { values, positionals } = cliArgs('bench', { options: { write: { type: 'boolean' } }, allowPositionals: true });
const write = values.write === true;
const filter = positionals[0];
const modules = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && (!filter || name.includes(filter)))
  .sort();

for (const name of modules) {
  const mod = (await import(pathToFileURL(join(dir, name)).href)) as { run?: () => Promise<string> };
  if (typeof mod.run !== 'function') throw new Error(`scripts/bench/${name} does not export run()`);
  const section = await mod.run();
  console.log(section);
  if (write) writeSection(section);
}
