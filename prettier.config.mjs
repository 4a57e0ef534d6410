// @ts-check
/**
 * Prettier: `npm run format` writes, `npm run format:check` checks (the first step of `npm test`).
 * What it leaves alone is in .prettierignore; indentation and line ends also in .editorconfig.
 * @type {import('prettier').Config}
 */
export default {
  plugins: ['prettier-plugin-astro'],
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  // Markdown prose keeps its line breaks (content files are edited in the browser editor too).
  proseWrap: 'preserve',
  overrides: [
    {
      files: '*.astro',
      options: {
        parser: 'astro',
        // Must mirror `compressHTML` in astro.config.mjs (false → 'none'): the plugin then
        // keeps every whitespace run that the compiler would publish, so reformatting a component
        // never adds or removes a space between words on a page.
        astroCompressHTML: 'none',
        htmlWhitespaceSensitivity: 'strict',
      },
    },
  ],
};
