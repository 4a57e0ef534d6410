import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_IDS, isCategoryId } from '../../../src/lib/categories.ts';
import { AUDIENCE_IDS, isAudienceId } from '../../../src/lib/audiences.ts';
import { parseRules } from '../../../src/lib/ingest/rules.ts';
import { ROOT } from '../ingest/helpers.ts';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
}

describe('category vocabulary', () => {
  it('has every id of the Toronto rule table plus housing, legal and food', () => {
    const { rules } = parseRules(readFileSync(join(ROOT, 'demo/toronto/data/service_category_mapping.csv'), 'utf8'));
    const expected = new Set([...rules.map((r) => r.category), 'housing', 'legal', 'food']);
    expect(new Set(CATEGORY_IDS)).toEqual(expected);
  });

  it('gives every colour at least 3:1 contrast against white', () => {
    for (const c of CATEGORIES) {
      const ratio = 1.05 / (luminance(c.color) + 0.05);
      expect(ratio, `${c.id} ${c.color}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses distinct colours and icons', () => {
    expect(new Set(CATEGORIES.map((c) => c.color)).size).toBe(CATEGORIES.length);
    expect(new Set(CATEGORIES.map((c) => c.icon)).size).toBe(CATEGORIES.length);
  });

  it('recognises ids', () => {
    expect(isCategoryId('settlement')).toBe(true);
    expect(isCategoryId('Settlement')).toBe(false);
    expect(isCategoryId(3)).toBe(false);
    expect(isAudienceId('refugee_claimant')).toBe(true);
    expect(isAudienceId('everyone')).toBe(false);
    expect(AUDIENCE_IDS).toContain('seniors');
  });
});
