import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { buildFeed } from '../../../src/lib/content/feeds.ts';
import { eventsToIcs } from '../../../src/lib/content/ics.ts';
import { renderEmailEdition } from '../../../src/lib/content/email.ts';
import { eUpdateSchema } from '../../../src/lib/schema/content.ts';
import { emailProblems, feedProblems } from '../../e2e/lib/inert-outputs.ts';

const feed = buildFeed({
  title: 'LIP – E-updates',
  description: 'News & notes',
  link: 'https://lip.example.org/en/e-updates/',
  language: 'en-CA',
  rssUrl: 'https://lip.example.org/en/e-updates/rss.xml',
  atomUrl: 'https://lip.example.org/en/e-updates/atom.xml',
  copyright: 'LIP',
  items: [
    {
      title: 'March <1>',
      url: 'https://lip.example.org/en/e-updates/march/',
      date: '2025-03-03',
      description: 'A & B',
    },
    { title: 'May', url: 'https://lip.example.org/en/e-updates/may/', date: '2025-05-05', description: 'C' },
  ],
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  it('RSS 2.0 is well-formed with items newest first and escaped text', () => {
    expect(XMLValidator.validate(feed.rss)).toBe(true);
    const rss = parser.parse(feed.rss).rss;
    expect(rss['@_version']).toBe('2.0');
    const items = rss.channel.item;
    // Titles are HTML in feed readers: the text "March <1>" is written as escaped HTML.
    expect(items.map((i: { title: string }) => i.title)).toEqual(['May', 'March &lt;1&gt;']);
    expect(items[1].link).toBe('https://lip.example.org/en/e-updates/march/');
  });

  it('Atom 1.0 is well-formed with an id and updated date per entry', () => {
    expect(XMLValidator.validate(feed.atom)).toBe(true);
    const atom = parser.parse(feed.atom).feed;
    expect(atom['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(atom.entry).toHaveLength(2);
    expect(atom.entry[0].id).toBe('https://lip.example.org/en/e-updates/may/');
    expect(atom.entry[0].updated).toBe('2025-05-05T12:00:00.000Z');
  });
});

describe('feeds with hostile text', () => {
  const TITLE = 'A ]]><script>alert(1)</script> B ]]><script>alert(2)</script><![CDATA[ C';
  const hostile = buildFeed({
    title: 'LIP <img src=x onerror=alert(3)> ]]> & co',
    description: 'About <b>us</b>\u0001',
    link: 'https://lip.example.org/en/e-updates/',
    language: 'en-CA',
    rssUrl: 'https://lip.example.org/en/e-updates/rss.xml',
    atomUrl: 'https://lip.example.org/en/e-updates/atom.xml',
    copyright: 'LIP </copyright><script>alert(4)</script>',
    items: [
      {
        title: TITLE,
        url: 'https://lip.example.org/en/e-updates/x/',
        date: '2025-03-03',
        description: 'Text <iframe srcdoc="<script>alert(5)</script>"></iframe>\u000b ]]> end',
      },
    ],
  });
  const parser = new XMLParser({ ignoreAttributes: false });
  /** What a reader rendering the field as HTML shows: the entities decoded once more. */
  const shown = (html: string) =>
    html
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');

  it('leaves no live markup in any field a reader renders as HTML, whatever the number of "]]>"', () => {
    expect(feedProblems(hostile.rss)).toEqual([]);
    expect(feedProblems(hostile.atom)).toEqual([]);
    expect(hostile.rss).not.toMatch(/<script|<iframe|<img/);
    expect(hostile.atom).not.toMatch(/<script|<iframe|<img/);
  });

  it('still shows the exact text (control characters XML cannot carry dropped)', () => {
    const item = parser.parse(hostile.rss).rss.channel.item;
    expect(shown(item.title)).toBe(TITLE);
    expect(shown(item.description)).toBe('Text <iframe srcdoc="<script>alert(5)</script>"></iframe> ]]> end');
    const entry = parser.parse(hostile.atom).feed.entry;
    expect(entry.title['@_type']).toBe('html');
    expect(shown(entry.title['#text'])).toBe(TITLE);
    // Atom's channel title is a text construct: the plain text, XML-escaped.
    expect(parser.parse(hostile.atom).feed.title).toBe('LIP <img src=x onerror=alert(3)> ]]> & co');
  });

  it('the check itself finds a CDATA section broken by a second "]]>"', () => {
    const broken = `<?xml version="1.0"?><rss version="2.0"><channel><item><title><![CDATA[A ]]]]><![CDATA[> B ]]><script>alert(2)</script></title></item></channel></rss>`;
    expect(feedProblems(broken).join('\n')).toMatch(/script/);
  });
});

describe('iCalendar', () => {
  const ics = eventsToIcs(
    [
      {
        id: 'en/fair',
        title: 'Fair, with commas; and semicolons',
        description: 'Drop in',
        start: '2025-06-14T10:00',
        end: '2025-06-14T15:00',
        location: '1515 Albion Road, Toronto',
        url: 'https://lip.example.org/en/events/fair/',
      },
      {
        id: 'en/breakfast',
        title: 'Breakfast',
        description: 'Winter',
        start: '2027-02-18T08:00',
        end: '2027-02-18T10:00',
        url: 'https://lip.example.org/en/events/breakfast/',
      },
    ],
    { timeZone: 'America/Toronto', host: 'lip.example.org', calendarName: 'LIP' },
  );

  it('parses, with UTC times converted from Toronto wall-clock times', () => {
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    expect(events[0]?.summary).toBe('Fair, with commas; and semicolons');
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe('2025-06-14T14:00:00.000Z');
    expect(events[0]?.endDate.toJSDate().toISOString()).toBe('2025-06-14T19:00:00.000Z');
    expect(events[1]?.startDate.toJSDate().toISOString()).toBe('2027-02-18T13:00:00.000Z');
    expect(events[0]?.uid).toBe('en-fair@lip.example.org');
    expect(events[0]?.location).toBe('1515 Albion Road, Toronto');
  });

  it('an empty feed is still a valid calendar', () => {
    const cal = new ICAL.Component(ICAL.parse(eventsToIcs([], { timeZone: 'America/Toronto', host: 'x.org' })));
    expect(cal.name).toBe('vcalendar');
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
  });
});

describe('email edition', () => {
  const edition = eUpdateSchema.parse({
    title: 'March <b>2025</b>',
    date: '2025-03-03',
    issue: 1,
    description: 'Intro',
    image: { src: '/images/banner.png', alt: 'Partners at the spring fair' },
    lipNews: [{ title: 'News', text: 'Text "quoted"', url: 'https://lip.example.org/en/news/x/' }],
    communityCapacity: [{ title: 'Partner', text: 'More', from: 'Agency' }],
    special: { title: 'Refugee arrivals', items: [{ title: 'Welcome', text: 'Families' }] },
    sample: true,
  });
  const html = renderEmailEdition(
    edition,
    {
      lip: 'LIP',
      heading: 'No. 1',
      lipNews: 'News from the LIP',
      communityCapacity: 'Building Community Capacity',
      from: 'From:',
      viewOnline: 'View online',
      sampleNotice: 'Sample content.',
      unsubscribeNote: 'Unsubscribe',
      footer: 'LIP',
    },
    {
      lang: 'en-CA',
      dir: 'ltr',
      webUrl: 'https://lip.example.org/en/e-updates/march/',
      siteUrl: 'https://lip.example.org',
    },
  );

  it('has no script, no style block, and only absolute URLs', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<style/i);
    const urls = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(2);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    expect(html).toContain('src="https://lip.example.org/images/banner.png"');
  });

  it('loads nothing from another origin, runs nothing, and drops an image path that names another host', () => {
    expect(emailProblems(html, 'https://lip.example.org')).toEqual([]);
    // The schema refuses such a path; the renderer still never writes one.
    const hostile = { ...edition, image: { src: '/\\evil.example/pixel.png', alt: 'x' } };
    const out = renderEmailEdition(
      hostile,
      {
        lip: 'LIP',
        heading: 'No. 1',
        lipNews: 'a',
        communityCapacity: 'b',
        from: 'c',
        viewOnline: 'd',
        sampleNotice: null,
        unsubscribeNote: 'e',
        footer: 'f',
      },
      {
        lang: 'en-CA',
        dir: 'ltr',
        webUrl: 'https://lip.example.org/en/e-updates/march/',
        siteUrl: 'https://lip.example.org',
      },
    );
    expect(out).not.toMatch(/<img/);
    expect(emailProblems(out, 'https://lip.example.org')).toEqual([]);
    expect(
      emailProblems(
        '<img src="https://evil.example/p.png" alt=""><a href="javascript:alert(1)" onclick="x()">x</a>',
        'https://lip.example.org',
      ),
    ).toHaveLength(3);
  });

  it('gives every image alt text, keeps the fixed sections and escapes text', () => {
    for (const img of html.match(/<img[^>]*>/g) ?? []) expect(img).toMatch(/alt="[^"]+"/);
    expect(html).toContain('News from the LIP');
    expect(html).toContain('Building Community Capacity');
    expect(html).toContain('Refugee arrivals');
    expect(html).toContain('March &lt;b&gt;2025&lt;/b&gt;');
    expect(html).toContain('Text &quot;quoted&quot;');
    expect(html).toMatch(/<table role="presentation"/);
  });

  it('aligns a left-to-right edition to the left', () => {
    expect(html).toContain('<html lang="en-CA" dir="ltr">');
    // Only "view online" sits on the end side.
    expect(html.match(/<td[^>]*align="right"[^>]*>/g) ?? []).toHaveLength(1);
    expect(html).toContain('border-left:6px solid');
  });

  it('lays out a right-to-left edition (ar, fa) from the right, with dir and lang on the wrapper tables', () => {
    const rtl = renderEmailEdition(
      edition,
      {
        lip: 'شراكة',
        heading: 'العدد ١',
        lipNews: 'أخبار',
        communityCapacity: 'بناء القدرات',
        from: 'من:',
        viewOnline: 'عرض على الويب',
        sampleNotice: 'محتوى تجريبي.',
        unsubscribeNote: 'إلغاء الاشتراك',
        footer: 'شراكة',
      },
      {
        lang: 'ar',
        dir: 'rtl',
        webUrl: 'https://lip.example.org/ar/e-updates/march/',
        siteUrl: 'https://lip.example.org',
      },
    );
    expect(rtl).toContain('<html lang="ar" dir="rtl">');
    // Email clients drop <html> attributes: the wrapper tables say it again.
    const wrappers = rtl.match(/<table role="presentation" width="(?:100%|600)"[^>]*>/g) ?? [];
    expect(wrappers.length).toBeGreaterThanOrEqual(2);
    for (const table of wrappers.slice(0, 2)) {
      expect(table).toContain('dir="rtl"');
      expect(table).toContain('lang="ar"');
    }
    // Text starts on the right; only "view online" (the end side) is on the left.
    expect(rtl).not.toMatch(/text-align:(start|end)|inline-start|inline-end/);
    const leftCells = rtl.match(/<td[^>]*align="left"[^>]*>/g) ?? [];
    expect(leftCells).toHaveLength(1);
    expect(leftCells[0]).toContain('text-align:left');
    expect(rtl).toMatch(/<td align="left"[^>]*><a href="https:\/\/lip\.example\.org\/ar\/e-updates\/march\/"/);
    expect(rtl).toContain('border-right:6px solid');
    expect(rtl).not.toContain('border-left');
    expect(rtl).toMatch(/<h1 style="[^"]*text-align:right;/);
    expect(rtl).toMatch(/<h3 style="[^"]*text-align:right;/);
  });
});
