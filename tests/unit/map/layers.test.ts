import { describe, expect, it } from 'vitest';
import {
  finderLayers,
  finderSources,
  GAP_LAYERS,
  gapSources,
  hatchImage,
  selectedRadius,
} from '../../../src/lib/map/layers.ts';

describe('map layers', () => {
  it('gives every layer of the gaps map a source the map has', () => {
    const sources = new Set(['areas', 'boundary', ...Object.keys(gapSources())]);
    for (const { layer } of GAP_LAYERS) expect(sources.has((layer as { source: string }).source), layer.id).toBe(true);
    expect(GAP_LAYERS.map((l) => l.layer.id)).toEqual([
      'area-fill',
      'area-no-service',
      'area-under-served',
      'area-selected',
      'service-points',
      'proposed-site',
    ]);
    // The area fills go under the area outlines; the rest on top.
    expect(GAP_LAYERS.filter((l) => l.before === 'area-line').map((l) => l.layer.id)).toEqual([
      'area-fill',
      'area-no-service',
    ]);
  });

  it('draws the selected finder service larger', () => {
    const points = finderLayers('abc').find((l) => l.layer.id === 'service-points')!.layer as {
      paint: Record<string, unknown>;
    };
    expect(points.paint['circle-radius']).toEqual(selectedRadius('abc'));
    expect(selectedRadius(undefined)).toEqual(['case', ['==', ['get', 'slug'], ['literal', '']], 10, 6]);
    expect(finderSources().services).toMatchObject({ cluster: true });
  });

  it('returns new source objects each time (the map keeps what it is given)', () => {
    expect(gapSources().services).not.toBe(gapSources().services);
  });

  it('makes an 8×8 RGBA hatch', () => {
    const image = hatchImage();
    expect(image.data).toHaveLength(8 * 8 * 4);
    expect(Array.from(image.data.slice(0, 4))).toEqual([60, 60, 60, 255]);
  });
});
