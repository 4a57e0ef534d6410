/**
 * Page types: one entry per kind of page the site builds, matched on the path after the locale
 * (`services/category/health/2/`). The accessibility sweep (tests/e2e/a11y-sweep.spec.ts) runs
 * axe on one page of every type in every locale; the static sweep (scripts/sweep.ts) validates
 * every page, and in its quick `--sample` mode every type's first page. The first matching
 * pattern wins, so specific routes come before the catch-all ones. A route added under
 * src/pages/[lang]/ without a type here falls into `plain page` or `other` and the unit test
 * tests/unit/sweep/page-types.test.ts says so.
 */
export interface PageType {
  id: string;
  /** Matches the locale-free path, with its trailing slash (`''` is the home page). */
  pattern: RegExp;
}

export const PAGE_TYPES: readonly PageType[] = [
  { id: 'home', pattern: /^$/ },
  { id: 'finder', pattern: /^services\/$/ },
  { id: 'finder lite', pattern: /^services\/lite\/$/ },
  { id: 'shortlist', pattern: /^services\/shortlist\/$/ },
  { id: 'category browse', pattern: /^services\/category\/[^/]+\/(\d+\/)?$/ },
  { id: 'need', pattern: /^services\/need\/[^/]+\/$/ },
  { id: 'need list page', pattern: /^services\/need\/[^/]+\/\d+\/$/ },
  { id: 'service page', pattern: /^services\/[^/]+\/$/ },
  { id: 'map', pattern: /^map\/$/ },
  { id: 'gaps', pattern: /^gaps\/$/ },
  { id: 'gaps methodology', pattern: /^gaps\/methodology\/$/ },
  { id: 'gaps residence table', pattern: /^gaps\/residence\/$/ },
  { id: 'gaps category table', pattern: /^gaps\/[^/]+\/$/ },
  { id: 'fact sheets', pattern: /^fact-sheets\/$/ },
  { id: 'neighbourhood fact sheet', pattern: /^fact-sheets\/neighbourhoods\/[^/]+\/$/ },
  { id: 'fact sheet', pattern: /^fact-sheets\/[^/]+\/$/ },
  { id: 'e-updates', pattern: /^e-updates\/$/ },
  { id: 'e-update archive', pattern: /^e-updates\/archive\/[^/]+\/$/ },
  { id: 'e-update', pattern: /^e-updates\/[^/]+\/$/ },
  { id: 'stories', pattern: /^stories\/$/ },
  { id: 'booklet', pattern: /^stories\/booklet\/$/ },
  { id: 'poster', pattern: /^stories\/poster\/[^/]+\/$/ },
  { id: 'story', pattern: /^stories\/[^/]+\/$/ },
  { id: 'news', pattern: /^news\/$/ },
  { id: 'news item', pattern: /^news\/[^/]+\/$/ },
  { id: 'events', pattern: /^events\/$/ },
  { id: 'event', pattern: /^events\/[^/]+\/$/ },
  { id: 'resources', pattern: /^resources\/$/ },
  { id: 'resources facet', pattern: /^resources\/[^/]+\/[^/]+\/$/ },
  { id: 'about', pattern: /^about\/$/ },
  { id: 'dashboard', pattern: /^dashboard\/$/ },
  { id: 'data', pattern: /^data\/$/ },
  { id: 'quality', pattern: /^data\/quality\/$/ },
  { id: 'quality file', pattern: /^data\/quality\/[^/]+\/$/ },
  { id: 'search', pattern: /^search\/$/ },
  { id: 'translation status', pattern: /^translation-status\/$/ },
  { id: 'plain page', pattern: /^[^/]+\/$/ },
];

/** The type of a locale-free path; `other` for none (a route this table does not know yet). */
export function pageType(path: string): string {
  return PAGE_TYPES.find((t) => t.pattern.test(path))?.id ?? 'other';
}

/** `/fr/services/x/` → `{ locale: 'fr', path: 'services/x/' }`; the locale is undefined for `/` or `/404.html`. */
export function splitPagePath(
  pathname: string,
  locales: readonly string[],
): { locale: string | undefined; path: string } {
  const [, first = '', ...rest] = pathname.split('/');
  if (locales.includes(first)) return { locale: first, path: rest.join('/') };
  return { locale: undefined, path: pathname.replace(/^\/+/, '') };
}

/** Every page URL listed in the built sitemaps (`sitemap-index.xml` and the files it names), as paths. */
export function sitemapPaths(readFile: (name: string) => string | undefined): string[] {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] ?? '').trim());
  const index = readFile('sitemap-index.xml');
  const files = index ? locs(index).map((u) => new URL(u).pathname.replace(/^\//, '')) : ['sitemap-0.xml'];
  const paths: string[] = [];
  for (const file of files) {
    const xml = readFile(file);
    if (xml === undefined) throw new Error(`sitemap file ${file} is missing`);
    for (const url of locs(xml)) paths.push(decodeURI(new URL(url).pathname));
  }
  return paths;
}
