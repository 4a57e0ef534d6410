/**
 * `/robots.txt`: every page may be crawled, and the sitemap (written by @astrojs/sitemap as
 * `sitemap-index.xml`) is named with its full address, as the robots.txt standard asks.
 */
import type { APIRoute } from 'astro';
import { site } from '../site.ts';

export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap-index.xml', site.siteUrl.endsWith('/') ? site.siteUrl : `${site.siteUrl}/`).href}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
