/**
 * The published services as an HSDS 3.0 Tabular Data Package (src/lib/export/hsds-tabular.ts):
 * `/data/hsds/datapackage.json` and one CSV per HSDS table next to it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { hsdsContext, toHsds } from '../../../lib/export/hsds.ts';
import { hsdsCsvFiles, hsdsDataPackage, HSDS_RESOURCES } from '../../../lib/export/hsds-tabular.ts';
import { serviceLicences } from '../../../lib/export/downloads.ts';
import en from '../../../i18n/strings/en.json' with { type: 'json' };
import { site, text } from '../../../site.ts';

export const getStaticPaths: GetStaticPaths = () => [
  { params: { file: 'datapackage.json' } },
  ...HSDS_RESOURCES.map((r) => ({ params: { file: r.path } })),
];

/** Every CSV of the package, built once per build (each table is a part of the same export). */
let csvFiles: Promise<Map<string, string>> | undefined;

export const GET: APIRoute = async ({ params }) => {
  const name = text(site.name, 'en');
  if (params.file === 'datapackage.json') {
    const body = hsdsDataPackage({
      name: `${new URL(site.siteUrl).hostname.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-services`,
      title: `${name}: services (Open Referral HSDS)`,
      licences: serviceLicences(site),
      sources: site.serviceLayers.map((l) => ({
        title: `${l.sourceName}${l.dataDate !== undefined ? ` (${l.dataDate})` : ''}: ${l.licence}`,
        ...(l.licenceUrl !== undefined ? { path: l.licenceUrl } : {}),
      })),
    });
    return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  }
  csvFiles ??= getCollection('services').then((entries) =>
    hsdsCsvFiles(
      toHsds(
        hsdsContext(site.siteUrl, name, en),
        entries.map((e) => e.data),
      ),
    ),
  );
  const csv = (await csvFiles).get(params.file ?? '') ?? '';
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
