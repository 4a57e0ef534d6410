import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateContent, type ContentCollection } from '../../../src/lib/schema/content.ts';
import { fixture, frontMatter } from './helpers.ts';

const check = (collection: ContentCollection, name: string) => {
  const file = `tests/fixtures/content/bad/${name}`;
  return validateContent(collection, file, frontMatter(fixture(`bad/${name}`)));
};

describe('content schemas reject malformed files with the file and field', () => {
  it('fact sheet with an unknown chart dataset', () => {
    const errors = check('fact-sheets', 'fact-sheet-unknown-chart.md');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^tests\/fixtures\/content\/bad\/fact-sheet-unknown-chart\.md: blocks\.0\.data: /);
  });

  it('e-update without its fixed Building Community Capacity section', () => {
    expect(check('e-updates', 'e-update-no-capacity.md')).toEqual([
      expect.stringMatching(/^tests\/fixtures\/content\/bad\/e-update-no-capacity\.md: communityCapacity: /),
    ]);
  });

  it('story without a quote', () => {
    expect(check('stories', 'story-no-quote.md')).toEqual([expect.stringMatching(/story-no-quote\.md: quote: /)]);
  });

  it('event that ends before it starts', () => {
    expect(check('events', 'event-ends-before-start.md')).toEqual([
      'tests/fixtures/content/bad/event-ends-before-start.md: end: end must be after start',
    ]);
  });

  it('event with a time in the wrong format says what is expected', () => {
    const errors = validateContent('events', 'x.md', {
      title: 'a',
      description: 'b',
      start: '14/06/2025 10:00',
      end: '2025-06-14T11:00',
      place: { name: 'p' },
    });
    expect(errors).toEqual(['x.md: start: expected a local date and time "YYYY-MM-DDTHH:MM"']);
  });

  it('image and file fields take only paths on this site, closing other-host spellings', () => {
    const edition = {
      title: 't',
      date: '2025-03-01',
      issue: 1,
      description: 'd',
      lipNews: [{ title: 'a', text: 'b' }],
      communityCapacity: [{ title: 'a', text: 'b' }],
    };
    expect(validateContent('e-updates', 'e.md', { ...edition, image: { src: '/images/cover.jpg', alt: 'x' } })).toEqual(
      [],
    );
    for (const src of [
      '/\\evil.example/pixel.png',
      '//evil.example/pixel.png',
      'https://evil.example/pixel.png',
      '/%5Cevil.example/p.png',
      '/\t/evil.example/p.png',
    ]) {
      expect(validateContent('e-updates', 'e.md', { ...edition, image: { src, alt: 'x' } }), src).toEqual([
        expect.stringMatching(/^e\.md: image\.src: /),
      ]);
    }
    const resource = {
      title: 't',
      description: 'd',
      type: 'report',
      topics: ['data'],
      year: 2025,
      languages: ['en'],
      publisher: 'p',
    };
    expect(validateContent('resources', 'r.md', { ...resource, file: '/files/plan.pdf' })).toEqual([]);
    expect(validateContent('resources', 'r.md', { ...resource, file: '/\\evil.example/plan.pdf' })).toEqual([
      expect.stringMatching(/^r\.md: file: /),
    ]);
  });

  it('accepts unquoted YAML dates the way Astro reads them (as Date objects)', () => {
    const errors = validateContent('news', 'n.md', {
      title: 't',
      date: new Date('2025-03-03T00:00:00Z'),
      description: 'd',
    });
    expect(errors).toEqual([]);
  });
});

describe('the demo content', () => {
  const root = new URL('../../../demo/toronto/content/', import.meta.url);
  const collections: ContentCollection[] = [
    'fact-sheets',
    'e-updates',
    'stories',
    'news',
    'events',
    'resources',
    'people',
  ];

  for (const collection of collections) {
    it(`${collection}: every file is valid and exists in English and French`, () => {
      const en = readdirSync(new URL(`${collection}/en/`, root)).sort();
      const fr = readdirSync(new URL(`${collection}/fr/`, root)).sort();
      expect(en.length).toBeGreaterThan(0);
      expect(fr).toEqual(en);
      for (const locale of ['en', 'fr']) {
        for (const name of en) {
          const path = new URL(`${collection}/${locale}/${name}`, root);
          expect(validateContent(collection, fileURLToPath(path), frontMatter(path))).toEqual([]);
        }
      }
    });
  }
});
