/**
 * Geometry of a horizontal bar chart, one group of bars per row and one bar per series
 * (one series for a ranking, two for "2016 vs 2021"). Unknown values (null) get no bar: the
 * component writes "not available" in their place, never a zero-length bar that reads as 0.
 */
import { linearScale, niceMax, ticks } from './scale.ts';

export interface BarRowInput {
  /** Stable key of the row (used for ids). */
  key: string;
  /** One value per series; null = unknown. */
  values: readonly (number | null)[];
}

export interface BarOptions {
  /** Total width of the SVG viewBox. */
  width?: number;
  /** Width reserved for row labels, at the start of the line. */
  labelWidth?: number;
  /** Width reserved after the longest bar for its value text. */
  valueWidth?: number;
  /** Thickness of one bar. */
  barHeight?: number;
  /** Space between the bars of one row. */
  barGap?: number;
  /** Space between rows. */
  rowGap?: number;
  /** Axis maximum; computed with {@link niceMax} when absent. */
  max?: number;
}

export interface BarGeometry {
  key: string;
  series: number;
  value: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the value text starts (after the bar). */
  textX: number;
  /** Baseline of the value text. */
  textY: number;
}

export interface BarLayout {
  width: number;
  height: number;
  /** Where bars start (after the label column). */
  plotX: number;
  /** Width available to the longest bar. */
  plotWidth: number;
  max: number;
  ticks: { value: number; x: number }[];
  rows: { key: string; y: number; height: number; labelY: number; bars: BarGeometry[] }[];
}

export function barLayout(rows: readonly BarRowInput[], options: BarOptions = {}): BarLayout {
  const width = options.width ?? 640;
  const labelWidth = options.labelWidth ?? 200;
  const valueWidth = options.valueWidth ?? 80;
  const barHeight = options.barHeight ?? 18;
  const barGap = options.barGap ?? 2;
  const rowGap = options.rowGap ?? 10;
  const seriesCount = Math.max(1, ...rows.map((r) => r.values.length));
  const known = rows.flatMap((r) => r.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const max = options.max ?? niceMax(Math.max(0, ...known));
  const plotX = labelWidth;
  const plotWidth = Math.max(10, width - labelWidth - valueWidth);
  const scale = linearScale(max, plotWidth);
  const rowHeight = seriesCount * barHeight + (seriesCount - 1) * barGap;
  const axisHeight = 20;
  const layoutRows = rows.map((row, i) => {
    const y = i * (rowHeight + rowGap);
    const bars = Array.from({ length: seriesCount }, (_, s) => {
      const value = row.values[s] ?? null;
      const barY = y + s * (barHeight + barGap);
      const barWidth = value === null ? 0 : scale(value);
      return {
        key: row.key,
        series: s,
        value,
        x: plotX,
        y: barY,
        width: barWidth,
        height: barHeight,
        textX: plotX + barWidth + 4,
        textY: barY + barHeight * 0.72,
      };
    });
    return { key: row.key, y, height: rowHeight, labelY: y + rowHeight / 2 + 5, bars };
  });
  const bodyHeight = rows.length === 0 ? 0 : rows.length * (rowHeight + rowGap) - rowGap;
  return {
    width,
    height: bodyHeight + axisHeight,
    plotX,
    plotWidth,
    max,
    ticks: ticks(max).map((value) => ({ value, x: plotX + scale(value) })),
    rows: layoutRows,
  };
}
