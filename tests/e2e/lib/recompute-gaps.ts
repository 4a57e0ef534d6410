/**
 * An independent recomputation of the published gap analysis from the downloads alone
 * (`/data/gaps-input.json`, `/data/gaps.csv`, `/data/gaps-variations.csv`), written from
 * docs/access-methods.md with plain loops and none of src/lib/access, so a test can check that
 * every published score, flag and variation follows from the documented method.
 * Implements the methods the site configures (2SFCA and E2SFCA) and step, Gaussian or no weight,
 * on straight-line distances or on the cost-table pairs the input carries.
 */
export interface PublishedInput {
  params: {
    categories: { id: string; demand: string; method: string; maxCost: number; threshold: number; judged: boolean }[];
    demandPoints: unknown;
  };
  areas: { id: string[]; x: number[]; y: number[]; indicators: Record<string, (number | null)[]> };
  points: { x: number[]; y: number[]; area: number[]; shares: Record<string, number[]> };
  services: { x: number[]; y: number[] };
  supply: Record<string, { loc: number[]; capacity: number[] }>;
  /** A routing engine's costs (point index, service index, cost); absent = straight-line metres. */
  costs?: { origin: number[]; dest: number[]; cost: number[] };
}

const R = 6371008.8;
const rad = Math.PI / 180;
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The weight function of a published spec: `none`, `step:1000=1,2000=0.68`, `gaussian:1500`. */
export function weightOf(spec: string): (d: number) => number {
  if (spec === 'none') return () => 1;
  const [kind, rest = ''] = spec.split(':');
  if (kind === 'gaussian') {
    const s = Number(rest);
    return (d) => Math.exp(-(d * d) / (2 * s * s));
  }
  if (kind === 'step') {
    const steps = rest
      .split(',')
      .map((p) => p.split('=').map(Number) as [number, number])
      .sort((a, b) => a[0] - b[0]);
    return (d) => steps.find(([t]) => d <= t)?.[1] ?? 0;
  }
  throw new Error(`weight ${spec} is not implemented here`);
}

const distances = new Map<string, Float64Array[]>();

export interface Recomputed {
  score: number[];
  normalized: number[];
  underServed: boolean[];
}

/** One category under one set of parameters (as published on a CSV row). */
export function recompute(
  input: PublishedInput,
  categoryId: string,
  opts: { method: string; maxCost: number; weight: string; areaPoints: boolean },
): Recomputed {
  const cat = input.params.categories.find((c) => c.id === categoryId)!;
  if (opts.method !== '2sfca' && opts.method !== 'e2sfca')
    throw new Error(`method ${opts.method} is not implemented here`);
  const f = weightOf(opts.weight);
  // A missing demand (null: suppressed below the small-count threshold, or not known) is 0 people (documented rule).
  const demand = input.areas.indicators[cat.demand]!.map((d) => d ?? 0);
  const nAreas = demand.length;
  const pts = opts.areaPoints
    ? { x: input.areas.x, y: input.areas.y, area: input.areas.x.map((_, a) => a), share: input.areas.x.map(() => 1) }
    : { ...input.points, share: input.points.shares[cat.demand]! };
  const sup = input.supply[categoryId]!;
  const sx = sup.loc.map((i) => input.services.x[i]!);
  const sy = sup.loc.map((i) => input.services.y[i]!);
  const n = pts.x.length;
  const m = sx.length;
  const pop = pts.area.map((a, k) => demand[a]! * pts.share[k]!);
  // Distances are the same for every variation of a category: computed once per placement.
  const key = `${categoryId}|${String(opts.areaPoints)}`;
  let dist = distances.get(key);
  if (!dist) {
    dist = [];
    const costs = input.costs;
    if (costs) {
      // The published pairs of the cost table; a pair not listed is out of reach.
      if (opts.areaPoints) throw new Error('a cost table has no costs from the area points');
      for (let k = 0; k < n; k++) dist.push(new Float64Array(m).fill(Infinity));
      for (let i = 0; i < costs.origin.length; i++) {
        const j = sup.loc.indexOf(costs.dest[i]!);
        if (j >= 0) dist[costs.origin[i]!]![j] = costs.cost[i]!;
      }
    } else {
      for (let k = 0; k < n; k++) {
        const row = new Float64Array(m);
        for (let j = 0; j < m; j++) row[j] = haversineM(pts.x[k]!, pts.y[k]!, sx[j]!, sy[j]!);
        dist.push(row);
      }
    }
    distances.set(key, dist);
  }
  const w: number[][] = [];
  for (let k = 0; k < n; k++) {
    w.push([]);
    for (let j = 0; j < m; j++) {
      const d = dist[k]![j]!;
      w[k]!.push(d <= opts.maxCost ? f(d) : NaN); // NaN = out of reach
    }
  }
  const ratio: number[] = [];
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let k = 0; k < n; k++) if (!Number.isNaN(w[k]![j]!)) sum += pop[k]! * w[k]![j]!;
    ratio.push(sup.capacity[j]! / sum);
  }
  const pointScore = pts.x.map((_, k) => {
    let reach = false;
    let s = 0;
    for (let j = 0; j < m; j++) {
      const wk = w[k]![j]!;
      if (Number.isNaN(wk)) continue;
      reach = true;
      const term = ratio[j]! * wk;
      if (!Number.isNaN(term)) s += term;
    }
    return reach ? s : NaN;
  });
  const score = new Array<number>(nAreas).fill(0);
  const defined = new Array<boolean>(nAreas).fill(false);
  pts.area.forEach((a, k) => {
    if (!Number.isNaN(pointScore[k]!)) {
      defined[a] = true;
      score[a] = score[a]! + pointScore[k]! * pts.share[k]!;
    }
  });
  for (let a = 0; a < nAreas; a++) if (!defined[a]) score[a] = NaN;
  let num = 0;
  let den = 0;
  for (let a = 0; a < nAreas; a++) {
    if (!Number.isNaN(score[a]! * demand[a]!)) num += score[a]! * demand[a]!;
    den += demand[a]!;
  }
  const mean = num / den;
  const normalized = score.map((s) => s / mean);
  const underServed = score.map(
    (s, a) => cat.judged && demand[a]! > 0 && (Number.isNaN(s) || normalized[a]! < cat.threshold),
  );
  return { score, normalized, underServed };
}
