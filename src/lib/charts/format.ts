/**
 * How chart and figure values are written: counts with thousands separators, shares as
 * percentages with one decimal, rates per 1,000 with one decimal. Unknown values return null
 * so the caller writes its own "not available" text.
 */
export type ValueUnit = 'count' | 'share' | 'rate';

export function formatValue(lang: string, value: number | null, unit: ValueUnit): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (unit === 'share')
    return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      value,
    );
  if (unit === 'rate')
    return new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/**
 * An axis tick: as many fraction digits as the tick values need (`decimals`, from
 * `tickDecimals`), so 2.5 is never written 3; shares as percentages (two digits fewer).
 */
export function formatTick(lang: string, value: number, unit: ValueUnit, decimals: number): string {
  if (unit === 'share')
    return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: Math.max(0, decimals - 2) }).format(
      value,
    );
  return new Intl.NumberFormat(lang, { maximumFractionDigits: decimals }).format(value);
}

/** A signed change: `+1,234`, `−0.4` (percentage points), `+5.2 %`. */
export function formatChange(lang: string, value: number | null, kind: 'count' | 'points' | 'ratio'): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const options: Intl.NumberFormatOptions =
    kind === 'ratio'
      ? { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }
      : kind === 'points'
        ? { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }
        : { maximumFractionDigits: 0, signDisplay: 'exceptZero' };
  return new Intl.NumberFormat(lang, options).format(value);
}
