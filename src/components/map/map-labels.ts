/**
 * Map text drawn without glyphs. MapLibre draws text only with glyph files (fonts cut into
 * ranges), which the site does not ship: a request to a font server would be a third-party
 * request, and a self-hosted set for ten scripts would weigh megabytes. So text on the map is
 * HTML, positioned by MapLibre, in the page's own system fonts and digits:
 *
 * - cluster counts: one small marker per cluster drawn, showing how many services it holds;
 * - neighbourhood names: a tooltip under the pointer, and a line under the map naming the
 *   neighbourhood at the map's centre (what a keyboard user panning with the arrow keys reads).
 */
import type * as MapLibre from 'maplibre-gl';

/** `document.createElement` with a class and text. */
function span(className: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

/**
 * Keeps one HTML count on each cluster of `sourceId` drawn by the layer `layerId`. The counts
 * are `aria-hidden`: the list beside the map has every service, and the legend says what a
 * cluster is. Pointer events go through to the cluster, which zooms in when selected.
 */
export function showClusterCounts(
  map: MapLibre.Map,
  maplibregl: typeof MapLibre,
  sourceId: string,
  layerId: string,
  numberFormat: Intl.NumberFormat,
): void {
  const shown = new Map<number, MapLibre.Marker>();
  const update = (): void => {
    if (!map.getLayer(layerId) || !map.isSourceLoaded(sourceId)) return;
    const next = new Set<number>();
    for (const feature of map.queryRenderedFeatures({ layers: [layerId] })) {
      const id = feature.properties?.['cluster_id'] as number | undefined;
      const count = feature.properties?.['point_count'] as number | undefined;
      if (id === undefined || count === undefined || feature.geometry.type !== 'Point' || next.has(id)) continue;
      next.add(id);
      const old = shown.get(id);
      if (old?.getElement().textContent === numberFormat.format(count)) continue;
      old?.remove();
      const element = span('cluster-count', numberFormat.format(count));
      element.setAttribute('aria-hidden', 'true');
      shown.set(
        id,
        new maplibregl.Marker({ element }).setLngLat(feature.geometry.coordinates as [number, number]).addTo(map),
      );
    }
    for (const [id, marker] of shown) {
      if (next.has(id)) continue;
      marker.remove();
      shown.delete(id);
    }
  };
  map.on('render', update);
}

export interface AreaNameOptions {
  /** GeoJSON source of the areas, with a `name` property. */
  source: string;
  /** Where the name of the area at the map's centre is written (a live region). */
  output: HTMLElement;
  /** The line written, with `{area}` for the name (e.g. "Map centre: {area}"). */
  centreTemplate: string;
}

/**
 * Names the neighbourhoods on a map without labels: a tooltip follows the pointer over an
 * area, and `output` names the area at the map's centre whenever the map comes to rest.
 */
export function showAreaNames(map: MapLibre.Map, maplibregl: typeof MapLibre, options: AreaNameOptions): void {
  const layer = `${options.source}-hit`;
  // An invisible fill, only to find the area under the pointer or the centre.
  map.addLayer({ id: layer, type: 'fill', source: options.source, paint: { 'fill-opacity': 0 } });
  const tooltip = new maplibregl.Popup({
    closeButton: false,
    closeOnClick: false,
    className: 'area-tooltip',
    offset: 12,
  });
  const nameAt = (point: MapLibre.PointLike): string | undefined => {
    const name = map.queryRenderedFeatures(point, { layers: [layer] })[0]?.properties?.['name'];
    return typeof name === 'string' ? name : undefined;
  };
  map.on('mousemove', layer, (event) => {
    const name = nameAt(event.point);
    if (name === undefined) return;
    tooltip.setLngLat(event.lngLat).setText(name).addTo(map);
  });
  map.on('mouseleave', layer, () => tooltip.remove());
  // After every settled render (a move, a zoom, the first draw), written only when it changes.
  map.on('idle', () => {
    const name = nameAt(map.project(map.getCenter()));
    const line = name === undefined ? '' : options.centreTemplate.replace('{area}', name);
    if (options.output.textContent !== line) options.output.textContent = line;
  });
}
