/**
 * The finder's state as URL query parameters, so a search can be shared, bookmarked, deep-linked
 * from fact sheets and restored by the back button:
 * `q`, `category` (repeatable), `language` (ISO 639), `audience`, `free=1`, `open=now`,
 * `francophone=1`, `near` (a postal code or `lat,lon`), `area` (a census area id).
 */
import { isCategoryId, type CategoryId } from '../categories.ts';

export interface FinderQuery {
  q: string;
  categories: CategoryId[];
  language?: string;
  audience?: string;
  free: boolean;
  openNow: boolean;
  francophone: boolean;
  /** A postal code or `lat,lon`, as typed or chosen. */
  near?: string;
  /** A census area chosen as the starting point. */
  area?: string;
}

export const EMPTY_QUERY: FinderQuery = { q: '', categories: [], free: false, openNow: false, francophone: false };

export function parseQuery(params: URLSearchParams): FinderQuery {
  const categories = [...new Set(params.getAll('category'))].filter(isCategoryId);
  const optional = (key: string) => {
    const v = params.get(key)?.trim();
    return v ? v : undefined;
  };
  const language = optional('language')?.toLowerCase();
  const audience = optional('audience');
  const near = optional('near');
  const area = optional('area');
  return {
    q: params.get('q')?.trim() ?? '',
    categories,
    ...(language && /^[a-z]{2,3}$/.test(language) ? { language } : {}),
    ...(audience ? { audience } : {}),
    free: params.get('free') === '1',
    openNow: params.get('open') === 'now',
    francophone: params.get('francophone') === '1',
    ...(near ? { near } : {}),
    ...(area ? { area } : {}),
  };
}

/** Query parameters in a stable order; empty values are left out so URLs stay short. */
export function serializeQuery(query: FinderQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const c of query.categories) params.append('category', c);
  if (query.language) params.set('language', query.language);
  if (query.audience) params.set('audience', query.audience);
  if (query.free) params.set('free', '1');
  if (query.openNow) params.set('open', 'now');
  if (query.francophone) params.set('francophone', '1');
  if (query.near) params.set('near', query.near);
  if (query.area) params.set('area', query.area);
  return params;
}

/** `43.65,-79.38` → a position; undefined when it is not a valid `lat,lon` pair. */
export function parseLatLon(text: string): { lat: number; lon: number } | undefined {
  const m = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

/** Which filters the page offers (a fact no service states has no filter). */
export interface AvailableFilters {
  language: boolean;
  audience: boolean;
  free: boolean;
  openNow: boolean;
  francophone: boolean;
}

/** Drops filters the page does not offer, so an old or shared link cannot hide every result behind an invisible filter. */
export function withoutUnavailable(query: FinderQuery, available: AvailableFilters): FinderQuery {
  const { language, audience, ...rest } = query;
  return {
    ...rest,
    ...(language && available.language ? { language } : {}),
    ...(audience && available.audience ? { audience } : {}),
    free: query.free && available.free,
    openNow: query.openNow && available.openNow,
    francophone: query.francophone && available.francophone,
  };
}
