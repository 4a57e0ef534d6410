/**
 * The email-ready edition of an e-update: one HTML document a LIP pastes into its mailing tool.
 * Email clients ignore `<style>` blocks and scripts and resolve nothing relative, so: inline
 * styles, table layout, no script, every link and image absolute, every image with alt text.
 * All text is escaped here because this string is served as-is.
 *
 * Right-to-left editions (`ar`, `fa`): email clients drop `<html>` attributes and ignore logical
 * CSS (`text-align:start`, `border-inline-start`), so the wrapper tables carry `dir` and `lang`
 * too, and every cell says `align`/`text-align` left or right according to the direction.
 */
import type { EUpdate, EUpdateItem } from '../schema/content.ts';
import { escapeHtml } from '../security/escape.ts';
import { checkSitePath } from '../security/urls.ts';

export interface EmailStrings {
  /** Name of the LIP. */
  lip: string;
  /** "E-update no. 12, March 2025". */
  heading: string;
  lipNews: string;
  communityCapacity: string;
  from: string;
  viewOnline: string;
  sampleNotice: string | null;
  unsubscribeNote: string;
  /** Footer attribution lines. */
  footer: string;
}

export interface EmailOptions {
  /** BCP 47 tag of the edition's language (the registry's `lang`). */
  lang: string;
  /** Writing direction from the registry: picks the physical `left`/`right` sides. */
  dir: 'ltr' | 'rtl';
  /** Absolute URL of the web edition. */
  webUrl: string;
  /** Absolute site origin, for images given as `/path`. */
  siteUrl: string;
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';

/**
 * The absolute address of an image on the site, or undefined when `src` is not a path on it:
 * mail clients load images without any Content-Security-Policy, so one from another host would
 * tell that host who opened the email.
 */
export function siteImageUrl(src: string, siteUrl: string): string | undefined {
  if (checkSitePath(src) !== undefined) return undefined;
  const url = new URL(src, siteUrl);
  return url.origin === new URL(siteUrl).origin ? url.href : undefined;
}

/** The physical sides for a direction: text starts on the left in `ltr`, on the right in `rtl`. */
export function emailSides(dir: 'ltr' | 'rtl'): { start: 'left' | 'right'; end: 'left' | 'right' } {
  return dir === 'rtl' ? { start: 'right', end: 'left' } : { start: 'left', end: 'right' };
}

type Sides = ReturnType<typeof emailSides>;

function itemRow(item: EUpdateItem, s: EmailStrings, side: Sides): string {
  const align = `text-align:${side.start};`;
  const from = item.from
    ? `<p style="${FONT}${align}margin:0 0 4px;font-size:13px;color:#4a4a4a;">${escapeHtml(s.from)} ${escapeHtml(item.from)}</p>`
    : '';
  // The headline itself is the link, so the link text says where it goes.
  const title = item.url
    ? `<a href="${escapeHtml(item.url)}" style="color:#0b5cad;">${escapeHtml(item.title)}</a>`
    : escapeHtml(item.title);
  return `<tr><td align="${side.start}" style="padding:0 0 18px;${align}">
<h3 style="${FONT}${align}margin:0 0 6px;font-size:17px;color:#1b1b1b;">${title}</h3>
${from}<p style="${FONT}${align}margin:0 0 6px;font-size:15px;line-height:1.5;color:#1b1b1b;">${escapeHtml(item.text)}</p>
</td></tr>`;
}

function section(title: string, items: readonly EUpdateItem[], s: EmailStrings, side: Sides, o: EmailOptions): string {
  const align = `text-align:${side.start};`;
  return `<tr><td align="${side.start}" style="padding:18px 24px 0;${align}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${o.dir}">
<tr><td align="${side.start}" style="padding:0 0 12px;border-bottom:2px solid #0b5cad;${align}"><h2 style="${FONT}${align}margin:0;font-size:20px;color:#0b5cad;">${escapeHtml(title)}</h2></td></tr>
<tr><td style="height:12px;line-height:12px;font-size:0;">&nbsp;</td></tr>
${items.map((i) => itemRow(i, s, side)).join('\n')}
</table></td></tr>`;
}

export function renderEmailEdition(edition: EUpdate, s: EmailStrings, o: EmailOptions): string {
  const side = emailSides(o.dir);
  const align = `text-align:${side.start};`;
  const lang = escapeHtml(o.lang);
  const imageUrl = edition.image ? siteImageUrl(edition.image.src, o.siteUrl) : undefined;
  const image =
    edition.image && imageUrl
      ? `<tr><td style="padding:0;"><img src="${escapeHtml(imageUrl)}" alt="${escapeHtml(edition.image.alt)}" width="600" style="display:block;width:100%;max-width:600px;height:auto;border:0;"></td></tr>`
      : '';
  const sample = s.sampleNotice
    ? `<tr><td align="${side.start}" style="padding:12px 24px;background:#fff4d6;${FONT}${align}font-size:14px;color:#1b1b1b;border-${side.start}:6px solid #a86b00;">${escapeHtml(s.sampleNotice)}</td></tr>`
    : '';
  const sections = [
    section(s.lipNews, edition.lipNews, s, side, o),
    section(s.communityCapacity, edition.communityCapacity, s, side, o),
    ...(edition.special ? [section(edition.special.title, edition.special.items, s, side, o)] : []),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${o.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${edition.title} | ${s.lip}`)}</title>
</head>
<body dir="${o.dir}" style="margin:0;padding:0;background:#f4f6f8;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" lang="${lang}" dir="${o.dir}" style="background:#f4f6f8;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" lang="${lang}" dir="${o.dir}" style="width:100%;max-width:600px;background:#ffffff;border:1px solid #c5ccd3;">
<tr><td align="${side.end}" style="padding:8px 24px;${FONT}font-size:13px;color:#4a4a4a;text-align:${side.end};"><a href="${escapeHtml(o.webUrl)}" style="color:#0b5cad;">${escapeHtml(s.viewOnline)}</a></td></tr>
<tr><td align="${side.start}" style="padding:16px 24px;background:#0b5cad;${align}">
<p style="${FONT}${align}margin:0;font-size:14px;color:#ffffff;">${escapeHtml(s.lip)}</p>
<h1 style="${FONT}${align}margin:4px 0 0;font-size:26px;color:#ffffff;">${escapeHtml(edition.title)}</h1>
<p style="${FONT}${align}margin:4px 0 0;font-size:14px;color:#ffffff;">${escapeHtml(s.heading)}</p>
</td></tr>
${sample}
${image}
<tr><td align="${side.start}" style="padding:18px 24px 0;${FONT}${align}font-size:16px;line-height:1.5;color:#1b1b1b;">${escapeHtml(edition.description)}</td></tr>
${sections}
<tr><td align="${side.start}" style="padding:18px 24px;background:#f4f6f8;${FONT}${align}font-size:12px;line-height:1.5;color:#4a4a4a;">${escapeHtml(s.footer)}<br>${escapeHtml(s.unsubscribeNote)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
