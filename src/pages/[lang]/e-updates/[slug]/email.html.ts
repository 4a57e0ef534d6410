/** The email-ready edition: inline styles, tables, absolute URLs, no script (src/lib/content/email.ts). */
import type { APIRoute } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { renderEmailEdition } from '../../../../lib/content/email.ts';
import { splitEntryId } from '../../../../lib/content/entries.ts';
import type { LocalizedEntry } from '../../../../i18n/fallback.ts';
import { localizedEntryPaths } from '../../../../loaders/localized.ts';
import { useTranslations, formatDate } from '../../../../i18n/index.ts';
import { LOCALES } from '../../../../i18n/locales.ts';
import { localizedPath } from '../../../../i18n/routes.ts';
import { site, text } from '../../../../site.ts';

// Wherever the edition's page exists. An email is one language throughout: where the edition
// is not translated, this is the original's email (its labels, `lang` and web link).
export const getStaticPaths = () => localizedEntryPaths('eUpdates');

export const GET: APIRoute = ({ props }) => {
  const { contentLocale: locale, entry } = props as LocalizedEntry<CollectionEntry<'eUpdates'>>;
  const t = useTranslations(locale);
  const slug = splitEntryId(entry.id).slug;
  const html = renderEmailEdition(
    entry.data,
    {
      lip: text(site.name, locale),
      heading: `${t('eUpdate.issue', { issue: entry.data.issue })} · ${formatDate(locale, entry.data.date)}`,
      lipNews: t('eUpdate.lipNews'),
      communityCapacity: t('eUpdate.communityCapacity'),
      from: t('eUpdate.from'),
      viewOnline: t('eUpdate.viewOnline'),
      sampleNotice: entry.data.sample ? t('eUpdate.sampleNotice') : null,
      unsubscribeNote: t('eUpdate.unsubscribeNote', { email: site.contactEmail }),
      footer: text(site.name, locale),
    },
    {
      lang: LOCALES[locale].lang,
      dir: LOCALES[locale].dir,
      webUrl: new URL(localizedPath(locale, `e-updates/${slug}/`), site.siteUrl).href,
      siteUrl: site.siteUrl,
    },
  );
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
