import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageType, sitemapPaths, splitPagePath } from '../../../scripts/lib/page-types.ts';
import { localizedPath } from '../../../src/i18n/routes.ts';

describe('page types', () => {
  it('names each kind of page, specific routes before catch-alls', () => {
    expect(pageType('')).toBe('home');
    expect(pageType('services/')).toBe('finder');
    expect(pageType('services/lite/')).toBe('finder lite');
    expect(pageType('services/shortlist/')).toBe('shortlist');
    expect(pageType('services/category/health/')).toBe('category browse');
    expect(pageType('services/category/health/3/')).toBe('category browse');
    expect(pageType('services/need/doctor/')).toBe('need');
    expect(pageType('services/need/school/2/')).toBe('need list page');
    expect(pageType('services/some-clinic-123/')).toBe('service page');
    expect(pageType('fact-sheets/neighbourhoods/42/')).toBe('neighbourhood fact sheet');
    expect(pageType('fact-sheets/languages/')).toBe('fact sheet');
    expect(pageType('stories/poster/a-b/')).toBe('poster');
    expect(pageType('stories/booklet/')).toBe('booklet');
    expect(pageType('e-updates/archive/2025/')).toBe('e-update archive');
    expect(pageType('how-to-use/')).toBe('plain page');
    expect(pageType('a/b/c/d/')).toBe('other');
  });

  it('has a type for every route folder under src/pages/[lang]', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'src', 'pages', '[lang]');
    const routes = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.astro'))
      .map((f) =>
        f
          .replaceAll('\\', '/')
          .replace(/\.astro$/, '')
          .replace(/(^|\/)index$/, ''),
      )
      // a sample path for the route: [param] → x, [...page] → nothing
      .map((r) =>
        `${r.replace(/\[\.\.\.[^\]]+\]/g, '').replace(/\[[^\]]+\]/g, 'x')}/`.replace(/\/+/g, '/').replace(/^\/$/, ''),
      );
    const unknown = routes.filter((r) => pageType(r) === 'other');
    expect(unknown).toEqual([]);
  });

  it('splits the locale off a path', () => {
    expect(splitPagePath('/fr/services/x/', ['en', 'fr'])).toEqual({ locale: 'fr', path: 'services/x/' });
    expect(splitPagePath('/404.html', ['en', 'fr'])).toEqual({ locale: undefined, path: '404.html' });
  });

  it('reads the sitemap index and its files', () => {
    const files: Record<string, string> = {
      'sitemap-index.xml': '<sitemapindex><sitemap><loc>https://x.org/sitemap-0.xml</loc></sitemap></sitemapindex>',
      'sitemap-0.xml':
        '<urlset><url><loc>https://x.org/en/</loc></url><url><loc>https://x.org/fr/caf%C3%A9/</loc></url></urlset>',
    };
    expect(sitemapPaths((n) => files[n])).toEqual(['/en/', '/fr/café/']);
  });
});

describe('localizedPath', () => {
  it('puts the trailing slash before a query or a fragment', () => {
    expect(localizedPath('en', 'services/?category=health')).toBe('/en/services/?category=health');
    expect(localizedPath('fr', 'fact-sheets/#neighbourhoods')).toBe('/fr/fact-sheets/#neighbourhoods');
    expect(localizedPath('en', 'fact-sheets#top')).toBe('/en/fact-sheets/#top');
    expect(localizedPath('en', 'data/gaps.csv')).toBe('/en/data/gaps.csv');
    expect(localizedPath('en')).toBe('/en/');
  });
});
