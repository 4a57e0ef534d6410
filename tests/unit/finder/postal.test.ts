import { describe, expect, it } from 'vitest';
import { buildPostalTable, lookupPostalCode, parsePostalCode } from '../../../src/lib/finder/postal.ts';

describe('parsePostalCode', () => {
  it('accepts full codes in any case and spacing, and forward sortation areas alone', () => {
    expect(parsePostalCode('m5v3l9')).toEqual({ fsa: 'M5V', full: 'M5V 3L9' });
    expect(parsePostalCode(' M5V  3L9 ')).toEqual({ fsa: 'M5V', full: 'M5V 3L9' });
    expect(parsePostalCode('M5V-3L9')).toEqual({ fsa: 'M5V', full: 'M5V 3L9' });
    expect(parsePostalCode('m1k')).toEqual({ fsa: 'M1K' });
  });

  it('rejects letters Canada Post never uses and other shapes', () => {
    expect(parsePostalCode('D5V 3L9')).toBeUndefined();
    expect(parsePostalCode('W1K')).toBeUndefined();
    expect(parsePostalCode('M5V 3O9')).toBeUndefined();
    expect(parsePostalCode('90210')).toBeUndefined();
    expect(parsePostalCode('')).toBeUndefined();
  });
});

describe('postal table', () => {
  const table = buildPostalTable([
    { postalCode: 'M5V 3L9', lon: -79.39, lat: 43.64 },
    { postalCode: 'M5V 1A1', lon: -79.4, lat: 43.65 },
    { postalCode: 'M5V2B2', lon: -79.41, lat: 43.66 },
    { postalCode: 'M1K 4T7', lon: -79.25, lat: 43.73 },
    { postalCode: 'not a code', lon: 0, lat: 0 },
    { lon: 0, lat: 0 },
  ]);

  it('places each FSA at the median of its addresses', () => {
    expect(table).toEqual({ M1K: [-79.25, 43.73, 1], M5V: [-79.4, 43.65, 3] });
  });

  it('looks up a code by its FSA and says when the FSA is unknown', () => {
    expect(lookupPostalCode(table, 'm5v 9z9')).toEqual({ lon: -79.4, lat: 43.65, fsa: 'M5V' });
    expect(lookupPostalCode(table, 'K1A 0B1')).toBeUndefined();
    expect(lookupPostalCode(table, 'hello')).toBeUndefined();
  });
});
