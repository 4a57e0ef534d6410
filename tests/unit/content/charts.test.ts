import { describe, expect, it } from 'vitest';
import { linearScale, niceMax, tickDecimals, ticks } from '../../../src/lib/charts/scale.ts';
import { barLayout } from '../../../src/lib/charts/bar.ts';
import { formatChange, formatTick, formatValue } from '../../../src/lib/charts/format.ts';

describe('scales', () => {
  it('rounds the axis maximum up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceMax(85895)).toBe(100000);
    expect(niceMax(23)).toBe(25);
    expect(niceMax(0.42)).toBe(0.5);
    expect(niceMax(2)).toBe(2);
    expect(niceMax(0)).toBe(1);
    expect(niceMax(Number.NaN)).toBe(1);
  });

  it('maps values linearly and clamps', () => {
    const s = linearScale(200, 400);
    expect(s(50)).toBe(100);
    expect(s(-5)).toBe(0);
    expect(s(500)).toBe(400);
  });

  it('puts ticks on round values only: steps of 1, 2 or 5 times a power of ten', () => {
    expect(ticks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(25)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(ticks(100000)).toEqual([0, 20000, 40000, 60000, 80000, 100000]);
    expect(ticks(0.5)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    for (const max of [1, 2, 2.5, 5, 10, 20, 25, 50, 0.1, 0.25, 250, 5000]) {
      const t = ticks(max);
      const step = (t[1] ?? 0) - (t[0] ?? 0);
      const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
      expect([1, 2, 5], `max ${max}: ${t.join(', ')}`).toContain(mantissa);
      expect(t.at(-1)).toBe(max);
    }
  });

  it('writes tick labels exactly: never 2.5 rounded to 3', () => {
    expect(ticks(10).map((v) => formatTick('en', v, 'count', tickDecimals(ticks(10))))).toEqual([
      '0',
      '2',
      '4',
      '6',
      '8',
      '10',
    ]);
    const shares = ticks(0.25);
    expect(shares.map((v) => formatTick('en', v, 'share', tickDecimals(shares)))).toEqual([
      '0%',
      '5%',
      '10%',
      '15%',
      '20%',
      '25%',
    ]);
    const small = ticks(0.1);
    expect(small.map((v) => formatTick('en', v, 'share', tickDecimals(small)))).toEqual([
      '0%',
      '2%',
      '4%',
      '6%',
      '8%',
      '10%',
    ]);
    expect(formatTick('en', 0.5, 'rate', 1)).toBe('0.5');
  });
});

describe('bar layout', () => {
  const rows = [
    { key: 'a', values: [50] },
    { key: 'b', values: [100] },
    { key: 'c', values: [null] },
  ];

  it('gives bars lengths proportional to their values', () => {
    const layout = barLayout(rows, { width: 400, labelWidth: 100, valueWidth: 100 });
    expect(layout.max).toBe(100);
    expect(layout.plotWidth).toBe(200);
    const [a, b] = layout.rows.map((r) => r.bars[0]);
    expect(a?.width).toBe(100);
    expect(b?.width).toBe(200);
    expect(a?.x).toBe(100);
    expect(layout.rows[1]?.y).toBeGreaterThan(layout.rows[0]?.y ?? 0);
  });

  it('draws no bar for an unknown value (never a zero that reads as 0)', () => {
    const c = barLayout(rows).rows[2]?.bars[0];
    expect(c?.value).toBeNull();
    expect(c?.width).toBe(0);
  });

  it('lays out two series per row for year comparisons', () => {
    const layout = barLayout([{ key: 'x', values: [0.4, 0.42] }], { barHeight: 10, barGap: 2 });
    const bars = layout.rows[0]?.bars ?? [];
    expect(bars).toHaveLength(2);
    expect((bars[1]?.y ?? 0) - (bars[0]?.y ?? 0)).toBe(12);
    expect(layout.max).toBe(0.5);
  });

  it('does not mutate its input', () => {
    const input = [{ key: 'a', values: [3] as (number | null)[] }];
    const copy = structuredClone(input);
    barLayout(input);
    expect(input).toEqual(copy);
  });
});

describe('number formats', () => {
  it('formats counts, shares and rates per locale; unknown is null', () => {
    expect(formatValue('en-CA', 2761290, 'count')).toBe('2,761,290');
    expect(formatValue('fr-CA', 2761290, 'count')?.replace(/\s/g, ' ')).toBe('2 761 290');
    expect(formatValue('en-CA', 0.4658, 'share')).toBe('46.6%');
    expect(formatValue('en-CA', 2.345, 'rate')).toBe('2.3');
    expect(formatValue('en-CA', null, 'count')).toBeNull();
    expect(formatChange('en-CA', 1234, 'count')).toBe('+1,234');
    expect(formatChange('en-CA', -0.4, 'points')).toBe('-0.40');
  });
});
