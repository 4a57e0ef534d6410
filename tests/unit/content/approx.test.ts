import { describe, expect, it } from 'vitest';
import { shareWords } from '../../../src/lib/charts/approx.ts';

describe('a share in words, derived from its value', () => {
  it('says "almost half" for 46.6 % and "more than half" for 51.8 %', () => {
    expect(shareWords(0.4658)).toEqual({ kind: 'almost', fraction: 'half' });
    expect(shareWords(0.518)).toEqual({ kind: 'moreThan', fraction: 'half' });
  });

  it('says "about" within half a percentage point', () => {
    expect(shareWords(0.252)).toEqual({ kind: 'about', fraction: 'quarter' });
    expect(shareWords(0.333)).toEqual({ kind: 'about', fraction: 'third' });
  });

  it('gives no words when the share is not close to a simple fraction', () => {
    expect(shareWords(0.068)).toBeNull();
    expect(shareWords(0.4)).toBeNull();
    expect(shareWords(null)).toBeNull();
    expect(shareWords(0)).toBeNull();
  });
});
