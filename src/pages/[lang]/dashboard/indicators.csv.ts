/** The dashboard's census indicators as CSV (one row per indicator and census year). */
import type { APIRoute } from 'astro';
import { cityTotals } from '../../../loaders/factsheet.ts';
import { dashboardCsvRows, dashboardIndicators } from '../../../lib/content/dashboard.ts';
import { csvDocument } from '../../../lib/csv/write.ts';
import { uiKey } from '../../../i18n/keys.ts';
import { localeStaticPaths } from '../../../site.ts';

export const getStaticPaths = localeStaticPaths;
export const GET: APIRoute = ({ locals }) => {
  const { t } = locals;
  const totals = cityTotals();
  const [header = ['indicator_id'], ...rows] = totals
    ? dashboardCsvRows(dashboardIndicators(totals), (id) => t(uiKey(`indicator.${id}`)))
    : [];
  return new Response(csvDocument(header.map(String), rows), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
