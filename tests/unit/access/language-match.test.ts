import { describe, expect, it } from 'vitest';
import {
  canonicalLanguage,
  censusLanguageTag,
  sameLanguage,
  servesLanguage,
} from '../../../src/lib/access/language-match.ts';

describe('censusLanguageTag', () => {
  it('reads Statistics Canada names, and names that are tags', () => {
    expect(censusLanguageTag('Yue (Cantonese)')).toBe('yue');
    expect(censusLanguageTag('Iranian Persian')).toBe('pes');
    expect(censusLanguageTag('Tagalog (Pilipino, Filipino)')).toBe('fil');
    expect(censusLanguageTag('fra')).toBe('fr');
    expect(censusLanguageTag('Klingon')).toBeUndefined();
  });
});

describe('sameLanguage', () => {
  it('treats two- and three-letter codes of a language as one', () => {
    expect(canonicalLanguage('fra')).toBe('fr');
    expect(canonicalLanguage('tl')).toBe('fil');
    expect(sameLanguage('iw', 'he')).toBe(true);
  });

  it('matches a macrolanguage with its members, never two members with each other', () => {
    expect(sameLanguage('zh', 'cmn')).toBe(true);
    expect(sameLanguage('yue', 'zh')).toBe(true);
    expect(sameLanguage('cmn', 'yue')).toBe(false);
    expect(sameLanguage('fa', 'prs')).toBe(true);
    expect(sameLanguage('pes', 'prs')).toBe(false);
  });
});

describe('servesLanguage', () => {
  it('finds the census language among the service codes', () => {
    expect(servesLanguage(['en', 'zh'], 'Mandarin')).toBe(true);
    expect(servesLanguage(['en', 'zh'], 'Yue (Cantonese)')).toBe(true);
    expect(servesLanguage(['cmn'], 'Yue (Cantonese)')).toBe(false);
    expect(servesLanguage(['tl'], 'Tagalog (Pilipino, Filipino)')).toBe(true);
    expect(servesLanguage(['pa'], 'Punjabi (Panjabi)')).toBe(true);
    expect(servesLanguage(['fa'], 'Dari')).toBe(true);
    expect(servesLanguage([], 'Spanish')).toBe(false);
  });

  it('does not match by the start of a name', () => {
    // "Arabic" would start "Arabic Sign Language"-like names; "Ta" is not Tamil.
    expect(servesLanguage(['ar'], 'Armenian')).toBe(false);
    expect(servesLanguage(['ta'], 'Tagalog (Pilipino, Filipino)')).toBe(false);
  });

  it('falls back to the English name for a name the table does not know', () => {
    expect(servesLanguage(['ti'], 'Tigrinya (Tigrigna)')).toBe(true);
    expect(servesLanguage(['am'], 'Tigrinya')).toBe(false);
  });
});
