/**
 * The offline manifest's shape, shared by the build (manifest.ts computes it) and the service
 * worker (worker/sw.ts receives it). No imports: the worker is type-checked on its own.
 */

export interface OfflineLocale {
  pages: string[];
  /** Texts of the page shown for a page that was never opened, in the locale's language. */
  offline: { lang: string; dir: string; title: string; body: string; finder: string; finderHref: string };
}

export interface OfflineManifest {
  version: string;
  shared: string[];
  locales: Record<string, OfflineLocale>;
}
