/**
 * `<gap-explorer>` (client): the service-gaps map, area panel and what-if tool.
 *
 * Loads `/data/gaps-input.json` when the explorer nears the viewport or the browser is idle, and
 * MapLibre after it where the map may start on its own (wide screens, ../map/auto-start.ts),
 * else when the reader presses the map poster's button. Scores are recomputed here with the
 * build's own engine (src/lib/access), so the map and the server-rendered lists and tables show
 * the same numbers; a proposed site is appended to the category's supply and everything is
 * recomputed, and each category section lists the areas the proposal changes. The state and
 * what is shown are src/lib/access/gap-state.ts and gap-view.ts; the sections, legend, panel and
 * map are drawn by the modules beside this one. No data goes through HTML strings.
 */
import { GapState } from '../../lib/access/gap-state.ts';
import type { IndicatorInfo } from '../../lib/access/gap-view.ts';
import type { GapsInput } from '../../lib/access/gaps-input.ts';
import { readMessages } from '../../lib/client-messages.ts';
import { required, whenNear, type ElementClass } from '../../lib/client/dom.ts';
import { fillTemplate as fill } from '../../lib/template.ts';
import { mapMayStartOnItsOwn, removeMapPoster, showMapPoster } from '../map/auto-start.ts';
import { gapFormatters, type GapFormatters } from './format.ts';
import { legendText, renderLegend } from './gap-legend.ts';
import type { GapMap } from './gap-map.ts';
import { panelBody } from './gap-panel.ts';
import { updateSection } from './gap-section.ts';
import { GAP_MESSAGES, type GapMessages } from './messages.ts';

interface CategoryInfo {
  id: string;
  label: string;
  color: string;
}

class GapExplorer extends HTMLElement {
  #read: GapMessages | null = null;
  #lang = 'en';
  #categories: CategoryInfo[] = [];
  #state: GapState | null = null;
  #fmt: GapFormatters | null = null;
  #picking = false;
  #gapMap: GapMap | null = null;
  #started = false;
  #mapStarted = false;

  /** The page's messages, read once (and checked complete) from `data-messages`. */
  get #messages(): GapMessages {
    return (this.#read ??= readMessages(GAP_MESSAGES, this.dataset.messages));
  }

  /** The MapLibre map once drawn (read by the end-to-end tests to compare with the tables). */
  get map() {
    return this.#gapMap?.map ?? null;
  }

  connectedCallback(): void {
    void this.#messages;
    this.#lang = this.dataset.lang ?? document.documentElement.lang;
    this.#categories = JSON.parse(this.dataset.categories ?? '[]') as CategoryInfo[];
    const start = () => void this.#start();
    whenNear(this.#part('[data-map-container]', HTMLElement), '400px', start);
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 5000 });
    else setTimeout(start, 2000);
  }

  #part<T extends Element>(selector: string, type: ElementClass<T>): T {
    return required(this, selector, type);
  }

  #status(text: string): void {
    this.#part('[data-status]', HTMLElement).textContent = text;
  }

  async #start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.dataset.state = 'loading';
    let input: GapsInput;
    try {
      input = (await (await fetch(this.dataset.input ?? '')).json()) as GapsInput;
      const indicators = JSON.parse(this.dataset.indicators ?? '[]') as IndicatorInfo[];
      // One category per task, so a slow phone stays responsive while the scores are computed.
      const pause = () => new Promise((resolve) => setTimeout(resolve));
      this.#state = await GapState.create(input, indicators, this.#categories[0]?.id ?? '', pause);
    } catch {
      this.#status(this.#messages.failed);
      this.dataset.state = 'failed';
      return;
    }
    this.#fmt = gapFormatters(this.#lang, input.params.smallCountThreshold, this.#messages, input.params.cost);
    this.#wireControls(this.#state);
    this.dataset.state = 'analysis';
    const container = this.#part('[data-map-container]', HTMLElement);
    if (mapMayStartOnItsOwn() || !showMapPoster(container, () => void this.#startMap())) await this.#startMap();
  }

  #wireControls(state: GapState): void {
    const select = (name: string) => this.#part(`select[name=${name}]`, HTMLSelectElement);
    const [category, colour, area] = [select('category'), select('colour'), select('area')];
    const pick = this.#part('[data-action=pick]', HTMLButtonElement);
    state.colour = colour.value;
    category.disabled = colour.disabled = false;
    this.#part('[data-what-if] fieldset', HTMLFieldSetElement).disabled = false;
    category.addEventListener('change', () => {
      const removed = state.selectCategory(category.value);
      if (removed) this.#proposalRemoved(removed.category, false);
      this.#render();
    });
    colour.addEventListener('change', () => {
      state.colour = colour.value;
      this.#render();
    });
    this.#part('[data-what-if]', HTMLFormElement).addEventListener('submit', (e) => {
      e.preventDefault();
      const { lon, lat, name } = state.area(Number(area.value));
      this.#propose(lon, lat, name);
    });
    this.#part('[data-action=show]', HTMLButtonElement).addEventListener('click', () =>
      this.#showArea(Number(area.value), true),
    );
    this.#part('[data-action=remove]', HTMLButtonElement).addEventListener('click', () => {
      const removed = state.removeProposal();
      if (removed) this.#proposalRemoved(removed.category, true);
    });
    pick.addEventListener('click', () => this.#setPicking(!this.#picking));
    pick.disabled = this.#gapMap === null;
    this.#disableWhatIfWithTable();
  }

  #setPicking(on: boolean): void {
    this.#picking = on;
    this.#part('[data-action=pick]', HTMLButtonElement).setAttribute('aria-pressed', String(on));
    if (on) this.#status(this.#messages.picking);
    if (this.#gapMap) this.#gapMap.picking = on;
  }

  /** With a routing engine's cost table a proposed site has no cost: the what-if tool stays off (the page says why). */
  #disableWhatIfWithTable(): void {
    if (this.#state?.model.input.params.cost.kind !== 'table') return;
    for (const c of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>(
      '[data-what-if] [name=capacity], [data-what-if] [type=submit], [data-action=pick]',
    ))
      c.disabled = true;
  }

  #propose(lon: number, lat: number, label: string): void {
    if (!this.#state) return;
    const v = Math.round(Number(this.#part('input[name=capacity]', HTMLInputElement).value));
    const counts = this.#state.propose({ lon, lat, capacity: Number.isFinite(v) && v >= 1 ? v : 1, label });
    this.#part('[data-action=remove]', HTMLButtonElement).disabled = false;
    this.#render();
    const [now, before] = [this.#int(counts.now), this.#int(counts.before)];
    this.#status(fill(this.#messages.placed, { area: label, category: this.#category().label, now, before }));
  }

  #proposalRemoved(categoryId: string, announce: boolean): void {
    this.#updateSection(categoryId);
    this.#part('[data-action=remove]', HTMLButtonElement).disabled = true;
    this.#render();
    const now = this.#int(this.#state?.result()?.underServed.filter(Boolean).length ?? 0);
    if (announce) this.#status(fill(this.#messages.removed, { category: this.#category().label, now }));
  }

  #int(n: number): string {
    return new Intl.NumberFormat(this.#lang).format(n);
  }

  #category(id = this.#state?.category ?? ''): CategoryInfo {
    return this.#categories.find((c) => c.id === id) ?? { id, label: id, color: '#000' };
  }

  /** Redraws everything that depends on the category, the colouring and the proposal. */
  #render(): void {
    const state = this.#state;
    if (!state) return;
    this.#updateSection(state.category);
    const c = this.#colouring();
    const legend = this.#part('[data-legend]', HTMLElement);
    if (c) renderLegend(legend, c, this.#messages, this.#category(), state.proposal !== null);
    this.#renderMap();
    if (state.selected !== null) this.#showArea(state.selected, false);
  }

  /** Rewrites the category's server-rendered section with the current results. */
  #updateSection(categoryId: string): void {
    const section = document.querySelector<HTMLElement>(`section[data-gaps-category="${categoryId}"]`);
    const now = this.#state?.section(categoryId);
    if (!section || !now || !this.#state || !this.#fmt) return;
    const ctx = { model: this.#state.model, fmt: this.#fmt, messages: this.#messages, lang: this.#lang };
    updateSection(section, ctx, categoryId, now.r, now.withProposal);
  }

  #colouring() {
    if (!this.#fmt) return undefined;
    return this.#state?.colouring(legendText(this.#messages, this.#fmt, this.#lang, this.#category().label));
  }

  #renderMap(): void {
    const c = this.#colouring();
    const state = this.#state;
    if (!this.#gapMap || !state || !c) return;
    const data = { ...state.features(this.#gapMap.outlines, c), serviceColour: this.#category().color };
    this.#gapMap.render(data, () => {
      this.dataset.state = 'ready';
      this.dataset.shownCategory = state.category;
      this.dataset.proposal = state.proposal ? 'yes' : 'no';
    });
  }

  async #startMap(): Promise<void> {
    if (this.#mapStarted) return;
    this.#mapStarted = true;
    const container = this.#part('[data-map-container]', HTMLElement);
    const msg = this.#messages;
    this.#status(msg.mapLoading);
    try {
      const { GapMap } = await import('./gap-map.ts');
      const urls = { areas: this.dataset.areas ?? '', boundary: this.dataset.boundary ?? '' };
      const options = JSON.parse(this.dataset.map ?? '{}') as Parameters<typeof GapMap.create>[1];
      const events = {
        ready: (focus: boolean) => {
          this.#part('[data-action=pick]', HTMLButtonElement).disabled = false;
          this.#disableWhatIfWithTable();
          this.#render();
          const status = this.#part('[data-status]', HTMLElement);
          if (status.textContent === msg.mapLoading) status.textContent = msg.ready;
          if (focus) gapMap.map.getCanvas().focus();
        },
        basemapFailed: () => this.#status(msg.basemapFailed),
        pickedOutside: () => this.#status(msg.outside),
        picked: (lon: number, lat: number, name: string) => {
          this.#setPicking(false);
          this.#propose(lon, lat, `${msg.pointLabel} (${name})`);
        },
        area: (a: number) => this.#showArea(a, false),
      };
      const gapMap = await GapMap.create(container, options, urls, events, () => removeMapPoster(container));
      this.#gapMap = gapMap;
      const c = this.#colouring();
      await gapMap.draw(c && this.#state ? this.#state.features(gapMap.outlines, c).areas : gapMap.outlines);
    } catch {
      this.#status(msg.mapFailed);
      this.dataset.state = 'analysis';
    }
  }

  /** Fills the area panel: indicators, home languages, nearest services, languages of service. */
  #showArea(a: number, focus: boolean): void {
    if (!this.#state || !this.#fmt) return;
    const { panel: p, changed } = this.#state.selectArea(a);
    this.#part('select[name=area]', HTMLSelectElement).value = String(a);
    const panel = this.#part('[data-panel]', HTMLElement);
    panel.hidden = false;
    this.#part('[data-panel-heading]', HTMLElement).textContent = p.name;
    this.#gapMap?.showName(p.lon, p.lat, p.name);
    const body = panelBody(p, this.#messages, this.#fmt, this.#lang, (id) => this.#category(id).label);
    this.#part('[data-panel-body]', HTMLElement).replaceChildren(...body);
    if (changed && this.#gapMap) this.#renderMap();
    if (focus) panel.focus();
  }
}

customElements.define('gap-explorer', GapExplorer);
