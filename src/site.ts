/**
 * The site as configured: the LIP's validated configuration and the locales it publishes.
 * Pages and components read configuration through this module only. The configuration is the
 * copy `npm run data` wrote with the data (from the chosen site's config: `config.site` in
 * package.json or SITE_CONFIG, src/lib/adopt/site-choice.ts), so pages always describe the data
 * they were built with.
 */
import rawConfig from './generated/config.json';
import sitePathsJson from './generated/site-paths.json';
import type { SitePaths } from './lib/adopt/site-choice.ts';
import { localize, siteConfigSchema, type LocalizedText } from './lib/schema/config.ts';
import { isLocale, type Locale } from './i18n/locales.ts';
import { qualityReportSchema, type QualityReport } from './lib/schema/report.ts';

/** Validated with defaults applied; `npm run data` has already reported any error in detail. */
export const site = siteConfigSchema.parse(rawConfig);

/** Where the built site's config, files and content are (relative to the project root), as the data step found them. */
export const SITE_PATHS: SitePaths = sitePathsJson;

/** Locales the LIP publishes, in its order; the registry knows more than are published. */
export const PUBLISHED_LOCALES: readonly Locale[] = site.locales.filter(isLocale);

export const DEFAULT_LOCALE: Locale = isLocale(site.defaultLocale) ? site.defaultLocale : 'en';

/** A configured text (name, region …) in the reader's language. */
export function text(value: LocalizedText, locale: Locale): string {
  return localize(value, locale, DEFAULT_LOCALE);
}

/** The label of an area classification value (config `areas.classificationLabels`) in the reader's language, or the value as written. */
export function classificationLabel(value: string, locale: Locale): string {
  const label = site.areas.classificationLabels?.[value];
  return label === undefined ? value : text(label, locale);
}

/** The region's name and its "in" form in the reader's language, for the UI strings that name it (`{{region}}`, `{{regionIn}}`). */
export function regionForms(locale: Locale): { region: string; regionIn: string } {
  return { region: text(site.region, locale), regionIn: text(site.regionIn, locale) };
}

/** getStaticPaths for a page that exists once per published locale. */
export function localeStaticPaths() {
  return PUBLISHED_LOCALES.map((locale) => ({ params: { lang: locale }, props: { locale } }));
}

/** The data-quality report the pipeline wrote for this build. */
export async function qualityReport(): Promise<QualityReport> {
  const { default: json } = await import('./generated/report.json');
  return qualityReportSchema.parse(json);
}

/** FSA → a point inside its polygon, as the pipeline wrote it; null when no postal areas are configured. */
export async function postalAreaPoints(): Promise<Record<string, [number, number]> | null> {
  const { default: json } = await import('./generated/postal-areas.json');
  return json as unknown as Record<string, [number, number]> | null;
}
