import { describe, expect, it } from 'vitest';
import { distanceFormatter } from '../../../src/lib/format/distance.ts';
import { formatDistance } from '../../../src/i18n/index.ts';
import { intlTag } from '../../../src/i18n/locales.ts';

describe('distanceFormatter', () => {
  it('gives metres to 10 m under 1 km, else km to one decimal', () => {
    const f = distanceFormatter('en-CA');
    expect([f(847), f(999), f(1000), f(2440)]).toEqual(['850 m', '1,000 m', '1 km', '2.4 km']);
  });

  it('is what the pages use (one formatter for pages and the finder)', () => {
    expect(formatDistance('fa', 2440)).toBe(distanceFormatter(intlTag('fa'))(2440));
    expect(formatDistance('fa', 2440)).not.toBe(formatDistance('en', 2440));
  });
});
