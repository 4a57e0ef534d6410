import { describe, expect, it } from 'vitest';
import { articleJsonLd } from '../../../src/lib/json-ld/article.ts';

describe('articleJsonLd', () => {
  it('is an Article by the LIP, with the fields in the order given', () => {
    const ld = articleJsonLd(
      { headline: 'H', description: 'D', datePublished: '2025-01-02', inLanguage: 'fr' },
      'Toronto LIP',
    );
    expect(JSON.stringify(ld)).toBe(
      '{"@type":"Article","headline":"H","description":"D","datePublished":"2025-01-02","inLanguage":"fr",' +
        '"publisher":{"@type":"Organization","name":"Toronto LIP"}}',
    );
  });

  it('keeps a given type first', () => {
    const ld = articleJsonLd({ '@type': 'NewsArticle', headline: 'H', description: 'D', inLanguage: 'en' }, 'L');
    expect(Object.keys(ld)).toEqual(['@type', 'headline', 'description', 'inLanguage', 'publisher']);
    expect(ld['@type']).toBe('NewsArticle');
  });
});
