/**
 * `<service-finder>`: instant search over the compact index, state in the URL, near-me without
 * sending the location anywhere, and a MapLibre map loaded only when it is shown.
 * Everything shown comes from data and is set with textContent or DOM nodes, never as HTML.
 */
import type * as MapLibre from 'maplibre-gl';
import type { CreateMapOptions } from '../map/load-map.ts';
import type { CategoryId } from '../../lib/categories.ts';
import { prepare, runQuery, type Result, type Searchable } from '../../lib/finder/filter.ts';
import { compileNeeds, needHelp, recogniseNeeds, type CompiledNeed, type NeedId } from '../../lib/finder/needs.ts';
import { lookupPostalCode, parsePostalCode, type PostalTable } from '../../lib/finder/postal.ts';
import {
  EMPTY_QUERY,
  parseLatLon,
  parseQuery,
  serializeQuery,
  withoutUnavailable,
  type AvailableFilters,
  type FinderQuery,
} from '../../lib/finder/query.ts';
import { decodeFinderIndex, type FinderIndex, type FinderRecord } from '../../lib/finder/records.ts';
import { distanceFormatter } from '../../lib/format/distance.ts';
import { finderLayers, finderSources, selectedRadius } from '../../lib/map/layers.ts';
import { fillTemplate as fill } from '../../lib/template.ts';
import { checkMessages, fillPlural, type ClientMessages } from '../../lib/client-messages.ts';
import { FINDER_MESSAGES } from './messages.ts';
import { mapMayStartOnItsOwn, removeMapPoster, showMapPoster } from '../map/auto-start.ts';
import { onShortlistChange, readShortlist, toggleShortlist } from './shortlist-store.ts';

interface Config {
  lang: string;
  locale: string;
  timeZone: string;
  servicesPath: string;
  categories: Record<string, { label: string; color: string }>;
  /** Sub-type id → label, for the sub-types that have one. */
  subtypes: Record<string, string>;
  /** The needs vocabulary in this page's language and English. */
  needs: { id: NeedId; label: string; terms: string }[];
  map: CreateMapOptions;
  /** Filters this page offers. */
  available: AvailableFilters;
  messages: ClientMessages<typeof FINDER_MESSAGES>;
}

/** Results shown before "show more": enough for a screen, small enough for a cheap phone. */
const PAGE_SIZE = 50;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

class ServiceFinder extends HTMLElement {
  #config!: Config;
  #records: FinderRecord[] = [];
  #items: Searchable[] = [];
  #needs: CompiledNeed[] = [];
  #postal: PostalTable | undefined;
  #query: FinderQuery = EMPTY_QUERY;
  #results: Result[] = [];
  #shown = PAGE_SIZE;
  #origin: { lon: number; lat: number; label: string } | undefined;
  #form!: HTMLFormElement;
  #map: MapLibre.Map | undefined;
  #maplibre: typeof MapLibre | undefined;
  #mapLoading = false;
  #picking = false;
  #selected: string | undefined;
  /** One collator for the page's life: the search keeps its name order per collator. */
  #collator!: Intl.Collator;
  #distance!: (metres: number) => string;

  async connectedCallback() {
    const config = JSON.parse(this.dataset.config ?? '{}') as Config;
    this.#config = { ...config, messages: checkMessages(FINDER_MESSAGES, config.messages) };
    const { lang } = this.#config;
    this.#collator = new Intl.Collator(lang);
    this.#distance = distanceFormatter(lang);
    this.#form = this.querySelector('form')!;
    for (const note of this.querySelectorAll('[data-no-js]')) note.remove();
    this.dataset.currentView = this.dataset.view ?? 'list';
    const section = this.querySelector<HTMLElement>('.results-section')!;
    section.hidden = false;
    this.#status(this.#config.messages.loading);
    try {
      const response = await fetch('/data/finder.json');
      if (!response.ok) throw new Error(String(response.status));
      const index = (await response.json()) as FinderIndex;
      // Search matches names and labels; needs ("doctor", "英语课") find the services that answer them.
      const { categories, subtypes } = this.#config;
      this.#records = decodeFinderIndex(index);
      this.#items = prepare(this.#records, (id: string) => categories[id]?.label ?? subtypes[id] ?? '');
      const words = new Map(this.#config.needs.map((n) => [n.id, n.terms]));
      this.#needs = compileNeeds((id) => [words.get(id) ?? '']);
    } catch {
      this.#status(this.#config.messages.loadError);
      return;
    }
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>(
      '[disabled]',
    )) {
      control.disabled = false;
    }
    this.#bind();
    this.#query = this.#fromUrl();
    this.#writeForm();
    await this.#update();
    this.#setView(this.dataset.currentView as 'list' | 'map');
    this.#observeMap();
  }

  #bind() {
    const form = this.#form;
    form.addEventListener('input', (event) => {
      const target = event.target as HTMLElement;
      // Typing a postal code waits for Enter or a change event; everything else is instant.
      if (target instanceof HTMLInputElement && target.name === 'near') return;
      void this.#fromForm(target instanceof HTMLInputElement && target.name === 'q' ? 'replace' : 'push');
    });
    form.addEventListener('change', (event) => {
      const target = event.target as HTMLElement;
      if (target instanceof HTMLSelectElement && target.name === 'area' && target.value) {
        (form.elements.namedItem('near') as HTMLInputElement).value = '';
      }
      if (target instanceof HTMLInputElement && target.name === 'near') void this.#fromForm('push');
      if (target instanceof HTMLSelectElement) void this.#fromForm('push');
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#fromForm('push').then(() => this.querySelector<HTMLElement>('.results-heading')?.focus());
    });
    form.addEventListener('reset', () => {
      queueMicrotask(() => {
        this.#query = EMPTY_QUERY;
        this.#writeForm();
        void this.#update();
      });
    });
    this.querySelector('[data-action=locate]')?.addEventListener('click', () => this.#locate());
    this.querySelector('[data-action=pick]')?.addEventListener('click', (event) => {
      this.#picking = !this.#picking;
      const button = event.currentTarget as HTMLButtonElement;
      button.setAttribute('aria-pressed', String(this.#picking));
      button.textContent = this.#picking ? this.#config.messages.pickOnMapActive : this.#config.messages.pickOnMap;
      if (this.#picking) this.#setView('map', true);
    });
    this.querySelector('[data-action=more]')?.addEventListener('click', () => {
      const first = this.#shown;
      this.#shown += PAGE_SIZE;
      this.#renderList();
      // Move focus to the first new result so keyboard users continue where they were.
      this.querySelectorAll<HTMLAnchorElement>('.results > li h3 a')[first]?.focus();
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>('.view-toggle button')) {
      button.addEventListener('click', () => this.#setView(button.dataset.view as 'list' | 'map', true));
    }
    window.addEventListener('popstate', () => {
      this.#query = this.#fromUrl();
      this.#writeForm();
      void this.#update();
    });
    onShortlistChange(() => this.#syncSaveButtons());
  }

  /** The address's query; a need's page starts from its need when the address names no search. */
  #fromUrl(): FinderQuery {
    const params = new URLSearchParams(location.search);
    if (!params.has('q') && this.dataset.q) params.set('q', this.dataset.q);
    return withoutUnavailable(parseQuery(params), this.#config.available);
  }

  #readForm(): FinderQuery {
    const data = new FormData(this.#form);
    const params = new URLSearchParams();
    for (const [key, value] of data) if (typeof value === 'string' && value !== '') params.append(key, value);
    return parseQuery(params);
  }

  #writeForm() {
    const q = this.#query;
    const set = (name: string, value: string) => {
      const field = this.#form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (field) field.value = value;
    };
    set('q', q.q);
    set('near', q.near ?? '');
    set('area', q.area ?? '');
    set('language', q.language ?? '');
    set('audience', q.audience ?? '');
    for (const box of this.#form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      if (box.name === 'category') box.checked = q.categories.includes(box.value as CategoryId);
      if (box.name === 'free') box.checked = q.free;
      if (box.name === 'open') box.checked = q.openNow;
      if (box.name === 'francophone') box.checked = q.francophone;
    }
    const more = this.#form.querySelector<HTMLDetailsElement>('details.more');
    if (more && (q.language || q.audience || q.free || q.openNow || q.francophone)) more.open = true;
    const categories = this.#form.querySelector<HTMLDetailsElement>('details.categories-menu');
    if (categories && q.categories.length > 0) categories.open = true;
  }

  async #fromForm(history: 'push' | 'replace') {
    this.#query = this.#readForm();
    const search = serializeQuery(this.#query).toString();
    const url = `${location.pathname}${search ? `?${search}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (history === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    await this.#update();
  }

  /** Resolves `near` / `area` to a starting point; says clearly when it cannot. */
  async #resolveOrigin(): Promise<void> {
    const message = this.querySelector<HTMLElement>('#finder-near-message');
    const say = (text: string) => {
      if (message) message.textContent = text;
    };
    this.#origin = undefined;
    say('');
    const { near, area } = this.#query;
    const m = this.#config.messages;
    if (near) {
      const latLon = parseLatLon(near);
      if (latLon) {
        this.#origin = { ...latLon, label: m.myLocation };
        return;
      }
      const code = parsePostalCode(near);
      if (!code) {
        say(fill(m.invalidPostal, { code: near }));
        return;
      }
      this.#postal ??= await fetch('/data/postal-codes.json')
        .then((r) => (r.ok ? (r.json() as Promise<PostalTable>) : {}))
        .catch(() => ({}));
      const hit = lookupPostalCode(this.#postal, near);
      if (hit) this.#origin = { lon: hit.lon, lat: hit.lat, label: code.full ?? code.fsa };
      else say(fill(m.unknownPostal, { code: code.full ?? code.fsa }));
      return;
    }
    if (area) {
      const option = this.querySelector<HTMLOptionElement>(`#finder-area option[value="${CSS.escape(area)}"]`);
      if (option?.dataset.lon && option.dataset.lat) {
        this.#origin = {
          lon: Number(option.dataset.lon),
          lat: Number(option.dataset.lat),
          label: option.textContent ?? area,
        };
      }
    }
  }

  async #update() {
    await this.#resolveOrigin();
    this.#results = runQuery(
      this.#items,
      this.#query,
      { origin: this.#origin, now: new Date(), timeZone: this.#config.timeZone, needs: this.#needs },
      this.#collator,
    );
    this.#shown = PAGE_SIZE;
    this.#renderList();
    this.#renderStatus();
    this.#renderNeeds();
    this.#renderMapData();
  }

  #status(text: string) {
    const status = this.querySelector<HTMLElement>('.status');
    if (status) status.textContent = text;
  }

  #renderStatus() {
    const m = this.#config.messages;
    const count = this.#results.length;
    const countText = fillPlural(m.results, count, this.#config.lang);
    const heading = this.querySelector<HTMLElement>('.results-heading');
    if (heading) heading.textContent = countText;
    const sort = this.#origin ? fill(m.sortedByDistance, { place: this.#origin.label }) : m.sortedByName;
    // Two sentences joined the locale's way ("…found. Sorted…", "…服务。按…").
    const text = fill(m.statusSentences, { count: countText, detail: count === 0 ? m.noResults : sort });
    // A polite live region: screen readers read the new count when the reader pauses.
    this.#status(text);
  }

  /** Says which need the search understood; when nothing listed answers it (or nothing is found), points to the referral lines. */
  #renderNeeds() {
    const m = this.#config.messages;
    const note = this.querySelector<HTMLElement>('.need-note');
    const referrals = this.querySelector<HTMLElement>('.referrals');
    const needs = recogniseNeeds(this.#query.q, this.#needs).needs;
    const labels = needs.map((n) => this.#config.needs.find((w) => w.id === n.id)?.label ?? n.id);
    const named = new Intl.ListFormat(this.#config.lang, { type: 'disjunction' }).format(labels);
    const { unanswered, referrals: kinds } = needHelp(needs, this.#records, this.#results.length);
    if (note) {
      note.hidden = needs.length === 0 || unanswered;
      note.textContent = needs.length > 0 ? fill(m.needShown, { needs: named }) : '';
    }
    if (!referrals) return;
    referrals.hidden = kinds.length === 0;
    if (kinds.length === 0) return;
    const intro = referrals.querySelector<HTMLElement>('.referrals-intro');
    if (intro) intro.textContent = unanswered ? fill(m.needMissing, { needs: named }) : m.noResultsHelp;
    // The lines that help with this need (all of them for a search that found nothing).
    for (const line of referrals.querySelectorAll<HTMLElement>('li[data-kind]'))
      line.hidden = !kinds.includes(line.dataset.kind as (typeof kinds)[number]);
  }

  #renderList() {
    const list = this.querySelector<HTMLOListElement>('.results')!;
    const m = this.#config.messages;
    const saved = new Set(readShortlist());
    const items = this.#results.slice(0, this.#shown).map(({ record, distance }) => {
      const link = element('a', { href: `${this.#config.servicesPath}${record.slug}/` }, record.name);
      const heading = element('h3', {}, link);
      const chips = element('ul', { className: 'chips' });
      for (const id of record.categories) {
        const swatch = element('span', { className: 'category-swatch' });
        swatch.dataset.category = id;
        swatch.setAttribute('aria-hidden', 'true');
        chips.append(element('li', {}, swatch, this.#config.categories[id]?.label ?? id));
      }
      const subtypes = record.subtypes
        .map((id) => this.#config.subtypes[id])
        .filter((label): label is string => Boolean(label));
      if (subtypes.length > 0) chips.append(element('li', { className: 'subtype' }, subtypes.join(' · ')));
      const details = element('p', { className: 'details' });
      if (distance !== undefined)
        details.append(element('strong', {}, fill(m.distance, { distance: this.#distance(distance) })), ' · ');
      details.append(element('bdi', { dir: 'ltr' }, record.address));
      if (record.organization && record.organization !== record.name) details.append(' · ', record.organization);
      const item = element('li', { className: 'result' }, heading, chips, details);
      if (record.phone) {
        const tel = element(
          'a',
          { href: `tel:${record.phone.replace(/[^\d+]/g, '')}` },
          element('bdi', { dir: 'ltr' }, record.phone),
        );
        item.append(element('p', { className: 'phone' }, tel));
      }
      const save = element('button', { type: 'button', className: 'secondary save' });
      save.dataset.slug = record.slug;
      save.dataset.name = record.name;
      this.#paintSave(save, saved.has(record.slug));
      save.addEventListener('click', () => this.#paintSave(save, toggleShortlist(record.slug)));
      item.append(save);
      item.dataset.slug = record.slug;
      if (record.slug === this.#selected) item.classList.add('selected');
      item.addEventListener('focusin', () => this.#select(record.slug, false));
      return item;
    });
    list.replaceChildren(...items);
    const more = this.querySelector<HTMLButtonElement>('[data-action=more]');
    if (more) more.hidden = this.#results.length <= this.#shown;
  }

  #paintSave(button: HTMLButtonElement, saved: boolean) {
    const m = this.#config.messages;
    button.textContent = saved ? m.saved : m.save;
    button.setAttribute('aria-pressed', String(saved));
    button.setAttribute('aria-label', fill(saved ? m.savedLabel : m.saveLabel, { name: button.dataset.name ?? '' }));
  }

  #syncSaveButtons() {
    const saved = new Set(readShortlist());
    for (const button of this.querySelectorAll<HTMLButtonElement>('button.save'))
      this.#paintSave(button, saved.has(button.dataset.slug ?? ''));
  }

  /** `asked`: the reader chose the map (a button), so it loads even where it would wait. */
  #setView(view: 'list' | 'map', asked = false) {
    this.dataset.currentView = view;
    for (const button of this.querySelectorAll<HTMLButtonElement>('.view-toggle button')) {
      button.setAttribute('aria-pressed', String(button.dataset.view === view));
    }
    if (view === 'map') this.#mapWanted(asked);
  }

  /** Starts the map, or shows its poster where it waits to be asked for (auto-start.ts). */
  #mapWanted(asked: boolean) {
    if (asked || mapMayStartOnItsOwn() || !showMapPoster(this, () => void this.#ensureMap())) void this.#ensureMap();
  }

  #locate() {
    const m = this.#config.messages;
    const message = this.querySelector<HTMLElement>('#finder-near-message');
    if (!('geolocation' in navigator)) {
      if (message) message.textContent = m.geoUnavailable;
      return;
    }
    if (message) message.textContent = m.geoLocating;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        // Three decimals (~100 m) is enough to sort by distance and keeps the URL less precise.
        const near = `${position.coords.latitude.toFixed(3)},${position.coords.longitude.toFixed(3)}`;
        this.#setNear(near);
      },
      (error) => {
        if (message) message.textContent = error.code === error.PERMISSION_DENIED ? m.geoDenied : m.geoUnavailable;
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  #setNear(near: string) {
    (this.#form.elements.namedItem('near') as HTMLInputElement).value = near;
    (this.#form.elements.namedItem('area') as HTMLSelectElement).value = '';
    void this.#fromForm('push');
  }

  /** Loads the map when its pane comes near the viewport (wide screens show it beside the list). */
  #observeMap() {
    const pane = this.querySelector<HTMLElement>('.map-pane');
    if (!pane || !('IntersectionObserver' in window)) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting && pane.offsetParent !== null)) {
          observer.disconnect();
          this.#mapWanted(false);
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(pane);
  }

  async #ensureMap() {
    if (this.#map || this.#mapLoading) return;
    this.#mapLoading = true;
    const m = this.#config.messages;
    const message = this.querySelector<HTMLElement>('.map-message')!;
    message.textContent = m.mapLoading;
    try {
      const [{ createMap, addOrientationLayers }, { showAreaNames, showClusterCounts }] = await Promise.all([
        import('../map/load-map.ts'),
        import('../map/map-labels.ts'),
      ]);
      const container = this.querySelector<HTMLElement>('.map')!;
      const focusMap = removeMapPoster(container);
      const { map, maplibregl, basemapFailed } = await createMap(container, this.#config.map);
      this.#maplibre = maplibregl;
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
        output: this.querySelector<HTMLElement>('.map-place')!,
        centreTemplate: m.mapCentre,
      });
      this.#addServiceLayers(map);
      showClusterCounts(map, maplibregl, 'services', 'service-clusters', new Intl.NumberFormat(this.#config.lang));
      this.#map = map;
      // The loading note goes; a basemap failure (which may come first) stays said.
      message.textContent = basemapDown ? m.basemapError : '';
      this.#renderMapData();
      if (focusMap) map.getCanvas().focus();
    } catch {
      message.textContent = m.mapError;
    } finally {
      this.#mapLoading = false;
    }
  }

  #addServiceLayers(map: MapLibre.Map) {
    for (const [id, source] of Object.entries(finderSources())) map.addSource(id, source);
    for (const { layer, before } of finderLayers(this.#selected)) map.addLayer(layer, before);
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
      if (slug) this.#select(slug, true);
    });
    map.on('click', (event) => {
      if (!this.#picking) return;
      this.#picking = false;
      const button = this.querySelector<HTMLButtonElement>('[data-action=pick]');
      if (button) {
        button.setAttribute('aria-pressed', 'false');
        button.textContent = this.#config.messages.pickOnMap;
      }
      this.#setNear(`${event.lngLat.lat.toFixed(4)},${event.lngLat.lng.toFixed(4)}`);
    });
    for (const layer of ['service-clusters', 'service-points']) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
  }

  #renderMapData() {
    const map = this.#map;
    if (!map) return;
    const features = this.#results.map(({ record }) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [record.lon, record.lat] },
      properties: {
        slug: record.slug,
        name: record.name,
        color: this.#config.categories[record.categories[0] ?? '']?.color ?? '#555555',
      },
    }));
    map.getSource<MapLibre.GeoJSONSource>('services')?.setData({ type: 'FeatureCollection', features });
    map.getSource<MapLibre.GeoJSONSource>('origin')?.setData({
      type: 'FeatureCollection',
      features: this.#origin
        ? [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [this.#origin.lon, this.#origin.lat] },
              properties: {},
            },
          ]
        : [],
    });
    this.dataset.mapFeatures = String(features.length);
    this.#renderLegend();
    if (this.#origin) map.easeTo({ center: [this.#origin.lon, this.#origin.lat], zoom: Math.max(map.getZoom(), 13) });
  }

  #renderLegend() {
    const legend = this.querySelector<HTMLElement>('.legend');
    if (!legend) return;
    const present = new Set(
      this.#results.map((r) => r.record.categories[0]).filter((c): c is CategoryId => c !== undefined),
    );
    const items = [...present].map((id) => {
      const swatch = element('span', { className: 'category-swatch' });
      swatch.dataset.category = id;
      swatch.setAttribute('aria-hidden', 'true');
      return element('li', {}, swatch, this.#config.categories[id]?.label ?? id);
    });
    if (this.#results.length > 1) {
      // Near points are drawn as one dark disc with their number (see map-labels.ts).
      const disc = element(
        'span',
        { className: 'cluster-swatch' },
        new Intl.NumberFormat(this.#config.lang).format(12),
      );
      disc.setAttribute('aria-hidden', 'true');
      items.push(element('li', {}, disc, this.#config.messages.legendCluster));
    }
    if (this.#origin)
      items.push(
        element(
          'li',
          {},
          element('span', { className: 'category-swatch origin-swatch' }),
          this.#config.messages.yourPoint,
        ),
      );
    legend.querySelector('ul')?.replaceChildren(...items);
    legend.hidden = items.length === 0;
  }

  /** Highlights a service in the list and on the map; from the map, also moves focus to the list entry. */
  #select(slug: string, fromMap: boolean) {
    if (this.#selected === slug && !fromMap) return;
    this.#selected = slug;
    for (const item of this.querySelectorAll<HTMLElement>('.results > li'))
      item.classList.toggle('selected', item.dataset.slug === slug);
    const map = this.#map;
    if (map?.getLayer('service-points')) {
      map.setPaintProperty('service-points', 'circle-radius', selectedRadius(slug));
    }
    const index = this.#results.findIndex((r) => r.record.slug === slug);
    const result = this.#results[index];
    if (!result) return;
    if (fromMap) {
      if (index >= this.#shown) {
        this.#shown = index + 1;
        this.#renderList();
      }
      const item = this.querySelector<HTMLElement>(`.results > li[data-slug="${CSS.escape(slug)}"]`);
      item?.scrollIntoView({ block: 'nearest' });
      if (map && this.#maplibre) {
        const link = element('a', { href: `${this.#config.servicesPath}${slug}/` }, result.record.name);
        const content = element(
          'div',
          { className: 'popup' },
          element('p', {}, link),
          element('p', {}, result.record.address),
        );
        new this.#maplibre.Popup({ closeButton: true, maxWidth: '16rem' })
          .setLngLat([result.record.lon, result.record.lat])
          .setDOMContent(content)
          .addTo(map);
      }
    } else if (map && this.dataset.currentView === 'map') {
      map.easeTo({ center: [result.record.lon, result.record.lat], zoom: Math.max(map.getZoom(), 14) });
    }
  }
}

customElements.define('service-finder', ServiceFinder);
