/**
 * The finder's MapLibre map, loaded only when it is shown (../map/load-map.ts): the results as
 * clustered points (layer specs in src/lib/map/layers.ts), the origin, a legend, and a popup for
 * a service chosen on the map. Clicks are handed back to the element.
 */
import type * as MapLibre from 'maplibre-gl';
import { el, required } from '../../lib/client/dom.ts';
import type { Result } from '../../lib/finder/filter.ts';
import {
  legendEntries,
  originFeatures,
  resultFeatures,
  type FinderLabels,
  type Origin,
} from '../../lib/finder/view.ts';
import { finderLayers, finderSources, selectedRadius } from '../../lib/map/layers.ts';
import type { FinderConfig } from './config.ts';
import { categoryItem } from './finder-list.ts';

export interface FinderMapEvents {
  /** A service point was clicked. */
  service(slug: string): void;
  /** A point was clicked (the element decides whether it was picking a starting point). */
  point(lat: number, lon: number): void;
}

export class FinderMap {
  readonly map: MapLibre.Map;
  #maplibregl: typeof MapLibre;
  #root: HTMLElement;
  #config: FinderConfig;

  private constructor(map: MapLibre.Map, maplibregl: typeof MapLibre, root: HTMLElement, config: FinderConfig) {
    this.map = map;
    this.#maplibregl = maplibregl;
    this.#root = root;
    this.#config = config;
  }

  /**
   * Draws the map in `root`'s `.map` with its layers, saying what happens in `.map-message`;
   * `beforeMap` runs first (it removes the poster and says whether to focus the map).
   */
  static async create(
    root: HTMLElement,
    config: FinderConfig,
    selected: string | undefined,
    events: FinderMapEvents,
    beforeMap: (container: HTMLElement) => boolean,
  ): Promise<FinderMap> {
    const m = config.messages;
    const message = required(root, '.map-message', HTMLElement);
    message.textContent = m.mapLoading;
    const [{ createMap, addOrientationLayers }, { showAreaNames, showClusterCounts }] = await Promise.all([
      import('../map/load-map.ts'),
      import('../map/map-labels.ts'),
    ]);
    const container = required(root, '.map', HTMLElement);
    const focus = beforeMap(container);
    const { map, maplibregl, basemapFailed } = await createMap(container, config.map);
    let basemapDown = false;
    void basemapFailed.then((failed) => {
      basemapDown = failed;
      if (failed) message.textContent = m.basemapError;
    });
    await new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('load', () => resolve())));
    const [boundary, areas] = await Promise.all([
      fetch('/data/boundary.geojson').then((r) => r.json()),
      fetch('/data/areas.geojson').then((r) => r.json()),
    ]);
    addOrientationLayers(map, { boundary, areas });
    // The map has no text of its own (no glyphs are shipped): names and counts are HTML.
    showAreaNames(map, maplibregl, {
      source: 'areas',
      output: required(root, '.map-place', HTMLElement),
      centreTemplate: m.mapCentre,
    });
    const finderMap = new FinderMap(map, maplibregl, root, config);
    finderMap.#addServiceLayers(selected, events);
    showClusterCounts(map, maplibregl, 'services', 'service-clusters', new Intl.NumberFormat(config.lang));
    // The loading note goes; a basemap failure (which may come first) stays said.
    message.textContent = basemapDown ? m.basemapError : '';
    if (focus) map.getCanvas().focus();
    return finderMap;
  }

  #addServiceLayers(selected: string | undefined, events: FinderMapEvents): void {
    const map = this.map;
    for (const [id, source] of Object.entries(finderSources())) map.addSource(id, source);
    for (const { layer, before } of finderLayers(selected)) map.addLayer(layer, before);
    map.on('click', 'service-clusters', (event) => {
      const feature = event.features?.[0];
      const id = feature?.properties?.['cluster_id'] as number | undefined;
      const source = map.getSource<MapLibre.GeoJSONSource>('services');
      if (id === undefined || !source || feature?.geometry.type !== 'Point') return;
      const center = feature.geometry.coordinates as [number, number];
      void source.getClusterExpansionZoom(id).then((zoom) => map.easeTo({ center, zoom }));
    });
    map.on('click', 'service-points', (event) => {
      const slug = event.features?.[0]?.properties?.['slug'] as string | undefined;
      if (slug) events.service(slug);
    });
    map.on('click', (event) => events.point(event.lngLat.lat, event.lngLat.lng));
    for (const layer of ['service-clusters', 'service-points']) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
  }

  /** Shows the results and the origin (centring on it), and the legend for them. */
  render(results: readonly Result[], origin: Origin | undefined): void {
    const map = this.map;
    const features = resultFeatures(results, this.#config);
    map.getSource<MapLibre.GeoJSONSource>('services')?.setData({ type: 'FeatureCollection', features });
    map.getSource<MapLibre.GeoJSONSource>('origin')?.setData(originFeatures(origin));
    this.#root.dataset.mapFeatures = String(features.length);
    renderLegend(this.#root, results, origin, this.#config);
    if (origin) map.easeTo({ center: [origin.lon, origin.lat], zoom: Math.max(map.getZoom(), 13) });
  }

  /** Enlarges the selected service's point. */
  highlight(slug: string): void {
    if (this.map.getLayer('service-points'))
      this.map.setPaintProperty('service-points', 'circle-radius', selectedRadius(slug));
  }

  /** A popup with the service's name (linked to its page) and address. */
  popup(record: Result['record']): void {
    const link = el('a', { href: `${this.#config.servicesPath}${record.slug}/` }, record.name);
    const content = el('div', { class: 'popup' }, el('p', {}, link), el('p', {}, record.address));
    new this.#maplibregl.Popup({ closeButton: true, maxWidth: '16rem' })
      .setLngLat([record.lon, record.lat])
      .setDOMContent(content)
      .addTo(this.map);
  }

  /** Centres the map on a point, zoomed in at least to `zoom`. */
  centre(lon: number, lat: number, zoom: number): void {
    this.map.easeTo({ center: [lon, lat], zoom: Math.max(this.map.getZoom(), zoom) });
  }
}

/** The map legend under `root`: the results' categories, the cluster disc, the origin. */
function renderLegend(
  root: HTMLElement,
  results: readonly Result[],
  origin: Origin | undefined,
  config: FinderLabels & { lang: string; messages: FinderConfig['messages'] },
): void {
  const legend = root.querySelector<HTMLElement>('.legend');
  if (!legend) return;
  const entries = legendEntries(results, origin);
  const items = entries.categories.map((id) => categoryItem(id, config.categories[id]?.label ?? id));
  if (entries.cluster) {
    // Near points are drawn as one dark disc with their number (see map-labels.ts).
    const disc = el(
      'span',
      { class: 'cluster-swatch', 'aria-hidden': 'true' },
      new Intl.NumberFormat(config.lang).format(12),
    );
    items.push(el('li', {}, disc, config.messages.legendCluster));
  }
  if (entries.origin)
    items.push(el('li', {}, el('span', { class: 'category-swatch origin-swatch' }), config.messages.yourPoint));
  legend.querySelector('ul')?.replaceChildren(...items);
  legend.hidden = items.length === 0;
}
