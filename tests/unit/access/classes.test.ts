import { describe, expect, it } from 'vitest';
import {
  classColour,
  classLabels,
  classOf,
  indicatorClasses,
  NO_DATA_COLOUR,
  quantileBreaks,
  RESIDENCE_COLOURS,
  SCORE_COLOURS,
  scoreClasses,
} from '../../../src/lib/access/classes.ts';

describe('quantileBreaks', () => {
  it('takes the 20/40/60/80 % values of the finite values, sorted, without repeats', () => {
    expect(quantileBreaks([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual([3, 5, 7, 9]);
    expect(quantileBreaks([1, 1, 1, 1, 2])).toEqual([1, 2]);
    expect(quantileBreaks([NaN, Infinity, 4])).toEqual([4]);
    expect(quantileBreaks([])).toEqual([]);
  });

  it('does not reorder its input', () => {
    const input = [3, 1, 2];
    quantileBreaks(input);
    expect(input).toEqual([3, 1, 2]);
  });
});

describe('classOf and classColour', () => {
  it('counts the breaks at or below the value', () => {
    expect([0, 1, 1.5, 2, 5].map((v) => classOf(v, [1, 2]))).toEqual([0, 1, 1, 2, 2]);
    expect(classOf(7, [])).toBe(0);
  });

  it('colours unknown values grey', () => {
    const classes = { values: [], breaks: [1], colours: ['#a', '#b'] };
    expect([
      classColour(null, classes),
      classColour(undefined, classes),
      classColour(0, classes),
      classColour(1, classes),
    ]).toEqual([NO_DATA_COLOUR, NO_DATA_COLOUR, '#a', '#b']);
  });
});

describe('scoreClasses', () => {
  it('starts at the under-served threshold, then 1, 1.5 and 2, darkest colours kept', () => {
    const c = scoreClasses({ normalized: Float64Array.from([0.2, NaN, 1.7]) }, 0.5);
    expect(c.breaks).toEqual([0.5, 1, 1.5, 2]);
    expect(c.colours).toEqual([...SCORE_COLOURS]);
    expect(c.values).toEqual([0.2, null, 1.7]);
  });

  it('drops fixed breaks below a high threshold and uses fewer colours', () => {
    const c = scoreClasses({ normalized: new Float64Array(0) }, 1.2);
    expect(c.breaks).toEqual([1.2, 1.5, 2]);
    expect(c.colours).toEqual(SCORE_COLOURS.slice(1));
  });
});

describe('indicatorClasses', () => {
  it('keeps unknown counts and zero or unknown denominators out of the shares', () => {
    const c = indicatorClasses([10, null, 5, 3], [100, 50, 0, null], 'share');
    expect(c.values).toEqual([0.1, null, null, null]);
    expect(c.breaks).toEqual([0.1]);
    expect(c.colours).toEqual(RESIDENCE_COLOURS.slice(3));
  });

  it('classes counts in quintiles', () => {
    const c = indicatorClasses([1, 2, 3, 4, 5, null], [], 'count');
    expect(c.values).toEqual([1, 2, 3, 4, 5, null]);
    expect(c.breaks).toEqual([2, 3, 4, 5]);
    expect(c.colours).toHaveLength(5);
  });
});

describe('classLabels', () => {
  it('labels every class: below the first break, between breaks, at least the last', () => {
    const t = { below: 'below {value}', range: '{from}–{to}', atLeast: '{value}+' };
    expect(classLabels([1, 2, 3], String, t)).toEqual(['below 1', '1–2', '2–3', '3+']);
    expect(classLabels([], String, t)).toEqual(['0+']);
  });
});
