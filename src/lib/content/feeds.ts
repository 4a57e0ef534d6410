/**
 * RSS 2.0 and Atom 1.0 feeds, generated with the `feed` library from plain items, so a page
 * endpoint only has to list its entries.
 *
 * Item titles and descriptions are plain text, but `feed` writes them where readers render
 * HTML (Atom `type="html"`, RSS `<title>` and `<description>`) inside CDATA sections, and its
 * XML writer splits only the first `]]>` of a section, so a second one would end the section
 * and leave live markup. They are therefore handed over as escaped HTML ({@link escapeHtml}):
 * a reader shows exactly the text, and with `>` escaped no `]]>` can remain. Characters XML
 * cannot carry are dropped from every field.
 */
import { Feed } from 'feed';
import { escapeHtml, xmlText } from '../security/escape.ts';

export interface FeedItemInput {
  title: string;
  /** Absolute URL of the item. */
  url: string;
  /** `YYYY-MM-DD`. */
  date: string;
  description: string;
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
  // RSS has no way to say whether a text is HTML and many readers render every field as HTML,
  // so its channel fields are escaped HTML too; Atom's channel fields are declared text.
  const build = (channelText: (text: string) => string) => {
    const feed = new Feed({
      id: input.link,
      title: channelText(input.title),
      description: channelText(input.description),
      link: input.link,
      language: input.language,
      copyright: channelText(input.copyright),
      // A fixed updated date (the newest item) keeps rebuilds of unchanged content identical.
      updated: items[0] ? noon(items[0].date) : new Date(0),
      feedLinks: { rss: input.rssUrl, atom: input.atomUrl },
      generator: false,
    });
    for (const item of items) {
      feed.addItem({
        title: escapeHtml(item.title),
        id: item.url,
        link: item.url,
        date: noon(item.date),
        published: noon(item.date),
        description: escapeHtml(item.description),
      });
    }
    return feed;
  };
  return { rss: build(escapeHtml).rss2(), atom: build(xmlText).atom1() };
}
