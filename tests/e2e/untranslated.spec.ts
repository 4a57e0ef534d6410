/**
 * Translated pages contain no untranslated interface text: on built pages of every locale but
 * English, no English UI string (the literal parts of en.json values, 16 characters or more)
 * appears in the text a reader sees, except inside an element marked `lang="en"` (census
 * language names, technical definitions, sources as published) and a short allow-list of
 * names that are the same in every language.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { areaSheetPath } from '../../src/lib/slug.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const en = JSON.parse(read('src/i18n/strings/en.json')) as Record<string, string>;
const config = JSON.parse(read('src/generated/config.json')) as { locales: string[] };
const areas = JSON.parse(read('src/generated/areas.json')) as { id: string; name: string }[];
const services = JSON.parse(read('src/generated/services.json')) as { slug: string }[];

/** Names and terms written the same way in every language. */
const ALLOW = new Set([
  'Open Government Licence – Toronto',
  'Open Government Licence – Ontario',
  'Statistics Canada',
  'Services (Open Referral HSDS 3.0',
]);
const MIN = 16;

/** The literal runs of each English string (placeholders split them), long enough to be telling. */
const needles = [
  ...new Set(
    Object.values(en)
      .flatMap((v) => v.split(/\{\{[^}]*\}\}/))
      .map((s) => s.trim().replace(/^[\s.,:;()–-]+|[\s.,:;()–-]+$/g, ''))
      .filter((s) => s.length >= MIN && !ALLOW.has(s)),
  ),
];

const area = areas.find((a) => a.id === '2') ?? areas[0];
const pages = [
  '',
  'dashboard/',
  'fact-sheets/',
  'fact-sheets/newcomers-at-a-glance/',
  'fact-sheets/languages/',
  'fact-sheets/access-to-services/',
  area ? areaSheetPath(area) : 'fact-sheets/',
  'search/',
  'data/',
  'data/quality/',
  'resources/',
  `services/${services[0]?.slug ?? ''}/`,
];

for (const locale of config.locales.filter((l) => l !== 'en')) {
  test(`${locale}: no English interface text on its pages`, async ({ page }) => {
    test.setTimeout(120_000);
    const leaks: string[] = [];
    for (const path of pages) {
      await page.goto(`/${locale}/${path}`);
      const text = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest('script, style, template')) continue;
          const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
          if (lang === 'en' || lang.startsWith('en-')) continue;
          out.push(n.textContent ?? '');
        }
        return out.join(' ').replace(/\s+/g, ' ');
      });
      for (const needle of needles) if (text.includes(needle)) leaks.push(`/${locale}/${path}: "${needle}"`);
    }
    expect(leaks, leaks.join('\n')).toEqual([]);
  });
}
