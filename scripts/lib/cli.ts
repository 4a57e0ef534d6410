/**
 * Command-line arguments of every script, read with `node:util` `parseArgs` (strict: an unknown
 * option is an error). Bad usage prints one line naming the problem and exits 2, never a stack
 * trace. (src/lib/access/gaps-cli.ts parses the same way and reports through its own error type.)
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function cliArgs<const T extends ParseArgsConfig>(name: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${name}: ${(error as Error).message}`);
    process.exit(2);
  }
}
