/**
 * `<gap-explorer>` (client): the service-gaps map, area panel and what-if tool.
 *
 * Loads `/data/gaps-input.json` when the explorer nears the viewport or the browser is idle, and
 * MapLibre after it where the map may start on its own (wide screens, ../map/auto-start.ts),
 * else when the reader presses the map poster's button. Scores are recomputed here with the
 * build's own engine (src/lib/access), so the map and the server-rendered lists and tables show
 * the same numbers; a proposed site is appended to the category's supply and everything is
 * recomputed, and each category section lists the areas the proposal changes. Every label is a
 * DOM node; no data goes through HTML strings.
 */
import { areaReach } from '../../lib/access/area-reach.ts';
import {
  classColour,
  classLabels,
  indicatorClasses,
  NO_DATA_COLOUR,
  scoreClasses,
  UNDER_SERVED_OUTLINE,
} from '../../lib/access/classes.ts';
import { servesLanguage } from '../../lib/access/language-match.ts';
import { GAP_LAYERS, gapSources, HATCH_IMAGE, hatchImage } from '../../lib/map/layers.ts';
import { rankUnderServed, unmetDemand, type CategoryResult, type ProposedSite } from '../../lib/access/analysis.ts';
import { robustFlags, variationResults } from '../../lib/access/robustness.ts';
import {
  areaCount,
  createGapsModel,
  languageCount,
  scoreModelCategory,
  type GapsInput,
  type GapsModel,
} from '../../lib/access/gaps-input.ts';
import { fillTemplate as fill } from '../../lib/template.ts';
import { mapMayStartOnItsOwn, removeMapPoster, showMapPoster } from '../map/auto-start.ts';
import { gapFormatters, sortValue, type GapFormatters } from './format.ts';
import { GAP_MESSAGES } from './messages.ts';
import { fillPlural, readMessages, type ClientMessages } from '../../lib/client-messages.ts';
import type * as MapLibre from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

type Messages = ClientMessages<typeof GAP_MESSAGES>;
interface CategoryInfo {
  id: string;
  label: string;
  color: string;
}
interface IndicatorInfo {
  id: string;
  label: string;
  denominator: string | null;
}
interface Proposal extends ProposedSite {
  category: string;
  label: string;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

class GapExplorer extends HTMLElement {
  #messages!: Messages;
  #lang = 'en';
  #categories: CategoryInfo[] = [];
  #indicators: IndicatorInfo[] = [];
  #model: GapsModel | null = null;
  #results = new Map<string, CategoryResult>();
  /** Results without any proposed site, per category. */
  #base = new Map<string, CategoryResult>();
  #proposal: Proposal | null = null;
  #category = '';
  #colour = 'score';
  #selected: number | null = null;
  #picking = false;
  #map: MapLibre.Map | null = null;
  /** The name of the area shown from the list (keyboard) or the panel, over the map. */
  #namePopup: MapLibre.Popup | null = null;
  #areasGeo: FeatureCollection<Geometry> | null = null;
  #fmt!: GapFormatters;
  #started = false;
  #mapStarted = false;

  /** The MapLibre map once drawn (read by the end-to-end tests to compare with the tables). */
  get map(): MapLibre.Map | null {
    return this.#map;
  }

  connectedCallback(): void {
    this.#messages = readMessages(GAP_MESSAGES, this.dataset.messages);
    this.#lang = this.dataset.lang ?? document.documentElement.lang;
    this.#categories = JSON.parse(this.dataset.categories ?? '[]') as CategoryInfo[];
    this.#indicators = JSON.parse(this.dataset.indicators ?? '[]') as IndicatorInfo[];
    this.#category = this.#categories[0]?.id ?? '';
    this.#colour = this.#select('colour').value;

    const start = () => void this.#start();
    const container = this.querySelector<HTMLElement>('[data-map-container]')!;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          start();
        }
      },
      { rootMargin: '400px' },
    );
    observer.observe(container);
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 2000);
  }

  #select(name: string): HTMLSelectElement {
    return this.querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
  }

  #status(text: string): void {
    this.querySelector<HTMLElement>('[data-status]')!.textContent = text;
  }

  async #start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.dataset.state = 'loading';
    let input: GapsInput;
    try {
      const response = await fetch(this.dataset.input!);
      input = (await response.json()) as GapsInput;
      this.#model = createGapsModel(input);
    } catch {
      this.#status(this.#messages.failed);
      this.dataset.state = 'failed';
      return;
    }
    this.#fmt = gapFormatters(this.#lang, input.params.smallCountThreshold, this.#messages, input.params.cost);
    for (const c of input.params.categories) {
      // One category per task, so a slow phone stays responsive while the scores are computed.
      await new Promise((resolve) => setTimeout(resolve));
      const r = scoreModelCategory(this.#model, c.id);
      this.#results.set(c.id, r);
      this.#base.set(c.id, r);
    }
    this.#wireControls();
    this.dataset.state = 'analysis';
    const container = this.querySelector<HTMLElement>('[data-map-container]')!;
    if (mapMayStartOnItsOwn() || !showMapPoster(container, () => void this.#startMap())) await this.#startMap();
  }

  #wireControls(): void {
    for (const name of ['category', 'colour']) this.#select(name).disabled = false;
    this.querySelector<HTMLFieldSetElement>('[data-what-if] fieldset')!.disabled = false;
    this.#select('category').addEventListener('change', (e) => {
      this.#category = (e.target as HTMLSelectElement).value;
      if (this.#proposal && this.#proposal.category !== this.#category) this.#removeProposal(false);
      this.#render();
    });
    this.#select('colour').addEventListener('change', (e) => {
      this.#colour = (e.target as HTMLSelectElement).value;
      this.#render();
    });
    const form = this.querySelector<HTMLFormElement>('[data-what-if]')!;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const a = Number(this.#select('area').value);
      const m = this.#model!;
      this.#propose(m.input.areas.x[a]!, m.input.areas.y[a]!, m.input.areas.name[a]!);
    });
    this.querySelector('[data-action=show]')!.addEventListener('click', () =>
      this.#showArea(Number(this.#select('area').value), true),
    );
    this.querySelector('[data-action=remove]')!.addEventListener('click', () => this.#removeProposal(true));
    const pick = this.querySelector<HTMLButtonElement>('[data-action=pick]')!;
    pick.addEventListener('click', () => {
      this.#picking = !this.#picking;
      pick.setAttribute('aria-pressed', String(this.#picking));
      if (this.#picking) this.#status(this.#messages.picking);
      if (this.#map) this.#map.getCanvas().style.cursor = this.#picking ? 'crosshair' : '';
    });
    pick.disabled = this.#map === null;
    this.#disableWhatIfWithTable();
  }

  /** With a routing engine's cost table a proposed site has no cost: the what-if tool stays off (the page says why). */
  #disableWhatIfWithTable(): void {
    if (this.#model?.input.params.cost.kind !== 'table') return;
    for (const c of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>(
      '[data-what-if] [name=capacity], [data-what-if] [type=submit], [data-action=pick]',
    ))
      c.disabled = true;
  }

  #capacity(): number {
    const input = this.querySelector<HTMLInputElement>('input[name=capacity]')!;
    const v = Math.round(Number(input.value));
    return Number.isFinite(v) && v >= 1 ? v : 1;
  }

  #propose(lon: number, lat: number, label: string): void {
    const m = this.#model!;
    this.#proposal = { lon, lat, capacity: this.#capacity(), category: this.#category, label };
    const result = scoreModelCategory(m, this.#category, [this.#proposal]);
    this.#results.set(this.#category, result);
    this.querySelector<HTMLButtonElement>('[data-action=remove]')!.disabled = false;
    this.#render();
    this.#status(
      fill(this.#messages.placed, {
        area: label,
        category: this.#categoryLabel(),
        now: this.#int(result.underServed.filter(Boolean).length),
        before: this.#int(this.#base.get(this.#category)?.underServed.filter(Boolean).length ?? 0),
      }),
    );
  }

  #removeProposal(announce: boolean): void {
    const p = this.#proposal;
    if (!p) return;
    this.#proposal = null;
    const result = this.#base.get(p.category)!;
    this.#results.set(p.category, result);
    this.#updateSection(p.category);
    this.querySelector<HTMLButtonElement>('[data-action=remove]')!.disabled = true;
    this.#render();
    if (announce) {
      this.#status(
        fill(this.#messages.removed, {
          category: this.#categoryLabel(),
          now: this.#int(result.underServed.filter(Boolean).length),
        }),
      );
    }
  }

  #int(n: number): string {
    return new Intl.NumberFormat(this.#lang).format(n);
  }

  #categoryLabel(id = this.#category): string {
    return this.#categories.find((c) => c.id === id)?.label ?? id;
  }

  /** Redraws everything that depends on the category, the colouring and the proposal. */
  #render(): void {
    this.#updateSection(this.#category);
    this.#renderLegend();
    this.#renderMap();
    if (this.#selected !== null) this.#showArea(this.#selected, false);
  }

  /** Rewrites the category's server-rendered section with the current results. */
  #updateSection(categoryId: string): void {
    const m = this.#model!;
    const r = this.#results.get(categoryId)!;
    const section = document.querySelector<HTMLElement>(`section[data-gaps-category="${categoryId}"]`);
    if (!section) return;
    const f = this.#fmt;
    const withProposal = this.#proposal?.category === categoryId;
    section.querySelector<HTMLElement>('[data-whatif-note]')!.hidden = !withProposal;
    const under = r.underServed.filter(Boolean).length;
    section.querySelector('[data-under-count]')!.textContent = fillPlural(
      this.#messages.underServedCount,
      under,
      this.#lang,
    );

    this.#renderChanges(section, withProposal ? this.#base.get(categoryId)! : null, r);

    // A category whose data cannot judge gaps has no ranked list.
    const table = section.querySelector<HTMLTableElement>('table[data-ranked]');
    if (!table) return;
    const ranked = rankUnderServed(r, m.input.params.rankedListLength);
    const proposed = withProposal && this.#proposal ? [this.#proposal] : [];
    const robust = ranked.length > 0 ? robustFlags(r, variationResults(m, categoryId, proposed)) : [];
    const href = section.dataset.areaHref ?? '';
    table.hidden = ranked.length === 0;
    section.querySelector<HTMLElement>('[data-ranked-empty]')!.hidden = ranked.length > 0;
    table.tBodies[0]!.replaceChildren(
      ...ranked.map((a, i) => {
        const tr = el('tr', undefined, { 'data-area': String(a) });
        const name = el('th', undefined, { scope: 'row', class: 'sticky' });
        name.append(el('a', m.input.areas.name[a]!, { href: href.replace('{id}', m.input.areas.id[a]!) }));
        tr.append(
          el('td', this.#int(i + 1), { class: 'num' }),
          name,
          el('td', f.count(r.demand[a]), { class: 'num' }),
          el('td', f.count(Math.round(unmetDemand(r, a))), { class: 'num', 'data-col': 'people' }),
          el('td', f.normalized(r.normalized[a]!), { class: 'num' }),
          el('td', f.km(r.nearest[a]!), { class: 'num' }),
          el('td', robust[a] ? this.#messages.robustHolds : this.#messages.robustDepends, { 'data-col': 'robust' }),
        );
        return tr;
      }),
    );
  }

  /**
   * Fills the section's "areas the proposed site changes" table (hidden without a proposal):
   * every area whose score or nearest distance differs from the base results, nearest first.
   */
  #renderChanges(section: HTMLElement, base: CategoryResult | null, r: CategoryResult): void {
    const box = section.querySelector<HTMLElement>('[data-changes]')!;
    const differs = (x: number, y: number) => !(x === y || (Number.isNaN(x) && Number.isNaN(y)));
    const changed = base
      ? this.#model!.input.areas.id.map((_, a) => a).filter(
          (a) => differs(base.score[a]!, r.score[a]!) || differs(base.nearest[a]!, r.nearest[a]!),
        )
      : [];
    changed.sort((a, b) => r.nearest[a]! - r.nearest[b]!);
    box.hidden = changed.length === 0;
    const f = this.#fmt;
    const names = this.#model!.input.areas;
    box.querySelector('tbody')!.replaceChildren(
      ...changed.map((a) => {
        const tr = el('tr', undefined, { 'data-area': String(a), 'data-area-id': names.id[a]! });
        tr.append(
          el('th', names.name[a]!, { scope: 'row' }),
          el('td', f.normalized(base!.normalized[a]!), {
            class: 'num',
            'data-col': 'normalized-before',
            'data-value': sortValue(base!.normalized[a]),
          }),
          el('td', f.normalized(r.normalized[a]!), {
            class: 'num',
            'data-col': 'normalized',
            'data-value': sortValue(r.normalized[a]),
          }),
          el('td', f.km(base!.nearest[a]!), { class: 'num', 'data-col': 'nearest-before' }),
          el('td', f.km(r.nearest[a]!), { class: 'num', 'data-col': 'nearest' }),
        );
        return tr;
      }),
    );
  }

  /** The value each area is coloured by, the class breaks and colours, with their labels. */
  #colouring(): {
    values: readonly (number | null)[];
    breaks: readonly number[];
    colours: readonly string[];
    labels: string[];
    title: string;
  } {
    const m = this.#model!;
    const msg = this.#messages;
    const templates = { below: msg.legendBelow, range: msg.legendRange, atLeast: msg.legendAtLeast };
    if (this.#colour === 'score') {
      const classes = scoreClasses(
        this.#results.get(this.#category)!,
        m.categories.get(this.#category)!.spec.threshold,
      );
      const labels = classLabels(classes.breaks, (v) => this.#fmt.normalized(v), templates);
      labels[0] = `${labels[0]!} (${msg.legendUnderServedClass})`;
      return { ...classes, labels, title: fill(msg.legendScore, { category: this.#categoryLabel() }) };
    }
    const [kind, id] = this.#colour.split(':') as ['count' | 'share', string];
    const info = this.#indicators.find((i) => i.id === id)!;
    const counts = m.input.areas.indicators[id] ?? [];
    const den = info.denominator ? (m.input.areas.indicators[info.denominator] ?? []) : [];
    const classes = indicatorClasses(counts, den, kind);
    const show = (v: number) => (kind === 'share' ? this.#fmt.share(v) : this.#int(Math.round(v)));
    const labels = classLabels(classes.breaks, show, templates);
    return {
      ...classes,
      labels,
      title: fill(kind === 'count' ? msg.legendCount : msg.legendShare, { indicator: info.label }),
    };
  }

  #renderLegend(): void {
    const c = this.#colouring();
    const msg = this.#messages;
    const category = this.#categories.find((x) => x.id === this.#category)!;
    const box = this.querySelector<HTMLElement>('[data-legend]')!;
    const list = el('ul', undefined, { class: 'legend-list' });
    // Colours go through CSSOM (element.style), which the Content-Security-Policy allows; a
    // `style` attribute would be blocked (style-src 'self').
    const item = (swatchClass: string, text: string, style: Record<string, string> = {}) => {
      const li = el('li');
      const swatch = el('span', undefined, { class: `legend-swatch ${swatchClass}`, 'aria-hidden': 'true' });
      for (const [property, value] of Object.entries(style)) swatch.style.setProperty(property, value);
      li.append(swatch, el('span', text));
      return li;
    };
    c.labels.forEach((label, i) => list.append(item('fill', label, { background: c.colours[i]! })));
    list.append(item('fill', msg.legendNoData, { background: NO_DATA_COLOUR }));
    const outlines = el('ul', undefined, { class: 'legend-list' });
    outlines.append(
      item('hatch', msg.legendNoService),
      item('outline', msg.legendUnderServed, { 'border-color': UNDER_SERVED_OUTLINE }),
      item('dot', fill(msg.legendServices, { category: category.label }), { background: category.color }),
    );
    if (this.#proposal) outlines.append(item('proposed', msg.legendProposed));
    box.replaceChildren(el('p', c.title, { class: 'legend-title' }), list, outlines);
  }

  #areaCollection(): FeatureCollection<Geometry> {
    const m = this.#model!;
    const r = this.#results.get(this.#category)!;
    const c = this.#colouring();
    const index = new Map(m.input.areas.id.map((id, a) => [id, a]));
    return {
      type: 'FeatureCollection',
      features: (this.#areasGeo?.features ?? []).map((f): Feature<Geometry> => {
        const id = String(f.properties?.['id'] ?? f.id);
        const a = index.get(id) ?? -1;
        const v = a >= 0 ? c.values[a] : null;
        return {
          type: 'Feature',
          id,
          geometry: f.geometry,
          properties: {
            id,
            area: a,
            name: m.input.areas.name[a] ?? '',
            fill: classColour(v, c),
            value: v ?? null,
            score: Number.isNaN(r.score[a]!) ? null : r.score[a]!,
            normalized: Number.isNaN(r.normalized[a]!) ? null : r.normalized[a]!,
            noService: Number.isNaN(r.score[a]!),
            underServed: r.underServed[a] === true,
            selected: a === this.#selected,
          },
        };
      }),
    };
  }

  #serviceCollection(): FeatureCollection {
    const m = this.#model!;
    const s = m.input.supply[this.#category] ?? { loc: [], capacity: [] };
    return {
      type: 'FeatureCollection',
      features: s.loc.map((i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [m.input.services.x[i]!, m.input.services.y[i]!] },
        properties: { name: m.input.services.name[i]! },
      })),
    };
  }

  #renderMap(): void {
    const map = this.#map;
    // Before the layers exist (style still loading) there is nothing to update.
    if (!map || !this.#areasGeo || !map.getSource('services')) return;
    (map.getSource('areas') as MapLibre.GeoJSONSource).setData(this.#areaCollection());
    (map.getSource('services') as MapLibre.GeoJSONSource).setData(this.#serviceCollection());
    const colour = this.#categories.find((c) => c.id === this.#category)?.color ?? '#000';
    map.setPaintProperty('service-points', 'circle-color', colour);
    const p = this.#proposal;
    (map.getSource('proposed') as MapLibre.GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: p
        ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: {} }]
        : [],
    });
    map.once('idle', () => {
      this.dataset.state = 'ready';
      this.dataset.shownCategory = this.#category;
      this.dataset.proposal = this.#proposal ? 'yes' : 'no';
    });
  }

  async #startMap(): Promise<void> {
    if (this.#mapStarted) return;
    this.#mapStarted = true;
    const container = this.querySelector<HTMLElement>('[data-map-container]')!;
    this.#status(this.#messages.mapLoading);
    try {
      const { createMap, addOrientationLayers } = await import('../map/load-map.ts');
      const options = JSON.parse(this.dataset.map ?? '{}') as Parameters<typeof createMap>[1];
      // The outlines first: the map may fire 'load' as soon as it exists.
      const [areas, boundary] = await Promise.all([
        fetch(this.dataset.areas!).then((r) => r.json() as Promise<FeatureCollection<Geometry>>),
        fetch(this.dataset.boundary!).then((r) => r.json() as Promise<FeatureCollection<Geometry>>),
      ]);
      const focusMap = removeMapPoster(container);
      const { map, maplibregl, basemapFailed } = await createMap(container, options);
      this.#map = map;
      this.#areasGeo = areas;
      void basemapFailed.then((failed) => {
        if (failed) this.#status(this.#messages.basemapFailed);
      });
      // Errors inside MapLibre (a bad layer, a failed image) surface here, not as exceptions.
      map.on('error', (e) => console.warn('[gap-explorer] map:', e.error?.message ?? e));
      const setup = () => {
        addOrientationLayers(map, { boundary, areas: this.#areaCollection() });
        map.addImage(HATCH_IMAGE, hatchImage());
        for (const [id, source] of Object.entries(gapSources())) map.addSource(id, source);
        for (const { layer, before } of GAP_LAYERS) map.addLayer(layer, before);
        this.#wireMap(map, maplibregl);
        this.querySelector<HTMLButtonElement>('[data-action=pick]')!.disabled = false;
        this.#disableWhatIfWithTable();
        this.#render();
        const status = this.querySelector<HTMLElement>('[data-status]')!;
        if (status.textContent === this.#messages.mapLoading) status.textContent = this.#messages.ready;
        if (focusMap) map.getCanvas().focus();
      };
      if (map.loaded()) setup();
      else map.once('load', setup);
    } catch {
      this.#status(this.#messages.mapFailed);
      this.dataset.state = 'analysis';
    }
  }

  #wireMap(map: MapLibre.Map, maplibregl: typeof MapLibre): void {
    map.on('click', (e) => {
      if (this.#picking) {
        const [hit] = map.queryRenderedFeatures(e.point, { layers: ['area-fill'] });
        if (!hit) {
          this.#status(this.#messages.outside);
          return;
        }
        this.#picking = false;
        this.querySelector('[data-action=pick]')!.setAttribute('aria-pressed', 'false');
        map.getCanvas().style.cursor = '';
        const name = String(hit.properties['name'] ?? '');
        this.#propose(
          Math.round(e.lngLat.lng * 1e6) / 1e6,
          Math.round(e.lngLat.lat * 1e6) / 1e6,
          `${this.#messages.pointLabel} (${name})`,
        );
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
      if (area) this.#showArea(Number(area.properties['area']), false);
    });
    // Area names on hover (no map glyphs are available offline, so labels are popups).
    const hover = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'area-name' });
    map.on('mousemove', 'area-fill', (e) => {
      const name = e.features?.[0]?.properties['name'];
      if (typeof name === 'string') hover.setLngLat(e.lngLat).setText(name).addTo(map);
    });
    map.on('mouseleave', 'area-fill', () => hover.remove());
    this.#namePopup = new maplibregl.Popup({ closeButton: false, closeOnClick: true, className: 'area-name' });
    for (const layer of ['area-fill', 'service-points']) {
      map.on('mouseenter', layer, () => {
        if (!this.#picking) map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        if (!this.#picking) map.getCanvas().style.cursor = '';
      });
    }
  }

  /** Fills the area panel: indicators, home languages, nearest services, languages of service. */
  #showArea(a: number, focus: boolean): void {
    const m = this.#model!;
    const msg = this.#messages;
    const f = this.#fmt;
    const changed = this.#selected !== a;
    this.#selected = a;
    this.#select('area').value = String(a);
    const panel = this.querySelector<HTMLElement>('[data-panel]')!;
    panel.hidden = false;
    this.querySelector('[data-panel-heading]')!.textContent = m.input.areas.name[a]!;
    if (this.#map && this.#namePopup)
      this.#namePopup
        .setLngLat([m.input.areas.x[a]!, m.input.areas.y[a]!])
        .setText(m.input.areas.name[a]!)
        .addTo(this.#map);
    const body: HTMLElement[] = [];

    body.push(el('h4', msg.panelIndicators));
    const dl = el('dl', undefined, { class: 'panel-indicators' });
    for (const info of this.#indicators) {
      const count = m.input.areas.indicators[info.id]?.[a] ?? null;
      let text = f.count(areaCount(m.input, info.id, a));
      if (info.denominator && count !== null) {
        const d = m.input.areas.indicators[info.denominator]?.[a];
        if (d) text += ` (${f.share(count / d)})`;
      }
      dl.append(el('dt', info.label), el('dd', text));
    }
    body.push(dl);

    body.push(el('h4', msg.panelLanguages));
    const langs = m.input.areas.homeLanguages[a] ?? [];
    if (langs.length === 0) body.push(el('p', msg.panelNoLanguages));
    else {
      const ol = el('ol');
      for (const entry of langs) {
        const li = el('li');
        li.append(el('span', entry[0], { lang: 'en' }), document.createTextNode(`: ${f.count(languageCount(entry))}`));
        ol.append(li);
      }
      body.push(ol);
    }

    body.push(el('h4', msg.panelNearest));
    const table = el('table', undefined, { class: 'panel-nearest' });
    const inReach = new Set<number>();
    for (const reach of areaReach(m, this.#results, a, this.#proposal)) {
      for (const i of reach.services) inReach.add(i);
      const nearest = reach.nearest;
      const name =
        nearest === null
          ? msg.none
          : nearest.kind === 'proposed'
            ? msg.panelProposed
            : m.input.services.name[nearest.service]!;
      const tr = el('tr');
      tr.append(
        el('th', this.#categoryLabel(reach.category), { scope: 'row' }),
        el('td', name),
        el('td', f.km(reach.metres), { class: 'num' }),
        el(
          'td',
          fill(msg.panelInReach, {
            count: this.#int(reach.inReach),
            km: f.cost(m.categories.get(reach.category)!.spec.maxCost),
          }),
        ),
      );
      table.append(tr);
    }
    const scroll = el('div', undefined, { class: 'table-scroll' });
    scroll.append(table);
    body.push(scroll);

    body.push(el('h4', msg.panelServiceLanguages));
    const known = [...inReach].filter((i) => m.input.services.languages[i] !== null);
    if (known.length === 0) body.push(el('p', msg.panelNoServiceLanguageData));
    else {
      const ul = el('ul');
      for (const [name] of langs) {
        const n = known.filter((i) => servesLanguage(m.input.services.languages[i] ?? [], name)).length;
        ul.append(
          el(
            'li',
            n > 0
              ? fill(msg.panelLanguageOffered, { language: name, count: this.#int(n) })
              : fill(msg.panelLanguageNotOffered, { language: name }),
          ),
        );
      }
      body.push(ul);
    }
    this.querySelector('[data-panel-body]')!.replaceChildren(...body);
    if (changed && this.#map) this.#renderMap();
    if (focus) panel.focus();
  }
}

customElements.define('gap-explorer', GapExplorer);
