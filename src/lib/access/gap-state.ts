/**
 * The service-gaps explorer's state: the scored model, the results per category (with the
 * what-if tool's proposed site in its category's), the category and colouring shown and the
 * area selected. The `<gap-explorer>` element keeps one and draws what it answers; the rules
 * (a proposal belongs to one category, is dropped when another is shown, "before" is the
 * result without it) live here where unit tests reach them.
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { CategoryResult } from './analysis.ts';
import type { CategoryProposal } from './area-reach.ts';
import {
  areaFeatures,
  areaPanel,
  colouring,
  parseColourBy,
  proposalFeatures,
  serviceFeatures,
  underServedCount,
  type AreaPanel,
  type Colouring,
  type ColouringText,
  type IndicatorInfo,
} from './gap-view.ts';
import { createGapsModel, scoreModelCategory, type GapsInput, type GapsModel } from './gaps-input.ts';

/** A proposed site with the label the status line names it by. */
export interface Proposal extends CategoryProposal {
  readonly label: string;
}

export class GapState {
  readonly model: GapsModel;
  /** Results without any proposed site, per category. */
  readonly base: ReadonlyMap<string, CategoryResult>;
  readonly indicators: readonly IndicatorInfo[];
  #results: Map<string, CategoryResult>;
  #proposal: Proposal | null = null;
  category: string;
  /** The colour select's value: `score`, `count:<indicator>` or `share:<indicator>`. */
  colour = 'score';
  selected: number | null = null;

  constructor(
    model: GapsModel,
    base: ReadonlyMap<string, CategoryResult>,
    indicators: readonly IndicatorInfo[],
    category: string,
  ) {
    this.model = model;
    this.base = base;
    this.indicators = indicators;
    this.#results = new Map(base);
    this.category = category;
  }

  /** Scores every category of `input` (awaiting `pause()` before each, to keep a page responsive). */
  static async create(
    input: GapsInput,
    indicators: readonly IndicatorInfo[],
    category: string,
    pause: () => Promise<unknown> = () => Promise.resolve(),
  ): Promise<GapState> {
    const model = createGapsModel(input);
    const base = new Map<string, CategoryResult>();
    for (const c of input.params.categories) {
      await pause();
      base.set(c.id, scoreModelCategory(model, c.id));
    }
    return new GapState(model, base, indicators, category);
  }

  get proposal(): Proposal | null {
    return this.#proposal;
  }

  /** A category's current result (with the proposal when it is of that category). */
  result(categoryId = this.category): CategoryResult | undefined {
    return this.#results.get(categoryId);
  }

  /** Shows another category; a proposal of the previous one is removed (returns it then). */
  selectCategory(id: string): Proposal | null {
    this.category = id;
    return this.#proposal && this.#proposal.category !== id ? this.removeProposal() : null;
  }

  /** Adds a proposed site to the shown category; the under-served counts with it and before. */
  propose(site: Omit<Proposal, 'category'>): { now: number; before: number } {
    this.#proposal = { ...site, category: this.category };
    const result = scoreModelCategory(this.model, this.category, [this.#proposal]);
    this.#results.set(this.category, result);
    return { now: underServedCount(result), before: underServedCount(this.base.get(this.category)) };
  }

  /** Removes the proposal and restores its category's result; returns the removed proposal. */
  removeProposal(): Proposal | null {
    const p = this.#proposal;
    const base = p && this.base.get(p.category);
    if (!p || !base) return null;
    this.#proposal = null;
    this.#results.set(p.category, base);
    return p;
  }

  /** The section of `categoryId`: its result, and the base and proposal when the proposal is of it. */
  section(
    categoryId: string,
  ): { r: CategoryResult; withProposal: { base: CategoryResult; proposal: CategoryProposal } | null } | undefined {
    const r = this.#results.get(categoryId);
    if (!r) return undefined;
    const p = this.#proposal;
    const base = this.base.get(categoryId);
    return { r, withProposal: p?.category === categoryId && base ? { base, proposal: p } : null };
  }

  /** The map classes and legend texts of the current colouring. */
  colouring(text: ColouringText): Colouring | undefined {
    const r = this.result();
    return r && colouring(this.model, this.category, r, parseColourBy(this.colour), this.indicators, text);
  }

  /** The map's features: `outlines` coloured by `c`, the shown category's services, the proposal. */
  features(
    outlines: FeatureCollection<Geometry>,
    c: Colouring,
  ): { areas: FeatureCollection<Geometry>; services: FeatureCollection<Point>; proposal: FeatureCollection<Point> } {
    const r = this.result();
    return {
      areas: r ? areaFeatures(this.model, r, c, outlines, this.selected) : outlines,
      services: serviceFeatures(this.model, this.category),
      proposal: proposalFeatures(this.#proposal),
    };
  }

  /** Selects area `a` and says what its panel shows; `changed` when another area was selected. */
  selectArea(a: number): { panel: AreaPanel; changed: boolean } {
    const changed = this.selected !== a;
    this.selected = a;
    return { panel: areaPanel(this.model, this.#results, a, this.#proposal, this.indicators), changed };
  }

  /** Where area `a`'s representative point is and its name (the what-if tool's default site). */
  area(a: number): { lon: number; lat: number; name: string } {
    const { x, y, name } = this.model.input.areas;
    return { lon: x[a] ?? Number.NaN, lat: y[a] ?? Number.NaN, name: name[a] ?? '' };
  }
}
