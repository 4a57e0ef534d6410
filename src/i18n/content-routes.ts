/**
 * Where each translatable Markdown collection's entries are published, so the translation
 * status page can count and link them. Collection names are those in src/content.config.ts.
 */
export interface ContentRoute {
  collection: 'pages' | 'factSheets' | 'eUpdates' | 'stories' | 'news' | 'events' | 'resources';
  /** Folder under the site's content folder (`content` in its config). */
  folder: string;
  /** UI string key of the content type's name. */
  typeKey:
    | 'content.type.page'
    | 'content.type.factSheet'
    | 'content.type.eUpdate'
    | 'content.type.story'
    | 'content.type.news'
    | 'content.type.event'
    | 'content.type.resource';
  /** Route of one entry without the locale, or undefined when entries have no page of their own. */
  path: (slug: string) => string | undefined;
}

export const CONTENT_ROUTES: readonly ContentRoute[] = [
  { collection: 'pages', folder: 'pages', typeKey: 'content.type.page', path: (slug) => `${slug}/` },
  {
    collection: 'factSheets',
    folder: 'fact-sheets',
    typeKey: 'content.type.factSheet',
    path: (slug) => `fact-sheets/${slug}/`,
  },
  {
    collection: 'eUpdates',
    folder: 'e-updates',
    typeKey: 'content.type.eUpdate',
    path: (slug) => `e-updates/${slug}/`,
  },
  { collection: 'stories', folder: 'stories', typeKey: 'content.type.story', path: (slug) => `stories/${slug}/` },
  { collection: 'news', folder: 'news', typeKey: 'content.type.news', path: (slug) => `news/${slug}/` },
  { collection: 'events', folder: 'events', typeKey: 'content.type.event', path: (slug) => `events/${slug}/` },
  { collection: 'resources', folder: 'resources', typeKey: 'content.type.resource', path: () => undefined },
];

/**
 * The URLs (`/ta/how-to-use/`) that serve an untranslated text under a notice, found from the
 * Markdown files: for the sitemap, which lists only real translations. `listDir` returns the
 * file names in a folder of the site's content (`e-updates/fr`), or [] when it does not exist
 * (injected so this stays free of Node APIs).
 */
export function fallbackUrls(published: readonly string[], listDir: (dir: string) => string[]): Set<string> {
  const urls = new Set<string>();
  for (const route of CONTENT_ROUTES) {
    const slugsByLocale = new Map(
      published.map((l) => [
        l,
        new Set(
          listDir(`${route.folder}/${l}`)
            .filter((f) => f.endsWith('.md'))
            .map((f) => f.slice(0, -3)),
        ),
      ]),
    );
    const all = new Set([...slugsByLocale.values()].flatMap((s) => [...s]));
    for (const slug of all) {
      const path = route.path(slug);
      if (!path) continue;
      for (const l of published) if (!slugsByLocale.get(l)?.has(slug)) urls.add(`/${l}/${path}`);
    }
  }
  return urls;
}
