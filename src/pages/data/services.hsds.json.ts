/**
 * The published services as Open Referral HSDS 3.0 JSON (src/lib/export/hsds.ts), with the
 * licences and dates of the sources they come from. The site's own importer reads it back.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toHsds } from '../../lib/export/hsds.ts';
import { serviceLicences } from '../../lib/export/downloads.ts';
import { DEFAULT_LOCALE, site, text } from '../../site.ts';

export const GET: APIRoute = async () => {
  const services = (await getCollection('services')).map((e) => e.data).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const body = {
    title: `${text(site.name, DEFAULT_LOCALE)}: services`,
    format: 'Open Referral HSDS 3.0 (services, nested)',
    generated: new Date().toISOString().slice(0, 10),
    licences: serviceLicences(site),
    sources: site.serviceLayers.map((l) => ({ layer: l.id, publisher: l.sourceName, licence: l.licence, licenceUrl: l.licenceUrl, dataDate: l.dataDate })),
    total_items: services.length,
    services: toHsds(services),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
