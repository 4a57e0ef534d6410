import { describe, expect, it } from 'vitest';
import { pageCounts, translationRows } from '../../../src/lib/content/translation-status.ts';

const routes = [{ typeKey: 'content.type.page' as const, path: (slug: string) => `${slug}/` }];
const entries = [
  [
    { id: 'en/about', data: { title: 'About' } },
    { id: 'fr/about', data: { title: 'À propos' } },
    { id: 'ar/about', data: { title: 'حول', translationStatus: 'draft' } },
    { id: 'fa/contact', data: { title: 'تماس', translationStatus: 'reviewed', reviewedBy: 'R' } },
    { id: 'xx/ignored', data: { title: 'Not published' } },
  ],
];
const published = ['en', 'fr', 'ar', 'fa'] as const;

describe('translationRows', () => {
  it('titles each text in the reader language, else the default one, else any', () => {
    const rows = translationRows(routes, entries, 'fr', published, 'en');
    expect(rows.map((r) => [r.slug, r.title, r.titleLocale, r.path])).toEqual([
      ['about', 'À propos', 'fr', 'about/'],
      ['contact', 'تماس', 'fa', 'contact/'],
    ]);
    expect(rows[0]!.status).toEqual({ en: 'original', fr: 'original', ar: 'draft' });
    expect(translationRows(routes, entries, 'ar', published, 'en')[0]!.title).toBe('حول');
  });

  it('counts pages and drafts per locale', () => {
    const rows = translationRows(routes, entries, 'en', published, 'en');
    expect(pageCounts(rows, 'ar')).toEqual({ pages: 1, drafts: 1 });
    expect(pageCounts(rows, 'fa')).toEqual({ pages: 1, drafts: 0 });
  });
});
