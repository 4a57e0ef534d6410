/**
 * gaps: spatial access scores (FCA, 2SFCA, E2SFCA, 3SFCA, catchment, gravity, nearest)
 * for analysts. Run `npm run --silent gaps -- --help` for usage. The logic lives in
 * src/lib/access/gaps-cli.ts; this file only does the I/O.
 */
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { GapsError, parseGapsArgs, runGaps, USAGE, type GapsFiles } from '../src/lib/access/gaps-cli.ts';

/** Reads a file in 4 MB chunks, reusing one buffer (the cost-table reader copies what it keeps). */
function* readChunks(path: string): Iterable<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(4 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

const files: GapsFiles = { readText: (path) => readFileSync(path, 'utf8'), readChunks };

function main(argv: readonly string[]): number {
  try {
    const args = parseGapsArgs(argv);
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const csv = runGaps(args, files);
    if (args.out !== undefined) {
      try {
        writeFileSync(args.out, csv);
      } catch (e) {
        throw new GapsError(`cannot write ${args.out}: ${(e as Error).message}`, 1);
      }
    } else {
      process.stdout.write(csv);
    }
    return 0;
  } catch (e) {
    if (e instanceof GapsError) {
      process.stderr.write(`gaps: ${e.message}\n`);
      if (e.exitCode === 2) process.stderr.write(`${USAGE}\n`);
      return e.exitCode;
    }
    if (e instanceof RangeError) {
      process.stderr.write(`gaps: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
