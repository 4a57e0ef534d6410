/**
 * Number formatting shared by the server-rendered tables and the `<gap-explorer>` script, so a
 * figure recomputed in the browser reads exactly like the one the build wrote. `lang` is the
 * registry's `Intl` tag (`intlTag(locale)`: `en-CA-u-ca-gregory-nu-latn`, Persian digits for `fa`); messages are the page's UI strings with `{n}` where the
 * number goes.
 */
import { displayCount } from '../../lib/access/analysis.ts';
import type { GapsCost, PublishedCount } from '../../lib/access/gaps-input.ts';

export interface FormatMessages {
  /** "fewer than {n}" */
  readonly fewerThan: string;
  /** "not known" */
  readonly notKnown: string;
  /** "no service in reach" */
  readonly noService: string;
  /** "none" (no service at all) */
  readonly none: string;
}

export interface GapFormatters {
  /** A census count, small counts suppressed. */
  count(value: PublishedCount | undefined): string;
  /** A share 0..1 as a percentage. */
  share(value: number | null | undefined): string;
  /** A normalised score (1 = average), two decimals; a missing one reads as no service. */
  normalized(value: number | undefined): string;
  /** A raw score already scaled (per 10,000 people), one decimal. */
  scaled(value: number | undefined): string;
  /** Metres shown as kilometres, one decimal; missing reads as none. */
  km(metres: number | undefined): string;
  /** A travel cost in the analysis's unit (catchments, weight thresholds): km for straight-line metres. */
  cost(value: number): string;
  /** The cost's unit in words, e.g. "minutes" (straight line: "kilometres"). */
  readonly costUnit: string;
}

/** `Intl` unit names of the cost-table units. */
const INTL_UNITS = { m: 'meter', km: 'kilometer', s: 'second', min: 'minute', h: 'hour' } as const;

export function gapFormatters(
  lang: string,
  smallCountThreshold: number,
  m: FormatMessages,
  cost: GapsCost = { kind: 'straight-line' },
): GapFormatters {
  const int = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const two = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const one = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const km = new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: 'kilometer',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const unit = cost.kind === 'table' ? INTL_UNITS[cost.unit] : 'kilometer';
  const costFormat = new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 });
  const unitName =
    new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' })
      .formatToParts(2)
      .find((p) => p.type === 'unit')?.value ?? unit;
  return {
    costUnit: unitName,
    cost(value) {
      return costFormat.format(cost.kind === 'table' ? value : value / 1000);
    },
    count(value) {
      const d = displayCount(value, smallCountThreshold);
      if (d.kind === 'unknown') return m.notKnown;
      if (d.kind === 'fewer') return m.fewerThan.replace('{n}', int.format(d.threshold));
      return int.format(d.value);
    },
    share(value) {
      return value === null || value === undefined || Number.isNaN(value) ? m.notKnown : pct.format(value);
    },
    normalized(value) {
      if (value === undefined || Number.isNaN(value)) return m.noService;
      return Number.isFinite(value) ? two.format(value) : '∞';
    },
    scaled(value) {
      if (value === undefined || Number.isNaN(value)) return m.noService;
      return Number.isFinite(value) ? one.format(value) : '∞';
    },
    km(metres) {
      return metres === undefined || Number.isNaN(metres) ? m.none : km.format(metres / 1000);
    },
  };
}

/** Sort key for a table cell (`data-value`): NaN and unknown sort as the lowest. */
export function sortValue(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : String(value);
}
