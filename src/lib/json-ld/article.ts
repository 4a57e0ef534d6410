/**
 * schema.org JSON-LD for the site's articles (e-updates, news, stories, fact sheets), without
 * `@context` (the page head adds it: src/components/content/Head.astro).
 */

export interface ArticleFields {
  /** `Article` unless given (e.g. `NewsArticle`). */
  '@type'?: 'Article' | 'NewsArticle';
  headline: string;
  description: string;
  datePublished?: string;
  dateModified?: string;
  /** The route's locale. */
  inLanguage: string;
}

/** An article published by the LIP (`publisher` is its name in the page's language). Fields keep the order given. */
export function articleJsonLd(fields: ArticleFields, publisher: string): Record<string, unknown> {
  return { '@type': 'Article', ...fields, publisher: { '@type': 'Organization', name: publisher } };
}
