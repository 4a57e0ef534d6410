// Entry of `npm run gaps`: turns on Node's compile cache (a folder in the system's temporary
// directory), then loads the TypeScript CLI (gaps.ts). Later runs take the type-stripped,
// compiled modules from the cache, so start-up skips loading the type stripper and compiling.
// Plain JavaScript because a .ts entry would itself be stripped before the cache is on.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./gaps.ts');
