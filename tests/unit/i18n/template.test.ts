import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../src/lib/template.ts';

describe('fillTemplate', () => {
  it('fills every named placeholder and leaves unknown ones visible', () => {
    expect(fillTemplate('{done} of {total} ({missing})', { done: '3', total: '10' })).toBe('3 of 10 ({missing})');
  });
  it('inserts values as text, with no second round of substitution', () => {
    expect(fillTemplate('{a}', { a: '{b}', b: 'x' })).toBe('{b}');
  });
});
