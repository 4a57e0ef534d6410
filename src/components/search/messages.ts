/** The UI strings `<site-search>` uses: built by SiteSearch.astro, read by its script. */
import type { MessageSpec } from '../../lib/client-messages.ts';

export const SEARCH_MESSAGES = {
  results: { key: 'search.results', plural: true, fill: ['query'] },
  none: { key: 'search.none', fill: ['query'] },
  unavailable: { key: 'search.unavailable' },
  loading: { key: 'search.loading' },
} as const satisfies MessageSpec;
