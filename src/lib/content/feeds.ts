/**
 * RSS 2.0 and Atom 1.0 feeds, generated with the `feed` library from plain items, so a page
 * endpoint only has to list its entries.
 */
import { Feed } from 'feed';

export interface FeedItemInput {
  title: string;
  /** Absolute URL of the item. */
  url: string;
  /** `YYYY-MM-DD`. */
  date: string;
  description: string;
  categories?: string[];
}

export interface FeedInput {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  link: string;
  /** BCP 47 language tag. */
  language: string;
  rssUrl: string;
  atomUrl: string;
  copyright: string;
  /** Newest first is not required: items are sorted here. */
  items: readonly FeedItemInput[];
}

function noon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function buildFeed(input: FeedInput): { rss: string; atom: string } {
  const items = [...input.items].sort((a, b) => b.date.localeCompare(a.date));
  const feed = new Feed({
    id: input.link,
    title: input.title,
    description: input.description,
    link: input.link,
    language: input.language,
    copyright: input.copyright,
    // A fixed updated date (the newest item) keeps rebuilds of unchanged content identical.
    updated: items[0] ? noon(items[0].date) : new Date(0),
    feedLinks: { rss: input.rssUrl, atom: input.atomUrl },
    generator: false,
  });
  for (const item of items) {
    feed.addItem({
      title: item.title,
      id: item.url,
      link: item.url,
      date: noon(item.date),
      published: noon(item.date),
      description: item.description,
      ...(item.categories ? { category: item.categories.map((name) => ({ name })) } : {}),
    });
  }
  return { rss: feed.rss2(), atom: feed.atom1() };
}
