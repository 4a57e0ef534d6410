/**
 * The options every map of the site starts with (createMap in load-map.ts), in the page's
 * language: the configured view and basemap, the reading direction and MapLibre's control labels.
 * Built at build time and handed to the map's script in a `data-*` attribute.
 */
import { useTranslations } from '../../i18n/index.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { site } from '../../site.ts';
import type { CreateMapOptions } from './load-map.ts';

export function mapOptions(locale: Locale, attribution: string[]): CreateMapOptions {
  const t = useTranslations(locale);
  return {
    center: site.map.center,
    zoom: site.map.zoom,
    bounds: site.map.bounds,
    basemap: site.basemap,
    attribution,
    dir: LOCALES[locale].dir,
    locale: {
      'NavigationControl.ZoomIn': t('map.zoomIn'),
      'NavigationControl.ZoomOut': t('map.zoomOut'),
      'NavigationControl.ResetBearing': t('map.resetBearing'),
      'AttributionControl.ToggleAttribution': t('map.toggleAttribution'),
    },
  };
}
