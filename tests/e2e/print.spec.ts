/**
 * Fact sheets print as promised: each one on a single Letter page (the fact-sheet index says
 * "one page"). Measured with Chromium's own PDF output (`page.pdf`, Letter, the print
 * stylesheet), counting the PDF's page objects; Latin and Arabic locales (the test machines have
 * no Tamil or Chinese fonts, whose metrics would be guessed).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { areaSheetPath } from '../../src/lib/slug.ts';

const root = new URL('../../', import.meta.url);
const areas = JSON.parse(readFileSync(new URL('src/generated/areas.json', root), 'utf8')) as {
  id: string;
  name: string;
}[];
const citySheets = readdirSync(new URL('demo/toronto/content/fact-sheets/en/', root))
  .map((f) => f.replace(/\.md$/, ''))
  .filter(
    (slug) =>
      !readFileSync(new URL(`demo/toronto/content/fact-sheets/en/${slug}.md`, root), 'utf8').includes(
        'scope: area-template',
      ),
  );

/** Pages in a PDF: its `/Type /Page` objects (not the `/Type /Pages` tree nodes). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

async function printedPages(page: Page, path: string): Promise<number> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  // The fact sheet itself, not an error page, is what gets printed.
  await expect(page.locator('article.fact-sheet')).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  return pdfPageCount(await page.pdf({ format: 'Letter', printBackground: true }));
}

test.describe('fact sheets print on one Letter page', () => {
  // Wide neighbourhood samples: the longest name, a sheet with many service kinds, the first.
  const longest = [...areas].sort((a, b) => b.name.length - a.name.length)[0];
  const samples = [areas[0], longest, areas.find((a) => a.id === '83')].filter(
    (a): a is { id: string; name: string } => a !== undefined,
  );
  const paths = [
    ...citySheets.flatMap((slug) =>
      ['en', 'fr', 'es', 'pt', 'tl', 'fa', 'ar'].map((l) => `/${l}/fact-sheets/${slug}/`),
    ),
    ...samples.flatMap((a) => ['en', 'fr', 'ar'].map((l) => `/${l}/${areaSheetPath(a)}`)),
  ];
  for (const path of paths) {
    test(path, async ({ page }) => {
      expect(await printedPages(page, path), `${path} printed pages`).toBe(1);
    });
  }

  test('the PDF page counter counts pages, not the page tree', () => {
    const fake = Buffer.from(
      '1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] >> 2 0 obj << /Type /Page >> 3 0 obj << /Type/Page >>',
    );
    expect(pdfPageCount(fake)).toBe(2);
  });
});
