/**
 * The cost table: origin–destination travel costs from a routing engine (OSRM table,
 * Valhalla matrix, r5py travel_time_matrix, OpenTripPlanner…) in one documented CSV shape,
 * read into a {@link PairList}. Used by the `gaps` CLI and the site build.
 *
 * Shape (docs/access-methods.md, "Travel costs from a routing engine"):
 *
 *     origin,dest,cost,unit
 *     DA001,svc-12,734.5,s
 *
 * - Header names are trimmed and case-insensitive, in any order; other columns are ignored.
 * - `origin`: a demand id; `dest`: a supply id (or a demand id for FCA neighbour costs).
 *   Ids are compared exactly (no trimming), as written in the demand and supply files.
 * - `cost`: a decimal number ≥ 0 (`1e3` and `Infinity` allowed). Empty or `NaN` means "no
 *   route" (unreachable), as does a pair that is absent from the table.
 * - `unit` (optional column): one of {@link COST_UNITS}; every row gives the same unit. Without
 *   the column the unit comes from the caller (`--cost-unit`, the site config). Costs are used
 *   as given, never converted: the catchment and weights are stated in the same unit.
 * - A pair may appear once. UTF-8, optional BOM, `\n` or `\r\n` line ends, RFC 4180 quotes.
 *
 * The reader streams: it takes the file as chunks of bytes and keeps only typed arrays (no
 * string or object per row), so a national table of millions of rows reads in well under a
 * second and a few bytes of memory per pair. (The general CSV reader, csv/read.ts, builds
 * objects per row and is meant for the LIP's small data files.)
 */
import { PairBuilder, type PairList } from './costs.ts';
import { entry, nth } from '../lookup.ts';

/** Units a cost table may state, with their names for messages and pages. */
export const COST_UNITS = { m: 'metres', km: 'kilometres', s: 'seconds', min: 'minutes', h: 'hours' } as const;
export type CostUnit = keyof typeof COST_UNITS;

export function isCostUnit(s: string): s is CostUnit {
  return Object.hasOwn(COST_UNITS, s);
}

/** Bad cost-table input: the message names the file, the row (line, header = 1), the field and the reason. */
export class CostTableError extends Error {
  readonly file: string;
  /** 1-based line of the record's first line; 0 for a file-level problem. */
  readonly row: number;
  readonly field: string | null;
  readonly reason: string;
  constructor(file: string, row: number, field: string | null, reason: string) {
    super(`${file}${row > 0 ? ` row ${String(row)}` : ''}: ${field ? `column ${field}: ` : ''}${reason}`);
    this.name = 'CostTableError';
    this.file = file;
    this.row = row;
    this.field = field;
    this.reason = reason;
  }
}

export interface CostTableOptions {
  /** File name used in messages. */
  readonly file: string;
  /** Ids the `origin` column may name, in index order. */
  readonly originIds: readonly string[];
  /** Ids the `dest` column may name, in index order (may be `originIds`). */
  readonly destIds: readonly string[];
  /** Words for messages: `"demand"`, `"supply"`. */
  readonly originKind?: string;
  readonly destKind?: string;
  /** The unit the caller expects; a `unit` column must then agree with it. */
  readonly unit?: CostUnit | undefined;
  /** Every origin × dest pair must have a row (an empty cost for no route); the site requires it. */
  readonly complete?: boolean;
  /** Describes an origin id in messages, e.g. `demand point of area "Annex"`. */
  readonly describeOrigin?: (index: number) => string;
  readonly describeDest?: (index: number) => string;
}

export interface CostTable {
  /** Pairs with a cost, in file order (origin/dest are indices into the id lists). */
  readonly pairs: PairList;
  /** The table's unit (from the column or the caller); null when neither states one. */
  readonly unit: CostUnit | null;
  /** Data rows read (blank lines excluded). */
  readonly rows: number;
  /** Rows whose cost was empty or NaN (no route). */
  readonly unreachable: number;
}

/**
 * Ids → index by their UTF-8 bytes, so rows are looked up without making a string per cell.
 * Open addressing (FNV-1a, linear probing) with each slot holding the index, the length and
 * the first {@link INLINE} bytes of its id, so a lookup usually reads one cache line; longer
 * ids compare their tail with a copy kept aside.
 */
export class IdIndex {
  /** Per slot: int32 index + 1 (0 = empty), int32 byte length, INLINE key bytes. */
  private readonly slots: Int32Array;
  private readonly slotBytes: Uint8Array;
  private readonly mask: number;
  /** Full bytes of each id, for ids longer than INLINE. */
  private readonly long = new Map<number, Uint8Array>();

  constructor(ids: readonly string[]) {
    const enc = new TextEncoder();
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size * SLOT_INTS);
    this.slotBytes = new Uint8Array(this.slots.buffer);
    this.mask = size - 1;
    ids.forEach((id, i) => {
      const e = enc.encode(id);
      if (this.find(e, 0, e.length) >= 0) return; // a repeated id keeps its first index
      let h = hashBytes(e, 0, e.length) & this.mask;
      while (this.slots[h * SLOT_INTS] !== 0) h = (h + 1) & this.mask;
      this.slots[h * SLOT_INTS] = i + 1;
      this.slots[h * SLOT_INTS + 1] = e.length;
      this.slotBytes.set(e.subarray(0, INLINE), h * SLOT_INTS * 4 + 8);
      if (e.length > INLINE) this.long.set(i, e);
    });
  }

  /** Index of the id spelled by buf[s, e), or -1. */
  find(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    const slots = this.slots;
    const bytes = this.slotBytes;
    const inline = len < INLINE ? len : INLINE;
    let h = hashBytes(buf, s, e) & this.mask;
    for (;;) {
      const base = h * SLOT_INTS;
      const v = slots[base] ?? NaN;
      if (v === 0) return -1;
      if (slots[base + 1] === len) {
        const at = base * 4 + 8;
        let k = 0;
        while (k < inline && bytes[at + k] === buf[s + k]) k++;
        if (k === inline && (len <= INLINE || this.sameTail(v - 1, buf, s, e))) return v - 1;
      }
      h = (h + 1) & this.mask;
    }
  }

  private sameTail(i: number, buf: Uint8Array, s: number, e: number): boolean {
    const full = entry(this.long, i, 'long value');
    for (let k = INLINE; k < e - s; k++) if (full[k] !== buf[s + k]) return false;
    return true;
  }
}

/** Id bytes stored in the slot itself; a slot is 4 int32 = 16 bytes. */
const INLINE = 8;
const SLOT_INTS = 4;

function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) h = Math.imul(h ^ (buf[k] ?? NaN), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

interface PreviousId {
  buf: Uint8Array | null;
  s: number;
  e: number;
  index: number;
}

/** buf[s1, e1) and buf[s2, e2) hold the same bytes. */
function sameBytes(buf: Uint8Array, s1: number, e1: number, s2: number, e2: number): boolean {
  if (e1 - s1 !== e2 - s2) return false;
  for (let k = 0; k < e1 - s1; k++) if (buf[s1 + k] !== buf[s2 + k]) return false;
  return true;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

const isBlank = (b: number): boolean => b === SPACE || b === TAB || b === CR;

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Streams a cost table. `push` each chunk of the file in order (the reader copies what it
 * keeps, so a caller may reuse its buffer), then `end()`. Throws {@link CostTableError}.
 */
export class CostTableReader {
  readonly #o: CostTableOptions;
  readonly #origins: IdIndex;
  readonly #dests: IdIndex;
  readonly #pairs = new PairBuilder(1 << 16);
  /** Where a pair's line stops being "pair index + 2": [first pair, shift], for messages. */
  #rowShifts: [number, number][] = [];
  #carry: Uint8Array = new Uint8Array(0);
  #line = 1;
  #headerDone = false;
  #first = true;
  #width = 0;
  #col = { origin: -1, dest: -1, cost: -1, unit: -1 };
  #unit: CostUnit | null;
  #rows = 0;
  #unreachable = 0;
  /** Field bounds of the current record: start, end (exclusive) per field. */
  #fs = new Int32Array(16);
  #fe = new Int32Array(16);
  /** Unquoted copies of the current record's quoted fields (rare). */
  #quoted = new Map<number, Uint8Array>();
  #hasQuoted = false;
  /** The selected field (see #select). */
  #sb: Uint8Array = new Uint8Array(0);
  #ss = 0;
  #se = 0;
  /** The previous row's origin and dest fields and their indices. */
  #po: PreviousId = { buf: null, s: 0, e: 0, index: -1 };
  #pd: PreviousId = { buf: null, s: 0, e: 0, index: -1 };
  /** Bytes of the table's unit, once known, to check each row without making a string. */
  #unitBytes: Uint8Array | null = null;
  #latin1 = new TextDecoder('latin1');
  #utf8 = new TextDecoder('utf-8', { fatal: false });
  /** Latin-1 text of the current buffer, made on the first number that needs Number(). */
  #text: string | null = null;

  constructor(options: CostTableOptions) {
    this.#o = options;
    this.#origins = new IdIndex(options.originIds);
    this.#dests = options.destIds === options.originIds ? this.#origins : new IdIndex(options.destIds);
    this.#unit = options.unit ?? null;
  }

  #fail(row: number, field: string | null, reason: string): never {
    throw new CostTableError(this.#o.file, row, field, reason);
  }

  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.#carry.length > 0) {
      buf = new Uint8Array(this.#carry.length + chunk.length);
      buf.set(this.#carry);
      buf.set(chunk, this.#carry.length);
    }
    const used = this.#parse(buf, false);
    this.#carry = used < buf.length ? buf.slice(used) : new Uint8Array(0);
  }

  end(): CostTable {
    const buf = this.#carry;
    this.#carry = new Uint8Array(0);
    this.#parse(buf, true);
    if (!this.#headerDone) this.#fail(0, null, 'the file is empty (no header row)');
    return this.#finish();
  }

  /** Parses the complete records of buf (all of it when `last`); returns the bytes consumed. */
  #parse(buf: Uint8Array, last: boolean): number {
    let p = 0;
    if (this.#first && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) p = 3;
    if (this.#first && (buf.length >= 3 || last)) this.#first = false;
    else if (this.#first) return 0; // wait for enough bytes to see a BOM
    this.#text = null;
    const n = buf.length;
    const fs = this.#fs;
    const fe = this.#fe;
    while (p < n) {
      // One record: fields until an unquoted line end.
      const recordStart = p;
      const recordLine = this.#line;
      let lines = 0;
      let f = 0;
      let q = p;
      let complete = false;
      if (this.#hasQuoted) {
        this.#quoted.clear();
        this.#hasQuoted = false;
      }
      for (;;) {
        if (f === fs.length) this.#growFields();
        if (q < n && buf[q] === QUOTE) {
          // Quoted field: "" is a quote; ends at the closing quote.
          const out: number[] = [];
          let r = q + 1;
          let closed = false;
          while (r < n) {
            const b = buf[r] ?? NaN;
            if (b === QUOTE) {
              if (r + 1 < n && buf[r + 1] === QUOTE) {
                out.push(QUOTE);
                r += 2;
                continue;
              }
              if (r + 1 >= n && !last) break; // can't tell yet
              closed = true;
              r++;
              break;
            }
            if (b === LF) lines++;
            out.push(b);
            r++;
          }
          if (!closed) {
            if (!last) break;
            this.#fail(recordLine, null, 'a quoted field is not closed');
          }
          this.#quoted.set(f, Uint8Array.from(out));
          this.#hasQuoted = true;
          fs[f] = q;
          fe[f] = r;
          q = r;
          if (q < n && buf[q] === CR && (q + 1 >= n || buf[q + 1] === LF)) q++;
          if (q < n && buf[q] !== COMMA && buf[q] !== LF)
            this.#fail(recordLine, null, 'unexpected text after a closing quote');
        } else {
          fs[f] = q;
          while (q < n) {
            const b = buf[q] ?? NaN;
            if (b === COMMA || b === LF) break;
            q++;
          }
          fe[f] = q;
        }
        f++;
        if (q >= n) {
          if (last) {
            complete = true;
            if ((fe[f - 1] ?? NaN) > (fs[f - 1] ?? NaN) && buf[(fe[f - 1] ?? NaN) - 1] === CR)
              fe[f - 1] = (fe[f - 1] ?? NaN) - 1;
          }
          break;
        }
        if (buf[q] === COMMA) {
          q++;
          continue;
        }
        // LF: the record ends; drop a CR before it.
        if ((fe[f - 1] ?? NaN) > (fs[f - 1] ?? NaN) && fe[f - 1] === q && buf[q - 1] === CR) fe[f - 1] = q - 1;
        q++;
        lines++;
        complete = true;
        break;
      }
      if (!complete) return recordStart;
      if (q === recordStart && last) break; // nothing left
      this.#line += lines;
      p = q;
      this.#record(buf, f, recordLine);
    }
    return n;
  }

  #growFields(): void {
    const fs = new Int32Array(this.#fs.length * 2);
    fs.set(this.#fs);
    const fe = new Int32Array(this.#fe.length * 2);
    fe.set(this.#fe);
    this.#fs = fs;
    this.#fe = fe;
  }

  /** Selects field k of the current record: its bytes are #sb[#ss, #se). */
  #select(buf: Uint8Array, k: number): void {
    const qd = this.#hasQuoted ? this.#quoted.get(k) : undefined;
    if (qd) {
      this.#sb = qd;
      this.#ss = 0;
      this.#se = qd.length;
    } else {
      this.#sb = buf;
      this.#ss = this.#fs[k] ?? NaN;
      this.#se = this.#fe[k] ?? NaN;
    }
  }

  #string(buf: Uint8Array, k: number): string {
    this.#select(buf, k);
    return this.#utf8.decode(this.#sb.subarray(this.#ss, this.#se));
  }

  #record(buf: Uint8Array, f: number, row: number): void {
    const fs = this.#fs;
    const fe = this.#fe;
    // A blank line (one field of spaces) is skipped.
    if (f === 1 && !this.#hasQuoted) {
      let blank = true;
      for (let k = fs[0] ?? NaN; k < (fe[0] ?? NaN); k++) {
        if (!isBlank(buf[k] ?? NaN)) {
          blank = false;
          break;
        }
      }
      if (blank) return;
    }
    if (!this.#headerDone) {
      this.#header(buf, f);
      return;
    }
    if (f !== this.#width) this.#fail(row, null, `expected ${String(this.#width)} fields, found ${String(f)}`);
    this.#rows++;
    const col = this.#col;
    // Engines write tables grouped by origin (or by destination): a row naming the same id as
    // the row before reuses its index without a lookup.
    this.#select(buf, col.origin);
    const o =
      this.#sb === this.#po.buf && sameBytes(buf, this.#ss, this.#se, this.#po.s, this.#po.e)
        ? this.#po.index
        : this.#origins.find(this.#sb, this.#ss, this.#se);
    this.#po.buf = this.#sb;
    this.#po.s = this.#ss;
    this.#po.e = this.#se;
    this.#po.index = o;
    if (o < 0)
      this.#fail(row, 'origin', `"${this.#string(buf, col.origin)}" is not a ${this.#o.originKind ?? 'origin'} id`);
    this.#select(buf, col.dest);
    const d =
      this.#sb === this.#pd.buf && sameBytes(buf, this.#ss, this.#se, this.#pd.s, this.#pd.e)
        ? this.#pd.index
        : this.#dests.find(this.#sb, this.#ss, this.#se);
    this.#pd.buf = this.#sb;
    this.#pd.s = this.#ss;
    this.#pd.e = this.#se;
    this.#pd.index = d;
    if (d < 0)
      this.#fail(row, 'dest', `"${this.#string(buf, col.dest)}" is not a ${this.#o.destKind ?? 'destination'} id`);
    if (col.unit >= 0) this.#checkUnit(buf, row);
    const cost = this.#cost(buf, row);
    if (cost !== cost) this.#unreachable++;
    const k = this.#pairs.length;
    this.#pairs.push(o, d, cost);
    // Pair k is usually on line k + 2 (after the header); blank lines and quoted line breaks
    // shift that, and each shift is noted as [first pair, shift] for messages.
    const shifts = this.#rowShifts;
    const shift = shifts.length > 0 ? nth(shifts, shifts.length - 1)[1] : 0;
    if (row !== k + 2 + shift) shifts.push([k, row - k - 2]);
  }

  #header(buf: Uint8Array, f: number): void {
    const seen = new Set<string>();
    for (let k = 0; k < f; k++) {
      const name = this.#string(buf, k).trim().toLowerCase();
      if (seen.has(name)) this.#fail(1, null, `column "${name}" appears twice`);
      seen.add(name);
      if (name === 'origin' || name === 'dest' || name === 'cost' || name === 'unit') this.#col[name] = k;
    }
    for (const name of ['origin', 'dest', 'cost'] as const) {
      if (this.#col[name] < 0) {
        this.#fail(
          1,
          null,
          `missing column ${name} (a cost table has the columns origin,dest,cost and optionally unit; see docs/access-methods.md)`,
        );
      }
    }
    this.#width = f;
    this.#headerDone = true;
  }

  #checkUnit(buf: Uint8Array, row: number): void {
    const u = this.#unitBytes;
    if (u) {
      // Same bytes as the known unit (spaces around it allowed): nothing to decode.
      this.#select(buf, this.#col.unit);
      const b = this.#sb;
      let s = this.#ss;
      let e = this.#se;
      while (s < e && isBlank(b[s] ?? NaN)) s++;
      while (e > s && isBlank(b[e - 1] ?? NaN)) e--;
      if (e - s === u.length) {
        let same = true;
        for (let k = 0; k < u.length; k++) if (b[s + k] !== u[k]) same = false;
        if (same) return;
      }
    }
    const raw = this.#string(buf, this.#col.unit).trim();
    if (!isCostUnit(raw)) this.#fail(row, 'unit', `"${raw}" is not a unit (use ${Object.keys(COST_UNITS).join(', ')})`);
    if (this.#unit === null) this.#unit = raw;
    if (raw !== this.#unit) {
      const why = this.#o.unit !== undefined ? 'the unit given for this table' : 'the unit of the rows above';
      this.#fail(row, 'unit', `"${raw}" differs from "${this.#unit}", ${why} (a table has one unit)`);
    }
    this.#unitBytes = new TextEncoder().encode(raw);
  }

  /** The cost of the current row: a number ≥ 0, or NaN for "no route". */
  #cost(buf: Uint8Array, row: number): number {
    this.#select(buf, this.#col.cost);
    const b = this.#sb;
    let s = this.#ss;
    let e = this.#se;
    while (s < e && isBlank(b[s] ?? NaN)) s++;
    while (e > s && isBlank(b[e - 1] ?? NaN)) e--;
    if (s === e) return NaN;
    // Fast path: digits with an optional point, at most 15 significant digits: the integer
    // mantissa and the power of ten are exact doubles, so one division rounds correctly
    // (the same double as Number()).
    let m = 0;
    let digits = 0;
    let frac = -1;
    let k = s;
    let ok = true;
    for (; k < e; k++) {
      const c = b[k] ?? NaN;
      if (c >= 48 && c <= 57) {
        if (digits > 0 || c !== 48) digits++;
        m = m * 10 + (c - 48);
        if (frac >= 0) frac++;
      } else if (c === 46 && frac < 0) frac = 0;
      else {
        ok = false;
        break;
      }
    }
    const plain = ok && k > s && !(frac === 0 && e - s === 1);
    if (plain && digits <= 15 && frac <= 22) return frac > 0 ? m / (POW10[frac] ?? NaN) : m;
    // Anything else: let Number() round it (after checking the syntax, as parseDecimal does).
    const text = b === buf ? this.#latin1Text(buf).slice(s, e) : this.#latin1.decode(b.subarray(s, e));
    if (plain) return Number(text);
    if (text === 'NaN' || text.toLowerCase() === 'nan') return NaN;
    let v: number;
    if (text === 'Infinity' || text === '+Infinity') v = Infinity;
    else if (NUMBER_RE.test(text)) v = Number(text);
    else this.#fail(row, 'cost', `"${this.#utf8.decode(b.subarray(s, e))}" is not a number`);
    if (v < 0) this.#fail(row, 'cost', `${text} is negative (costs are distances or times, ≥ 0)`);
    return v;
  }

  #latin1Text(buf: Uint8Array): string {
    this.#text ??= this.#latin1.decode(buf);
    return this.#text;
  }

  /** Rejects repeated pairs (naming both rows), then drops the unreachable ones. */
  #finish(): CostTable {
    const all = this.#pairs.finish();
    const n = all.length;
    const nO = this.#o.originIds.length;
    // Counting sort of the pairs by origin, then the dests of each origin sorted.
    const start = new Uint32Array(nO + 1);
    for (let k = 0; k < n; k++) {
      const o = (all.origin[k] ?? NaN) + 1;
      start[o] = (start[o] ?? NaN) + 1;
    }
    for (let i = 0; i < nO; i++) start[i + 1] = (start[i + 1] ?? NaN) + (start[i] ?? NaN);
    const at = start.slice(0, nO);
    const dests = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      const o = all.origin[k] ?? NaN;
      const slot = at[o] ?? NaN;
      at[o] = slot + 1;
      dests[slot] = all.dest[k] ?? NaN;
    }
    for (let i = 0; i < nO; i++) {
      const a = start[i] ?? NaN;
      const b = start[i + 1] ?? NaN;
      if (b - a < 2) continue;
      const group = dests.subarray(a, b).sort();
      for (let g = 1; g < group.length; g++) {
        if (group[g] === group[g - 1]) this.#repeated(all, i, group[g] ?? NaN);
      }
    }
    if (this.#o.complete) {
      const nD = this.#o.destIds.length;
      for (let i = 0; i < nO; i++) {
        const group = dests.subarray(start[i] ?? NaN, start[i + 1] ?? NaN);
        if (group.length === nD) continue;
        if (group.length > 1 || nD > 1) group.sort();
        let d = 0;
        while (d < group.length && group[d] === d) d++;
        this.#missing(i, d);
      }
    }
    let pairs = all;
    if (this.#unreachable > 0) {
      const b = new PairBuilder(n - this.#unreachable);
      for (let k = 0; k < n; k++) {
        const c = all.cost[k] ?? NaN;
        if (c === c) b.push(all.origin[k] ?? NaN, all.dest[k] ?? NaN, c);
      }
      pairs = b.finish();
    }
    return { pairs, unit: this.#unit, rows: this.#rows, unreachable: this.#unreachable };
  }

  /** The line of pair k's row. */
  #rowOfPair(k: number): number {
    let shift = 0;
    for (const [from, s] of this.#rowShifts) {
      if (from > k) break;
      shift = s;
    }
    return k + 2 + shift;
  }

  #missing(o: number, d: number): never {
    const say = (ids: readonly string[], k: number, describe?: (k: number) => string) =>
      `"${ids[k] ?? NaN}"${describe ? ` (${describe(k)})` : ''}`;
    this.#fail(
      0,
      null,
      `no row for the pair ${say(this.#o.originIds, o, this.#o.describeOrigin)} -> ${say(this.#o.destIds, d, this.#o.describeDest)}: ` +
        'the table needs a row for every origin and destination (leave the cost empty for no route)',
    );
  }

  #repeated(all: PairList, o: number, d: number): never {
    const rows: number[] = [];
    for (let k = 0; k < all.length && rows.length < 2; k++)
      if (all.origin[k] === o && all.dest[k] === d) rows.push(this.#rowOfPair(k));
    const oid = this.#o.originIds[o] ?? NaN;
    const did = this.#o.destIds[d] ?? NaN;
    this.#fail(rows[1] ?? NaN, null, `pair "${oid}" -> "${did}" already given in row ${String(rows[0])}`);
  }
}

/** Same syntax as `parseDecimal` (weights.ts). */
const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads a whole cost table from its chunks of bytes (see {@link CostTableReader}). */
export function readCostTable(chunks: Iterable<Uint8Array>, options: CostTableOptions): CostTable {
  const r = new CostTableReader(options);
  for (const c of chunks) r.push(c);
  return r.end();
}

/** Reads a cost table held in a string (tests, small tables). */
export function readCostTableText(text: string, options: CostTableOptions): CostTable {
  return readCostTable([new TextEncoder().encode(text)], options);
}
