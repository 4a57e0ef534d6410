/**
 * The published services as Open Referral HSDS 3.0 JSON (src/lib/export/hsds.ts): one page of
 * the HSDS API's `GET /services` response holding every service, with the licences and sources
 * of the data. The site's own importer reads it back.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { hsdsContext, hsdsServicePage, toHsds } from '../../lib/export/hsds.ts';
import { serviceLicences } from '../../lib/export/downloads.ts';
import en from '../../i18n/strings/en.json' with { type: 'json' };
import { site, text } from '../../site.ts';

export const GET: APIRoute = async () => {
  const services = (await getCollection('services')).map((e) => e.data);
  const ctx = hsdsContext(site.siteUrl, text(site.name, 'en'), en);
  const body = {
    ...hsdsServicePage(toHsds(ctx, services)),
    licences: serviceLicences(site),
    sources: site.serviceLayers.map((l) => ({
      layer: l.id,
      publisher: l.sourceName,
      licence: l.licence,
      licenceUrl: l.licenceUrl,
      dataDate: l.dataDate,
    })),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
