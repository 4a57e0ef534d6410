/**
 * When a map may start without being asked. MapLibre costs ~300 kB (gzip) and seconds of work on
 * a cheap phone, so a map starts on its own only on a wide screen with no data-saving signal
 * (Save-Data, a 2G or 3G connection). Elsewhere the page shows the map poster (a picture drawn at
 * build time, MapPoster.astro) and loads the interactive map when the reader asks for it: the
 * poster's button, the finder's "Map" view button, or "choose a point on the map".
 */

/** Wide enough to show the map beside or above the list (the finder's two-pane breakpoint). */
export const WIDE_SCREEN = '(min-width: 64rem)';

interface NetworkInformation {
  saveData?: boolean;
  effectiveType?: string;
}

export function mapMayStartOnItsOwn(): boolean {
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  if (connection?.saveData) return false;
  if (connection?.effectiveType && /^(slow-2g|2g|3g)$/.test(connection.effectiveType)) return false;
  return matchMedia(WIDE_SCREEN).matches;
}

/**
 * Shows the poster inside `container` and calls `start` once when its button is pressed.
 * Returns false when the container has no poster (the caller then starts the map itself).
 */
export function showMapPoster(container: ParentNode, start: () => void): boolean {
  const poster = container.querySelector<HTMLElement>('[data-map-poster]');
  if (!poster) return false;
  poster.hidden = false;
  poster.querySelector('[data-action=start-map]')?.addEventListener('click', start, { once: true });
  return true;
}

/**
 * Removes the poster before the interactive map takes its place. Returns true when the poster
 * held the keyboard focus (its button was pressed), so the caller can move focus to the map.
 */
export function removeMapPoster(container: ParentNode): boolean {
  const poster = container.querySelector('[data-map-poster]');
  const hadFocus = poster?.contains(document.activeElement) ?? false;
  poster?.remove();
  return hadFocus;
}
