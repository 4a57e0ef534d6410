/** The UI strings of the finder's scripts: built by the `.astro` files, read by their scripts. */
import type { MessageSpec } from '../../lib/client-messages.ts';

/** `<shortlist-count>` (ShortlistLink.astro). */
export const SHORTLIST_MESSAGES = {
  shortlist: { key: 'finder.shortlist', plural: true },
} as const satisfies MessageSpec;

/** `<service-shortlist>` (the My list page, services/shortlist.astro). */
export const SHORTLIST_PAGE_MESSAGES = {
  empty: { key: 'shortlist.empty' },
  remove: { key: 'shortlist.remove' },
  removeLabel: { key: 'shortlist.removeLabel', fill: ['name'] },
  copied: { key: 'shortlist.copied' },
  shared: { key: 'shortlist.shared' },
  phone: { key: 'shortlist.phone' },
  address: { key: 'shortlist.address' },
} as const satisfies MessageSpec;

/** `<service-finder>` (ServiceFinder.astro, finder-element.ts). */
export const FINDER_MESSAGES = {
  results: { key: 'finder.results', plural: true },
  sortedByDistance: { key: 'finder.sortedByDistance', fill: ['place'] },
  sortedByName: { key: 'finder.sortedByName' },
  myLocation: { key: 'finder.myLocation' },
  loading: { key: 'finder.loading' },
  loadError: { key: 'finder.loadError' },
  noResults: { key: 'finder.noResults' },
  statusSentences: { key: 'finder.statusSentences', fill: ['count', 'detail'] },
  needShown: { key: 'finder.needShown', fill: ['needs'] },
  needMissing: { key: 'finder.needMissing', fill: ['needs'] },
  noResultsHelp: { key: 'finder.noResultsHelp' },
  distance: { key: 'finder.distance', fill: ['distance'] },
  unknownPostal: { key: 'finder.unknownPostal', fill: ['code'] },
  invalidPostal: { key: 'finder.invalidPostal', fill: ['code'] },
  geoDenied: { key: 'finder.geoDenied' },
  geoUnavailable: { key: 'finder.geoUnavailable' },
  geoLocating: { key: 'finder.geoLocating' },
  save: { key: 'finder.save' },
  saved: { key: 'finder.saved' },
  saveLabel: { key: 'finder.saveLabel', fill: ['name'] },
  savedLabel: { key: 'finder.savedLabel', fill: ['name'] },
  mapLoading: { key: 'finder.mapLoading' },
  mapError: { key: 'finder.mapError' },
  basemapError: { key: 'finder.basemapError' },
  pickOnMap: { key: 'finder.pickOnMap' },
  pickOnMapActive: { key: 'finder.pickOnMapActive' },
  yourPoint: { key: 'finder.yourPoint' },
  legendCluster: { key: 'finder.legendCluster' },
  mapCentre: { key: 'finder.mapCentre', fill: ['area'] },
} as const satisfies MessageSpec;
