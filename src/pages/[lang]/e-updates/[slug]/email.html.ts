/** The email-ready edition: inline styles, tables, absolute URLs, no script (src/lib/content/email.ts). */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { renderEmailEdition } from '../../../../lib/content/email.ts';
import { splitEntryId } from '../../../../lib/content/entries.ts';
import { withFallbacks } from '../../../../i18n/fallback.ts';
import { useTranslations, formatDate } from '../../../../i18n/index.ts';
import { LOCALES, type Locale } from '../../../../i18n/locales.ts';
import { localizedPath } from '../../../../i18n/routes.ts';
import { DEFAULT_LOCALE, PUBLISHED_LOCALES, site, text } from '../../../../site.ts';

export async function getStaticPaths() {
  // Wherever the edition's page exists. An email is one language throughout: where the edition
  // is not translated, this is the original's email (its labels, `lang` and web link).
  return withFallbacks(await getCollection('eUpdates'), PUBLISHED_LOCALES, DEFAULT_LOCALE).map((item) => ({
    params: { lang: item.locale, slug: item.slug },
    props: { locale: item.contentLocale, entry: item.entry },
  }));
}

export const GET: APIRoute = ({ props }) => {
  const { locale, entry } = props as { locale: Locale; entry: CollectionEntry<'eUpdates'> };
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
