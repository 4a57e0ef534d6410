/**
 * `<service-finder>`: instant search over the compact index, state in the URL, near-me without
 * sending the location anywhere, and a MapLibre map loaded only when it is shown.
 * What is shown is computed in src/lib/finder (view.ts); the list, the map, the form and address,
 * and the starting point are the modules beside this one. Everything shown comes from data and
 * is set with textContent or DOM nodes, never as HTML.
 */
import { required, whenNear } from '../../lib/client/dom.ts';
import { checkMessages } from '../../lib/client-messages.ts';
import { prepare, runQuery, type Result, type Searchable } from '../../lib/finder/filter.ts';
import { compileNeeds, type CompiledNeed } from '../../lib/finder/needs.ts';
import { EMPTY_QUERY, type FinderQuery } from '../../lib/finder/query.ts';
import { decodeFinderIndex, type FinderIndex, type FinderRecord } from '../../lib/finder/records.ts';
import { needsView, resultRows, statusText, type Origin } from '../../lib/finder/view.ts';
import { distanceFormatter } from '../../lib/format/distance.ts';
import { mapMayStartOnItsOwn, removeMapPoster, showMapPoster } from '../map/auto-start.ts';
import type { FinderConfig } from './config.ts';
import { markSelected, renderList, syncSaveButtons } from './finder-list.ts';
import type { FinderMap } from './finder-map.ts';
import { queryFromUrl, readForm, recordQuery, setField, writeForm } from './finder-form.ts';
import { locate, resolveOrigin } from './finder-origin.ts';
import { showNeeds, showStatus } from './finder-notes.ts';
import { FINDER_MESSAGES } from './messages.ts';
import { onShortlistChange } from './shortlist-store.ts';

/** Results shown before "show more": enough for a screen, small enough for a cheap phone. */
const PAGE_SIZE = 50;

/** The parts that exist once the index is loaded. */
interface Ready {
  config: FinderConfig;
  form: HTMLFormElement;
  records: FinderRecord[];
  items: Searchable[];
  needs: CompiledNeed[];
  /** One collator for the page's life: the search keeps its name order per collator. */
  collator: Intl.Collator;
  distance: (metres: number) => string;
}

class ServiceFinder extends HTMLElement {
  #ready: Ready | undefined;
  #query: FinderQuery = EMPTY_QUERY;
  #results: Result[] = [];
  #shown = PAGE_SIZE;
  #origin: Origin | undefined;
  #map: FinderMap | undefined;
  #mapLoading = false;
  #picking = false;
  #selected: string | undefined;

  async connectedCallback() {
    const raw = JSON.parse(this.dataset.config ?? '{}') as FinderConfig;
    const config: FinderConfig = { ...raw, messages: checkMessages(FINDER_MESSAGES, raw.messages) };
    const form = required(this, 'form', HTMLFormElement);
    for (const note of this.querySelectorAll('[data-no-js]')) note.remove();
    this.dataset.currentView = this.dataset.view ?? 'list';
    required(this, '.results-section', HTMLElement).hidden = false;
    showStatus(this, config.messages.loading);
    try {
      const response = await fetch('/data/finder.json');
      if (!response.ok) throw new Error(String(response.status));
      const records = decodeFinderIndex((await response.json()) as FinderIndex);
      // Search matches names and labels; needs ("doctor", "英语课") find the services that answer them.
      const { categories, subtypes } = config;
      const items = prepare(records, (id: string) => categories[id]?.label ?? subtypes[id] ?? '');
      const words = new Map(config.needs.map((n) => [n.id, n.terms]));
      const needs = compileNeeds((id) => [words.get(id) ?? '']);
      const collator = new Intl.Collator(config.lang);
      this.#ready = { config, form, records, items, needs, collator, distance: distanceFormatter(config.lang) };
    } catch {
      showStatus(this, config.messages.loadError);
      return;
    }
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLButtonElement | HTMLSelectElement>('[disabled]'))
      control.disabled = false;
    this.#bind(this.#ready);
    await this.#fromUrl();
    this.#setView(this.dataset.currentView === 'map' ? 'map' : 'list');
    const pane = this.querySelector<HTMLElement>('.map-pane');
    // The map loads when its pane comes near the viewport (wide screens show it beside the list).
    if (pane && 'IntersectionObserver' in window)
      whenNear(
        pane,
        '200px',
        () => this.#mapWanted(false),
        () => pane.offsetParent !== null,
      );
  }

  #bind({ form, config }: Ready) {
    const m = config.messages;
    form.addEventListener('input', (event) => {
      const target = event.target;
      // Typing a postal code waits for Enter or a change event; everything else is instant.
      if (target instanceof HTMLInputElement && target.name === 'near') return;
      void this.#fromForm(target instanceof HTMLInputElement && target.name === 'q' ? 'replace' : 'push');
    });
    form.addEventListener('change', (event) => {
      const target = event.target;
      if (target instanceof HTMLSelectElement && target.name === 'area' && target.value) setField(form, 'near', '');
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
        writeForm(form, this.#query);
        void this.#update();
      });
    });
    this.querySelector('[data-action=locate]')?.addEventListener('click', () =>
      locate(this, m, (near) => this.#setNear(near)),
    );
    this.querySelector('[data-action=pick]')?.addEventListener('click', () => {
      this.#setPicking(!this.#picking);
      if (this.#picking) this.#setView('map', true);
    });
    this.querySelector('[data-action=more]')?.addEventListener('click', () => {
      const first = this.#shown;
      this.#shown += PAGE_SIZE;
      this.#renderList();
      // Move focus to the first new result so keyboard users continue where they were.
      this.querySelectorAll<HTMLAnchorElement>('.results > li h3 a')[first]?.focus();
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>('.view-toggle button'))
      button.addEventListener('click', () => this.#setView(button.dataset.view === 'map' ? 'map' : 'list', true));
    window.addEventListener('popstate', () => void this.#fromUrl());
    onShortlistChange(() => syncSaveButtons(this, m));
  }

  #setPicking(on: boolean) {
    this.#picking = on;
    const button = this.querySelector<HTMLButtonElement>('[data-action=pick]');
    if (!button || !this.#ready) return;
    const m = this.#ready.config.messages;
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? m.pickOnMapActive : m.pickOnMap;
  }

  async #fromUrl() {
    if (!this.#ready) return;
    this.#query = queryFromUrl(this.dataset.q, this.#ready.config.available);
    writeForm(this.#ready.form, this.#query);
    await this.#update();
  }

  async #fromForm(history: 'push' | 'replace') {
    if (!this.#ready) return;
    this.#query = readForm(this.#ready.form);
    recordQuery(this.#query, history);
    await this.#update();
  }

  async #update() {
    const ready = this.#ready;
    if (!ready) return;
    const { config, items, needs, collator } = ready;
    this.#origin = await resolveOrigin(this, this.#query, config.messages);
    const context = { origin: this.#origin, now: new Date(), timeZone: config.timeZone, needs };
    this.#results = runQuery(items, this.#query, context, collator);
    this.#shown = PAGE_SIZE;
    this.#renderList();
    const text = statusText(this.#results.length, this.#origin, config.messages, config.lang);
    const heading = this.querySelector<HTMLElement>('.results-heading');
    if (heading) heading.textContent = text.heading;
    showStatus(this, text.status);
    const { records } = ready;
    const found = this.#results.length;
    showNeeds(this, needsView(this.#query.q, needs, config.needs, records, found, config.messages, config.lang));
    this.#map?.render(this.#results, this.#origin);
  }

  #renderList() {
    const ready = this.#ready;
    if (!ready) return;
    const { config } = ready;
    const rows = resultRows(this.#results.slice(0, this.#shown), config, config.servicesPath);
    renderList(required(this, '.results', HTMLOListElement), rows, {
      messages: config.messages,
      distance: ready.distance,
      selected: this.#selected,
      focused: (slug) => this.#select(slug, false),
    });
    const more = this.querySelector<HTMLButtonElement>('[data-action=more]');
    if (more) more.hidden = this.#results.length <= this.#shown;
  }

  /** `asked`: the reader chose the map (a button), so it loads even where it would wait. */
  #setView(view: 'list' | 'map', asked = false) {
    this.dataset.currentView = view;
    for (const button of this.querySelectorAll<HTMLButtonElement>('.view-toggle button'))
      button.setAttribute('aria-pressed', String(button.dataset.view === view));
    if (view === 'map') this.#mapWanted(asked);
  }

  /** Starts the map, or shows its poster where it waits to be asked for (auto-start.ts). */
  #mapWanted(asked: boolean) {
    if (asked || mapMayStartOnItsOwn() || !showMapPoster(this, () => void this.#ensureMap())) void this.#ensureMap();
  }

  #setNear(near: string) {
    if (!this.#ready) return;
    setField(this.#ready.form, 'near', near);
    setField(this.#ready.form, 'area', '');
    void this.#fromForm('push');
  }

  async #ensureMap() {
    const config = this.#ready?.config;
    if (!config || this.#map || this.#mapLoading) return;
    this.#mapLoading = true;
    try {
      const { FinderMap } = await import('./finder-map.ts');
      const events = {
        service: (slug: string) => this.#select(slug, true),
        point: (lat: number, lon: number) => {
          if (!this.#picking) return;
          this.#setPicking(false);
          this.#setNear(`${lat.toFixed(4)},${lon.toFixed(4)}`);
        },
      };
      this.#map = await FinderMap.create(this, config, this.#selected, events, removeMapPoster);
      this.#map.render(this.#results, this.#origin);
    } catch {
      required(this, '.map-message', HTMLElement).textContent = config.messages.mapError;
    } finally {
      this.#mapLoading = false;
    }
  }

  /** Highlights a service in the list and on the map; from the map, also moves focus to the list entry. */
  #select(slug: string, fromMap: boolean) {
    if (this.#selected === slug && !fromMap) return;
    this.#selected = slug;
    markSelected(this, slug);
    const map = this.#map;
    map?.highlight(slug);
    const index = this.#results.findIndex((r) => r.record.slug === slug);
    const result = this.#results[index];
    if (!result) return;
    if (fromMap) {
      if (index >= this.#shown) {
        this.#shown = index + 1;
        this.#renderList();
      }
      this.querySelector<HTMLElement>(`.results > li[data-slug="${CSS.escape(slug)}"]`)?.scrollIntoView({
        block: 'nearest',
      });
      map?.popup(result.record);
    } else if (map && this.dataset.currentView === 'map') map.centre(result.record.lon, result.record.lat, 14);
  }
}

customElements.define('service-finder', ServiceFinder);
