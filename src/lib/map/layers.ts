/**
 * MapLibre sources and layers of the site's interactive maps, as data (the custom elements add
 * them in this order and only wire events). Kebab-case ids; each style expression says what it
 * draws. No data goes into a style: features carry their own values (`fill`, `color`, `slug`).
 */
import type {
  CircleLayerSpecification,
  DataDrivenPropertyValueSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from 'maplibre-gl';
import { UNDER_SERVED_OUTLINE } from '../access/classes.ts';

/** A layer and the layer it goes below (absent: on top). */
export interface PlacedLayer {
  readonly layer: LayerSpecification;
  readonly before?: string;
}

/** An empty GeoJSON source (a new object each time: the map keeps what it is given). */
function empty(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

/** The orientation layer the area layers of the gaps map sit under (added by `addOrientationLayers`). */
export const AREA_LINE_LAYER = 'area-line';

/** Sources of the service-gaps map besides the orientation ones (`areas`, `boundary`). */
export function gapSources(): Record<'services' | 'proposed', GeoJSONSourceSpecification> {
  return { services: empty(), proposed: empty() };
}

/** Layers of the service-gaps map, in the order they are added. */
export const GAP_LAYERS: readonly PlacedLayer[] = [
  {
    layer: {
      id: 'area-fill',
      type: 'fill',
      source: 'areas',
      // The class colour is computed in the script from the same numbers as the tables.
      paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': 0.85 },
    },
    before: AREA_LINE_LAYER,
  },
  {
    layer: {
      id: 'area-no-service',
      type: 'fill',
      source: 'areas',
      // Only areas with no service of the category in reach (undefined score).
      filter: ['==', ['get', 'noService'], true],
      paint: { 'fill-pattern': 'hatch' },
    },
    before: AREA_LINE_LAYER,
  },
  {
    layer: {
      id: 'area-under-served',
      type: 'line',
      source: 'areas',
      // Outline the areas the under-served rule flags.
      filter: ['==', ['get', 'underServed'], true],
      paint: { 'line-color': UNDER_SERVED_OUTLINE, 'line-width': 2.5 },
    },
  },
  {
    layer: {
      id: 'area-selected',
      type: 'line',
      source: 'areas',
      // The area shown in the panel.
      filter: ['==', ['get', 'selected'], true],
      paint: { 'line-color': '#000000', 'line-width': 4 },
    },
  },
  {
    layer: {
      id: 'service-points',
      type: 'circle',
      source: 'services',
      paint: {
        // Set to the category's colour when a category is shown.
        'circle-color': '#000000',
        // Small at city scale, larger when zoomed in.
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 14, 6],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
  },
  {
    layer: {
      id: 'proposed-site',
      type: 'circle',
      source: 'proposed',
      // A white ring: the what-if tool's proposed site.
      paint: {
        'circle-color': '#ffffff',
        'circle-radius': 9,
        'circle-stroke-color': '#000000',
        'circle-stroke-width': 4,
      },
    },
  },
];

/** Name of the gaps map's hatch image (areas with no service in reach). */
export const HATCH_IMAGE = 'hatch';

/** Hatch image for "no service in reach" (diagonal dark lines on translucent white), 8×8 RGBA. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size === 0 || (x + y + 1) % size === 0;
      const i = (y * size + x) * 4;
      data.set(on ? [60, 60, 60, 255] : [255, 255, 255, 140], i);
    }
  }
  return { width: size, height: size, data };
}

/** Sources of the finder's map besides the orientation ones: services (clustered) and the reader's origin. */
export function finderSources(): Record<'services' | 'origin', GeoJSONSourceSpecification> {
  return { services: { ...empty(), cluster: true, clusterRadius: 40, clusterMaxZoom: 14 }, origin: empty() };
}

/** Radius of the finder's service points: the selected service (by slug) drawn larger so it stands out from its neighbours. */
export function selectedRadius(slug: string | undefined): DataDrivenPropertyValueSpecification<number> {
  return ['case', ['==', ['get', 'slug'], ['literal', slug ?? '']], 10, 6];
}

/** Layers of the finder's map, in the order they are added, with `selected` the selected service's slug. */
export function finderLayers(selected: string | undefined): readonly PlacedLayer[] {
  const points: CircleLayerSpecification = {
    id: 'service-points',
    type: 'circle',
    source: 'services',
    filter: ['!', ['has', 'point_count']],
    paint: {
      // Each point takes the colour of its service's first category (set per feature).
      'circle-color': ['get', 'color'],
      'circle-radius': selectedRadius(selected),
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  };
  return [
    {
      layer: {
        id: 'service-clusters',
        type: 'circle',
        source: 'services',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#243447',
          // Bigger circles for bigger clusters: 10, 100 and 500 services are the steps.
          'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 100, 22, 500, 28],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
          'circle-opacity': 0.85,
        },
      },
    },
    { layer: points },
    {
      layer: {
        id: 'origin-point',
        type: 'circle',
        source: 'origin',
        // The reader's starting point: a white dot with a dark ring.
        paint: {
          'circle-color': '#ffffff',
          'circle-radius': 7,
          'circle-stroke-color': '#1b1b1b',
          'circle-stroke-width': 3,
        },
      },
    },
  ];
}
