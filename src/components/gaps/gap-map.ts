/**
 * The gaps explorer's MapLibre map: loaded on demand (../map/load-map.ts), drawn with the layer
 * specs of src/lib/map/layers.ts, fed the features src/lib/access/gap-view.ts builds. Clicks are
 * handed back to the explorer: a picked point for the what-if tool, or an area to show.
 */
import type * as MapLibre from 'maplibre-gl';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import { GAP_LAYERS, gapSources, HATCH_IMAGE, hatchImage } from '../../lib/map/layers.ts';
import type { CreateMapOptions } from '../map/load-map.ts';

export interface GapMapEvents {
  /** The map is drawn with its layers (the explorer then renders its data). */
  ready(focus: boolean): void;
  /** The basemap's tiles could not be loaded. */
  basemapFailed(): void;
  /** A point picked for the what-if tool, rounded to 6 decimals, in the named area. */
  picked(lon: number, lat: number, areaName: string): void;
  /** A pick outside every area. */
  pickedOutside(): void;
  /** An area clicked (not a service). */
  area(a: number): void;
}

/** What the map shows: the outlines with their colours, the category's services, the proposal. */
export interface GapMapData {
  readonly areas: FeatureCollection<Geometry>;
  readonly services: FeatureCollection<Point>;
  readonly serviceColour: string;
  readonly proposal: FeatureCollection<Point>;
}

export class GapMap {
  readonly map: MapLibre.Map;
  #maplibregl: typeof MapLibre;
  #events: GapMapEvents;
  /** The name of the area shown from the list (keyboard) or the panel, over the map. */
  #namePopup: MapLibre.Popup;
  #picking = false;
  #ready = false;

  /** The area outlines as fetched (the explorer colours them). */
  readonly outlines: FeatureCollection<Geometry>;
  #boundary: FeatureCollection<Geometry>;
  #focus: boolean;

  private constructor(
    created: { map: MapLibre.Map; maplibregl: typeof MapLibre },
    geo: { outlines: FeatureCollection<Geometry>; boundary: FeatureCollection<Geometry> },
    events: GapMapEvents,
    focus: boolean,
  ) {
    this.map = created.map;
    this.#maplibregl = created.maplibregl;
    this.outlines = geo.outlines;
    this.#boundary = geo.boundary;
    this.#events = events;
    this.#focus = focus;
    this.#namePopup = new created.maplibregl.Popup({ closeButton: false, closeOnClick: true, className: 'area-name' });
  }

  /**
   * Loads MapLibre into `container` with the area outlines and boundary at the given URLs;
   * `beforeMap` runs once they are fetched (it removes the map's poster and says whether to focus the map).
   */
  static async create(
    container: HTMLElement,
    options: CreateMapOptions,
    urls: { areas: string; boundary: string },
    events: GapMapEvents,
    beforeMap: () => boolean,
  ): Promise<GapMap> {
    const { createMap } = await import('../map/load-map.ts');
    // The outlines first: the map may fire 'load' as soon as it exists.
    const [outlines, boundary] = await Promise.all([
      fetch(urls.areas).then((r) => r.json() as Promise<FeatureCollection<Geometry>>),
      fetch(urls.boundary).then((r) => r.json() as Promise<FeatureCollection<Geometry>>),
    ]);
    const focus = beforeMap();
    const created = await createMap(container, options);
    void created.basemapFailed.then((failed) => {
      if (failed) events.basemapFailed();
    });
    // Errors inside MapLibre (a bad layer, a failed image) surface here, not as exceptions.
    created.map.on('error', (e) => console.warn('[gap-explorer] map:', e.error?.message ?? e));
    return new GapMap(created, { outlines, boundary }, events, focus);
  }

  /** Adds the layers once the style has loaded, `areas` the first outlines; then `ready` fires. */
  async draw(areas: FeatureCollection<Geometry>): Promise<void> {
    const { addOrientationLayers } = await import('../map/load-map.ts');
    const map = this.map;
    const setup = () => {
      addOrientationLayers(map, { boundary: this.#boundary, areas });
      map.addImage(HATCH_IMAGE, hatchImage());
      for (const [id, source] of Object.entries(gapSources())) map.addSource(id, source);
      for (const { layer, before } of GAP_LAYERS) map.addLayer(layer, before);
      this.#wire();
      this.#ready = true;
      this.#events.ready(this.#focus);
    };
    if (map.loaded()) setup();
    else map.once('load', setup);
  }

  set picking(on: boolean) {
    this.#picking = on;
    this.map.getCanvas().style.cursor = on ? 'crosshair' : '';
  }

  /** Shows `data`; `idle` runs once the map has drawn it. Before the layers exist, does nothing. */
  render(data: GapMapData, idle: () => void): void {
    const map = this.map;
    if (!this.#ready) return;
    map.getSource<MapLibre.GeoJSONSource>('areas')?.setData(data.areas);
    map.getSource<MapLibre.GeoJSONSource>('services')?.setData(data.services);
    map.setPaintProperty('service-points', 'circle-color', data.serviceColour);
    map.getSource<MapLibre.GeoJSONSource>('proposed')?.setData(data.proposal);
    map.once('idle', idle);
  }

  /** Names an area over the map at its representative point. */
  showName(lon: number, lat: number, name: string): void {
    if (this.#ready) this.#namePopup.setLngLat([lon, lat]).setText(name).addTo(this.map);
  }

  #wire(): void {
    const map = this.map;
    const maplibregl = this.#maplibregl;
    map.on('click', (e) => {
      if (this.#picking) {
        const [hit] = map.queryRenderedFeatures(e.point, { layers: ['area-fill'] });
        if (!hit) {
          this.#events.pickedOutside();
          return;
        }
        this.picking = false;
        const round = (v: number) => Math.round(v * 1e6) / 1e6;
        this.#events.picked(round(e.lngLat.lng), round(e.lngLat.lat), String(hit.properties['name'] ?? ''));
        return;
      }
      const [service] = map.queryRenderedFeatures(e.point, { layers: ['service-points'] });
      if (service) {
        new maplibregl.Popup({ closeButton: true })
          .setLngLat(e.lngLat)
          .setText(String(service.properties['name'] ?? ''))
          .addTo(map);
        return;
      }
      const [area] = map.queryRenderedFeatures(e.point, { layers: ['area-fill'] });
      if (area) this.#events.area(Number(area.properties['area']));
    });
    // Area names on hover (no map glyphs are available offline, so labels are popups).
    const hover = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'area-name' });
    map.on('mousemove', 'area-fill', (e) => {
      const name = e.features?.[0]?.properties['name'];
      if (typeof name === 'string') hover.setLngLat(e.lngLat).setText(name).addTo(map);
    });
    map.on('mouseleave', 'area-fill', () => hover.remove());
    for (const layer of ['area-fill', 'service-points']) {
      map.on('mouseenter', layer, () => {
        if (!this.#picking) map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        if (!this.#picking) map.getCanvas().style.cursor = '';
      });
    }
  }
}
