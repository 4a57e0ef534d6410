/**
 * The product's words hold no place: the UI strings of every locale carry no Toronto fact (the
 * demo's leftover markers find nothing), and the region reaches a sentence only in the form the
 * config writes for each language (`regionIn`), never after a preposition or article of the
 * template's own ("settle in City of X", "s'établir à Ville de X").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLeftovers, parseMarkers } from '../../../src/lib/adopt/leftovers.ts';
import { parseSiteConfig } from '../../../src/lib/ingest/config.ts';
import type { SiteConfigInput } from '../../../src/lib/schema/config.ts';
import { useTranslations } from '../../../src/i18n/index.ts';
import toronto from '../../../demo/toronto/site.config.ts';

const root = resolve(import.meta.dirname, '../../..');
const stringsDir = join(root, 'src/i18n/strings');
const files = readdirSync(stringsDir).filter((f) => f.endsWith('.json'));
const strings = (file: string) => JSON.parse(readFileSync(join(stringsDir, file), 'utf8')) as Record<string, string>;

function problems(input: unknown): string[] {
  const r = parseSiteConfig(input, 'site.config.ts');
  return r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.reason}`);
}

describe('UI strings hold no place facts', () => {
  it('the Toronto demo’s markers find nothing in any locale’s strings', () => {
    expect(files).toHaveLength(10);
    const markers = parseMarkers(readFileSync(join(root, 'demo/toronto/leftovers.txt'), 'utf8'));
    expect(
      findLeftovers(
        files.map((f) => ({ path: f, text: readFileSync(join(stringsDir, f), 'utf8') })),
        markers,
      ),
    ).toEqual([]);
  });
  it('no string names a census year of its own: years come from the data', () => {
    for (const file of files)
      for (const [key, value] of Object.entries(strings(file)))
        if (key.startsWith('factSheet.area')) expect(value, `${file} ${key}`).not.toMatch(/20[12]\d|۲۰۲۱/);
  });
  it('{{region}} is only a name (a heading, a label in brackets); sentences use {{regionIn}}', () => {
    for (const file of files) {
      const withRegion = Object.entries(strings(file))
        .filter(([, v]) => v.includes('{{region}}'))
        .map(([k]) => k)
        .sort();
      expect(withRegion, file).toEqual(['factSheet.citySheets', 'map.poster.alt']);
    }
  });
  it('a sentence reads the config’s "in" form as written, in every locale', () => {
    for (const locale of ['en', 'fr', 'zh-Hans', 'zh-Hant', 'es', 'pt', 'tl', 'ta', 'fa', 'ar'] as const) {
      const t = useTranslations(locale);
      const intro = t('home.intro', { lip: 'LIP', region: 'City of X', regionIn: '<in City of X>' });
      expect(intro, locale).toContain('<in City of X>');
      expect(intro.replace('<in City of X>', ''), locale).not.toContain('City of X');
    }
  });
  it('the postal-code hint takes the config’s example, or names none', () => {
    const t = useTranslations('fr');
    expect(t('finder.nearHint', { postalCode: 'K1A 0B1', fsa: 'K1A' })).toBe(
      'Par exemple K1A 0B1, ou seulement K1A. Il reste sur votre appareil.',
    );
    for (const file of files) expect(strings(file)['finder.nearHintNoExample'], file).not.toMatch(/[A-Z]\d[A-Z]/);
  });
});

describe('config: region forms, postal-code example, classification labels', () => {
  it('needs regionIn, and one per locale the region is named in', () => {
    const { regionIn: _drop, ...noForms } = toronto;
    expect(problems(noForms)).toEqual([
      'regionIn: missing: how "in <region>" reads in a sentence, per locale, e.g. { en: "in the City of Toronto", fr: "dans la Ville de Toronto" }',
    ]);
    const { fr: _fr, ...noFrench } = toronto.regionIn as Record<string, string>;
    expect(problems({ ...toronto, regionIn: noFrench })).toEqual([
      'regionIn.fr: region has a fr name but regionIn has no fr form; write how "in Ville de Toronto" reads in fr',
    ]);
    expect(problems({ ...toronto, region: 'City of X', regionIn: 'in the City of X' })).toEqual([]);
  });
  it('takes a postal-code example written as Canada Post writes it', () => {
    const config: SiteConfigInput = { ...toronto, postalCodeExample: 'M5V3L9' };
    expect(problems(config)).toEqual([
      'postalCodeExample: a Canadian postal code written "A1A 1A1" (capitals, one space)',
    ]);
    expect(problems({ ...toronto, postalCodeExample: undefined })).toEqual([]);
  });
  it('labels classification values from the config', () => {
    expect(toronto.areas.classificationLabels?.['NIA']).toMatchObject({ en: 'Neighbourhood Improvement Area' });
    expect(
      problems({ ...toronto, areas: { ...toronto.areas, classificationLabels: { rural: 'Rural area' } } }),
    ).toEqual([]);
  });
});
