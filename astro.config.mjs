// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import siteConfig from './data/site.config.ts';
import { LOCALES } from './src/i18n/locales.ts';

// Every published locale is prefixed (/en/…, /fr/…); `/` is our own language chooser page.
const locales = siteConfig.locales.filter((code) => code in LOCALES);

export default defineConfig({
  site: siteConfig.siteUrl,
  output: 'static',
  trailingSlash: 'always',
  i18n: {
    locales,
    defaultLocale: siteConfig.defaultLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    sitemap({
      i18n: {
        defaultLocale: siteConfig.defaultLocale,
        locales: Object.fromEntries(locales.map((code) => [code, LOCALES[/** @type {keyof typeof LOCALES} */ (code)].lang])),
      },
    }),
  ],
  build: { format: 'directory' },
  // Keep whitespace between inline elements (Astro 7 may otherwise join words across tags).
  compressHTML: false,
  devToolbar: { enabled: false },
});
