/** What ServiceFinder.astro hands `<service-finder>` in `data-config`. */
import type { ClientMessages } from '../../lib/client-messages.ts';
import type { NeedId } from '../../lib/finder/needs.ts';
import type { AvailableFilters } from '../../lib/finder/query.ts';
import type { FinderLabels } from '../../lib/finder/view.ts';
import type { CreateMapOptions } from '../map/load-map.ts';
import type { FINDER_MESSAGES } from './messages.ts';

export type FinderMessages = ClientMessages<typeof FINDER_MESSAGES>;

export interface FinderConfig extends FinderLabels {
  lang: string;
  locale: string;
  timeZone: string;
  servicesPath: string;
  /** The needs vocabulary in this page's language and English. */
  needs: { id: NeedId; label: string; terms: string }[];
  map: CreateMapOptions;
  /** Filters this page offers. */
  available: AvailableFilters;
  messages: FinderMessages;
}
