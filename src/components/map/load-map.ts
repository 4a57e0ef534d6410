/**
 * The site's one way to create a MapLibre map, shared by the service finder and the
 * service-gaps page. MapLibre (~290 kB gzip + worker) is imported here dynamically, so a page
 * pays for it only when it calls `createMap` (when its map nears the viewport).
 *
 * - `basemap: null` (the default config): a style with no third-party source, only a plain
 *   background; no glyphs, no sprites, no request leaves the site.
 * - A self-hosted PMTiles basemap (`basemap.pmtiles`, a path on the site's own origin): read
 *   with the `pmtiles` library (range requests, registered as MapLibre's `pmtiles://` protocol)
 *   and styled with `@protomaps/basemaps`; both are imported only when such a map starts. No
 *   glyphs or sprites are shipped, so the style's label and icon layers (`symbol`) are left out:
 *   streets, water, parks and buildings are drawn without names, and nothing is requested
 *   from anywhere but the site.
 * - A basemap style URL: used when it loads; if the style or its tiles fail, the map keeps
 *   going without it (data layers and lists still work) and `basemapFailed` resolves true so
 *   the page can say so.
 * - Navigation controls sit on the inline-end side of the reading direction; attribution lines
 *   come from the configuration. Basemap labels in Arabic script use MapLibre's RTL text plugin.
 */
import type * as MapLibre from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { escapeHtml } from '../../lib/security/escape.ts';

export interface CreateMapOptions {
  /** `[lon, lat]`. */
  center: [number, number];
  zoom: number;
  /** `[west, south, east, north]`: the view is fitted to it. */
  bounds: [number, number, number, number];
  basemap: BasemapOptions | null;
  /** Attribution lines the data licences require. */
  attribution: string[];
  dir: 'ltr' | 'rtl';
  /** MapLibre control labels in the page's language (`NavigationControl.ZoomIn` …). */
  locale?: Record<string, string>;
}

/** A tile service's MapLibre style, or a PMTiles file on the site's origin styled here. */
export type BasemapOptions =
  { styleUrl: string; attribution: string } | { pmtiles: string; flavor: string; attribution: string };

export interface CreatedMap {
  map: MapLibre.Map;
  maplibregl: typeof MapLibre;
  /**
   * Resolves true as soon as the basemap fails (style or tiles, also after the first render),
   * false at once when no basemap is configured; stays pending while a basemap works.
   */
  basemapFailed: Promise<boolean>;
}

/** Background colour of the blank style: the site's surface grey, so white areas stand out. */
const BLANK_BACKGROUND = '#eef1f4';

/** A style with no source at all: nothing is requested from anyone. */
export function blankStyle(): MapLibre.StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BLANK_BACKGROUND } }],
  };
}

let loaded: Promise<typeof MapLibre> | undefined;

/**
 * Adds a stylesheet link and waits for it. MapLibre's CSS comes this way (imported `?url`), not as
 * a CSS import, which the bundler would link from the page's head: a render-blocking 70 kB on
 * every map page, even where the map never starts.
 */
function addStylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[rel=stylesheet][href="${CSS.escape(href)}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    // A failed stylesheet leaves the controls unstyled but the map working: go on either way.
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
}

/** Imports MapLibre, its CSS and its worker once per page. */
export function loadMapLibre(): Promise<typeof MapLibre> {
  loaded ??= (async () => {
    const [maplibregl, worker, css] = await Promise.all([
      import('maplibre-gl'),
      import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
      import('maplibre-gl/dist/maplibre-gl.css?url'),
    ]);
    await addStylesheet(css.default);
    maplibregl.setWorkerUrl((worker as { default: string }).default);
    return maplibregl;
  })();
  return loaded;
}

async function fetchStyle(url: string): Promise<MapLibre.StyleSpecification | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(8000) });
    if (!response.ok) return null;
    const style = (await response.json()) as MapLibre.StyleSpecification;
    return style && style.version === 8 && Array.isArray(style.layers) ? style : null;
  } catch {
    return null;
  }
}

let pmtilesRegistered = false;

/** Id of the PMTiles basemap's source in the style. */
export const PMTILES_SOURCE = 'basemap';

/**
 * The style of a self-hosted PMTiles basemap: `@protomaps/basemaps` layers without the `symbol`
 * ones (they need glyphs and sprites, which are not shipped), reading the file from the site's
 * own origin through the `pmtiles://` protocol.
 */
async function pmtilesStyle(
  maplibregl: typeof MapLibre,
  basemap: { pmtiles: string; flavor: string },
): Promise<MapLibre.StyleSpecification> {
  const [{ Protocol }, { layers, namedFlavor }] = await Promise.all([import('pmtiles'), import('@protomaps/basemaps')]);
  if (!pmtilesRegistered) {
    maplibregl.addProtocol('pmtiles', new Protocol().tile);
    pmtilesRegistered = true;
  }
  // The config allows only a path, so the file is always on this origin.
  const url = new URL(basemap.pmtiles, window.location.origin).href;
  return {
    version: 8,
    sources: { [PMTILES_SOURCE]: { type: 'vector', url: `pmtiles://${url}` } },
    layers: layers(PMTILES_SOURCE, namedFlavor(basemap.flavor)).filter((layer) => layer.type !== 'symbol'),
  };
}

export async function createMap(container: HTMLElement, options: CreateMapOptions): Promise<CreatedMap> {
  const maplibregl = await loadMapLibre();
  let style = blankStyle();
  let failedAtStart = false;
  if (options.basemap && 'pmtiles' in options.basemap) {
    try {
      style = await pmtilesStyle(maplibregl, options.basemap);
    } catch {
      failedAtStart = true;
    }
  } else if (options.basemap) {
    const fetched = await fetchStyle(options.basemap.styleUrl);
    if (fetched) style = fetched;
    else failedAtStart = true;
  }
  const basemapSources = new Set(Object.keys(style.sources));
  // Basemap labels may be in Arabic script (Arabic, Persian, Urdu street names): MapLibre shapes
  // and orders them right to left with the RTL text plugin, self-hosted (133 kB, fetched lazily,
  // only when a label in a right-to-left script is first drawn). Our own layers have no labels.
  const hasLabels = style.layers.some((layer) => layer.type === 'symbol');
  if (hasLabels && maplibregl.getRTLTextPluginStatus() === 'unavailable') {
    // The package exports only its source; the built plugin MapLibre's worker loads is in dist/.
    const plugin =
      (await import('../../../node_modules/@mapbox/mapbox-gl-rtl-text/dist/mapbox-gl-rtl-text.js?url')) as {
        default: string;
      };
    void maplibregl.setRTLTextPlugin(plugin.default, true).catch(() => undefined);
  }

  const map = new maplibregl.Map({
    container,
    style,
    center: options.center,
    zoom: options.zoom,
    bounds: options.bounds,
    fitBoundsOptions: { padding: 8 },
    attributionControl: false,
    // Keyboard users reach the map; arrow keys pan and +/- zoom (MapLibre's keyboard handler).
    keyboard: true,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const end = options.dir === 'rtl' ? 'left' : 'right';
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), `top-${end}`);
  const lines = [...options.attribution];
  if (options.basemap && !failedAtStart) lines.unshift(options.basemap.attribution);
  // MapLibre writes attributions as HTML: escape them so configured text stays text.
  map.addControl(
    new maplibregl.AttributionControl({ compact: true, customAttribution: lines.map(escapeHtml) }),
    `bottom-${end}`,
  );
  // MapLibre opens a compact attribution at first. On a phone, or whenever the lines would
  // cover more than a fifth of the map, it starts collapsed (its "i" button opens it).
  map.once('load', () => {
    const box = container.querySelector<HTMLElement>('.maplibregl-ctrl-attrib.maplibregl-compact-show');
    if (box && (container.clientWidth <= 640 || box.offsetHeight > container.clientHeight / 5))
      box.classList.remove('maplibregl-compact-show');
  });
  if (options.basemap && 'pmtiles' in options.basemap && !failedAtStart) countBasemapFeatures(map, container);

  const basemapFailed = new Promise<boolean>((resolve) => {
    if (failedAtStart || !options.basemap) {
      resolve(failedAtStart);
      return;
    }
    // No `idle → false`: tiles can fail after the first render (panning, zooming), and that
    // must still be reported.
    map.on('error', (event) => {
      // Tile and style errors carry the id of the failing source.
      const sourceId = (event as { sourceId?: unknown }).sourceId;
      if (typeof sourceId !== 'string' || !basemapSources.has(sourceId)) return;
      // Hide every basemap layer; the site's own layers (other sources) keep drawing.
      for (const layer of map.getStyle().layers) {
        if ('source' in layer && basemapSources.has(layer.source))
          map.setLayoutProperty(layer.id, 'visibility', 'none');
      }
      resolve(true);
    });
  });
  return { map, maplibregl, basemapFailed };
}

/**
 * Writes how many basemap features are drawn to `data-basemap-features` on the map's container
 * after each render settles: what the end-to-end tests check to know the basemap is drawn.
 */
function countBasemapFeatures(map: MapLibre.Map, container: HTMLElement): void {
  map.on('idle', () => {
    const ids = map
      .getStyle()
      .layers.filter((l) => 'source' in l && l.source === PMTILES_SOURCE)
      .map((l) => l.id);
    container.dataset['basemapFeatures'] = String(map.queryRenderedFeatures({ layers: ids }).length);
  });
}

/** The region outline and the census-area outlines, drawn under the page's own layers. */
export function addOrientationLayers(
  map: MapLibre.Map,
  data: { boundary: FeatureCollection<Geometry> | Geometry; areas: FeatureCollection<Geometry> },
  beforeId?: string,
): void {
  map.addSource('boundary', { type: 'geojson', data: data.boundary });
  map.addSource('areas', { type: 'geojson', data: data.areas, promoteId: 'id' });
  map.addLayer(
    {
      id: 'area-line',
      type: 'line',
      source: 'areas',
      paint: {
        'line-color': '#5f6b76',
        // Thinner at city scale, where 158 outlines would otherwise crowd the fill colours.
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.4, 13, 1.2],
      },
    },
    beforeId,
  );
  map.addLayer(
    {
      id: 'boundary-line',
      type: 'line',
      source: 'boundary',
      paint: {
        'line-color': '#1b1b1b',
        // A constant width: the city outline is the frame of reference at every zoom.
        'line-width': 2,
      },
    },
    beforeId,
  );
}
