/**
 * Category colours as a stylesheet generated from the one vocabulary (src/lib/categories.ts),
 * so swatches in lists and legends need no inline styles (the Content-Security-Policy can
 * forbid them) and no colour is typed twice.
 */
import type { APIRoute } from 'astro';
import { CATEGORIES } from '../lib/categories.ts';

export const GET: APIRoute = () =>
  new Response(
    CATEGORIES.map((c) => `.category-swatch[data-category='${c.id}']{background-color:${c.color}}`).join('\n') + '\n',
    {
      headers: { 'Content-Type': 'text/css; charset=utf-8' },
    },
  );
