// @ts-check
/**
 * ESLint (`npm run lint`, run by `npm test` after the format check): the recommended sets of
 * ESLint, typescript-eslint and eslint-plugin-astro, plus the project's own conventions:
 * - `src/lib` is pure domain code: no `astro` or `astro:*` imports (docs/architecture.md);
 * - no HTML strings into the DOM (`innerHTML`, `outerHTML`, `insertAdjacentHTML`, MapLibre's
 *   `setHTML`, Astro's `set:html`): data is untrusted, so build nodes or set text;
 * - no non-null assertions (`!`) in src/: checked lookups that say what is missing instead.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Properties that parse a string as HTML. */
const htmlSinks = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTML', 'setHTMLUnsafe'].map((property) => ({
  property,
  message:
    'Untrusted text must not be parsed as HTML: build DOM nodes (createElement, textContent) or use setDOMContent/setText.',
}));

export default defineConfig(
  // Build output, third-party files, the xss fixture's hostile Markdown (.gitignore'd folders too).
  globalIgnores([
    'dist/',
    '.astro/',
    'src/generated/',
    'vendor/',
    'test-results/',
    'playwright-report/',
    'tests/fixtures/**/*.md',
  ]),
  js.configs.recommended,
  tseslint.configs.strict,
  tseslint.configs.stylistic,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-properties': ['error', ...htmlSinks],
      'astro/no-set-html-directive': 'error',
      // Tests and scripts may say "this fixture has it" with `!`; src/ may not (below).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `_`-prefixed parameters and rest siblings are deliberately unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // No `!` in the site's code: a DOM part is found with `required` (src/lib/client/dom.ts), an
    // index or map entry the code knows is there is read with `nth`/`entry` (src/lib/lookup.ts),
    // each failing with a message naming what is missing; anything else is narrowed.
    files: ['src/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  {
    // Code that runs in the browser: client elements and component scripts.
    files: ['src/components/**', 'src/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The service worker: a worker scope, not a page.
    files: ['src/lib/offline/worker/**'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^astro(:|/|$)',
              message:
                'src/lib is pure domain code without Astro: import the library itself (e.g. zod), and keep Astro in components, pages and the config.',
            },
          ],
        },
      ],
    },
  },
);
