/**
 * The one distance formatter (pages at build time, the finder in the browser): metres under
 * 1 km, rounded to 10 m; else kilometres with one decimal (`850 m`, `2.4 km`). `tag` is the
 * locale's `Intl` tag (`intlTag(locale)`), so digits follow the locale.
 */
export function distanceFormatter(tag: string): (metres: number) => string {
  const m = new Intl.NumberFormat(tag, {
    style: 'unit',
    unit: 'meter',
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  });
  const km = new Intl.NumberFormat(tag, {
    style: 'unit',
    unit: 'kilometer',
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  });
  return (metres) => (metres >= 1000 ? km.format(metres / 1000) : m.format(Math.round(metres / 10) * 10));
}
