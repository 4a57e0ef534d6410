import { describe, expect, it } from 'vitest';
import {
  localeSummaries,
  pageCounts,
  statusMessage,
  translationRows,
} from '../../../src/lib/content/translation-status.ts';

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

describe('localeSummaries', () => {
  it('gives each locale its string coverage, page counts and strings review state', () => {
    const rows = translationRows(routes, entries, 'en', published, 'en');
    const coverage = { en: 1, fr: 0.98, ar: 0.5, fa: 0 };
    const review = { en: { original: true }, fr: { original: true }, ar: { reviewedBy: 'Team A' }, fa: {} };
    expect(localeSummaries(rows, published, (code) => coverage[code], review)).toEqual([
      { code: 'en', strings: 1, pages: 1, drafts: 0, stringsStatus: 'original', reviewer: undefined },
      { code: 'fr', strings: 0.98, pages: 1, drafts: 0, stringsStatus: 'original', reviewer: undefined },
      { code: 'ar', strings: 0.5, pages: 1, drafts: 1, stringsStatus: 'reviewed', reviewer: 'Team A' },
      { code: 'fa', strings: 0, pages: 1, drafts: 0, stringsStatus: 'draft', reviewer: undefined },
    ]);
  });
});

describe('statusMessage', () => {
  it('names the state, the reviewer when known, and a missing text', () => {
    expect(statusMessage('original')).toEqual({ key: 'translation.original' });
    expect(statusMessage('reviewed', 'R')).toEqual({ key: 'translation.reviewedBy', values: { name: 'R' } });
    expect(statusMessage('reviewed')).toEqual({ key: 'translation.reviewed' });
    expect(statusMessage('draft', 'R')).toEqual({ key: 'translation.draft' });
    expect(statusMessage(undefined)).toEqual({ key: 'translation.missing' });
  });
});
