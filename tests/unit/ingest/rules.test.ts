import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRules, parseRules } from '../../../src/lib/ingest/rules.ts';
import { ROOT } from './helpers.ts';

const MOH = 'services/health_services_moh_2022.geojson';
const toronto = parseRules(readFileSync(join(ROOT, 'demo/toronto/data/service_category_mapping.csv'), 'utf8'));
const moh = toronto.rules.filter((r) => r.layerFile === MOH);
const tpl = toronto.rules.filter((r) => r.layerFile === 'services/libraries_tpl_2023.geojson');
const sett = toronto.rules.filter((r) => r.layerFile === 'services/settlement_services_211_2018.geojson');

describe('rule table', () => {
  it('parses the Toronto table without problems', () => {
    expect(toronto.problems).toEqual([]);
    expect(toronto.rules.length).toBe(37);
  });

  it('adds every matching category: all + equals on alternative fields', () => {
    const r = applyRules(tpl, { AdultLiteracyProgram: 1, DIH: 0, CLC: 1 }, true);
    expect(r.categories).toEqual(['library', 'digital_access']);
    expect(r.subcategories).toContain('digital_innovation_hub_or_computer_learning_centre');
  });

  it('files LINC and ESL centres under language classes first; library adult literacy stays a library', () => {
    const school = toronto.rules.filter((x) => x.layerFile === 'services/schools_2018.geojson');
    const linc = applyRules(school, { name: 'SPRINGHURST LINC', description: 'English Public' }, true);
    expect(linc.categories[0]).toBe('language_training');
    expect(linc.subcategories[0]).toBe('LINC_ESL');
    expect(
      applyRules(school, { name: 'JOHN ENGLISH JUNIOR MIDDLE SCHOOL', description: 'English Public' }, true).categories,
    ).toEqual(['education']);
    const literacy = applyRules(tpl, { AdultLiteracyProgram: 1 }, true);
    expect(literacy.categories).toEqual(['library']);
    expect(literacy.subcategories).toContain('adult_literacy_program');
  });

  it('skips optional rules when the config says so', () => {
    const r = applyRules(tpl, { AdultLiteracyProgram: 0, DIH: 1 }, false);
    expect(r.categories).toEqual(['library']);
    expect(r.ignoredOptional.map((x) => x.category)).toEqual(['digital_access']);
  });

  it('regex_i matches case-insensitively anywhere', () => {
    expect(applyRules(sett, { name: 'COSTI, LINC classes' }, true).categories).toEqual([
      'settlement',
      'language_training',
    ]);
    expect(applyRules(sett, { name: 'Bridging program for internationally trained' }, true).categories).toContain(
      'employment',
    );
  });

  it('excludes institutional pharmacies with the added `no` rule, keeps retail ones', () => {
    expect(applyRules(moh, { serv_type: 'Pharmacy', serv_det: 'RP' }, true).categories).toEqual(['pharmacy']);
    for (const det of ['LTCF', 'HOPD', 'HSC', 'AS']) {
      const r = applyRules(moh, { serv_type: 'Pharmacy', serv_det: det }, true);
      expect(r.excludedBy?.fields).toEqual(['serv_det']);
    }
  });

  it('excludes by prefix (laboratories) and leaves unmatched records without category', () => {
    expect(applyRules(moh, { serv_type: 'Laboratory - Hospital' }, true).excludedBy?.matchType).toBe('prefix');
    const none = applyRules(moh, { serv_type: 'Dental Clinic' }, true);
    expect(none.categories).toEqual([]);
    expect(none.excludedBy).toBeUndefined();
  });

  it('reports unknown categories, match types, include values and broken regexes with their line', () => {
    const text = [
      'layer_file,match_field,match_type,match_value,category,subcategory,include_by_default,notes',
      'a.csv,*,all,,banking,,yes,',
      'a.csv,name,sounds_like,x,settlement,,yes,',
      'a.csv,name,equals,x,settlement,,maybe,',
      'a.csv,name,regex_i,(unclosed,settlement,,yes,',
      'a.csv,*,equals,x,settlement,,yes,',
    ].join('\n');
    expect(parseRules(text).problems).toEqual([
      { line: 2, field: 'category', reason: 'unknown category "banking" (not in src/lib/categories.ts)' },
      {
        line: 3,
        field: 'match_type',
        reason: 'unknown match type "sounds_like" (use all, equals, in, prefix, regex_i)',
      },
      { line: 4, field: 'include_by_default', reason: 'unknown value "maybe" (use yes, optional or no)' },
      { line: 5, field: 'match_value', reason: expect.stringContaining('regular expression does not compile') },
      { line: 6, field: 'match_field', reason: 'match type "equals" needs a field name' },
    ]);
  });
});
