/**
 * The map poster's picture: every neighbourhood outline and every service location, drawn once at
 * build time as a standalone SVG file (`/data/overview-map.svg`). It stands in for the
 * interactive map until a reader asks for it (src/components/map/auto-start.ts), so it must stay
 * small: outlines are simplified and the services are one path of round dots, at most one per pixel.
 */
import type { AreaGeometry } from '../schema/area.ts';
import { staticMap, type LonLat } from '../service-page/map.ts';

export interface OverviewMapOptions {
  size?: number;
  /** Outline simplification in pixels (see `staticMap`). */
  tolerance?: number;
  dotColor?: string;
}

/** The SVG document (numbers only: no text from the data goes into it). */
export function overviewMapSvg(
  areas: readonly AreaGeometry[],
  services: readonly LonLat[],
  { size = 400, tolerance = 2.5, dotColor = '#243447' }: OverviewMapOptions = {},
): string {
  const map = staticMap(areas, services, { size, padding: 8, tolerance });
  const pixels = new Set(map.points.map((p) => `${String(Math.round(p.x))} ${String(Math.round(p.y))}`));
  // A zero-length segment with a round cap draws a dot: "M12 34h0" is the shortest form.
  const dots = [...pixels].map((xy) => `M${xy}h0`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${String(size)} ${String(size)}" width="${String(size)}" height="${String(size)}">`,
    `<rect width="${String(size)}" height="${String(size)}" fill="#eef1f4"/>`,
    `<path d="${map.paths.join('')}" fill="#ffffff" stroke="#8a96a3" stroke-width="0.75" fill-rule="evenodd" stroke-linejoin="round"/>`,
    `<path d="${dots.join('')}" fill="none" stroke="${dotColor}" stroke-width="2.5" stroke-linecap="round"/>`,
    '</svg>',
  ].join('\n');
}
