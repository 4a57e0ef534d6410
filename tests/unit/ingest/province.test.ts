import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES, provinceCode } from '../../../src/lib/ingest/address.ts';

describe('provinceCode', () => {
  it('reads full English names', () => {
    expect(provinceCode('Ontario')).toBe('ON');
    expect(provinceCode('British Columbia')).toBe('BC');
    expect(provinceCode('Newfoundland and Labrador')).toBe('NL');
    expect(provinceCode('Prince Edward Island')).toBe('PE');
    expect(provinceCode('Northwest Territories')).toBe('NT');
    expect(provinceCode('Quebec')).toBe('QC');
  });

  it('reads full French names, with or without accents and hyphens', () => {
    expect(provinceCode('Québec')).toBe('QC');
    expect(provinceCode('Colombie-Britannique')).toBe('BC');
    expect(provinceCode('Nouvelle-Écosse')).toBe('NS');
    expect(provinceCode('Nouveau-Brunswick')).toBe('NB');
    expect(provinceCode('Terre-Neuve-et-Labrador')).toBe('NL');
    expect(provinceCode('Île-du-Prince-Édouard')).toBe('PE');
    expect(provinceCode('Ile du Prince Edouard')).toBe('PE');
    expect(provinceCode('Territoires du Nord-Ouest')).toBe('NT');
  });

  it('ignores case, extra spaces and a final full stop', () => {
    expect(provinceCode('  ONTARIO ')).toBe('ON');
    expect(provinceCode('british  columbia')).toBe('BC');
    expect(provinceCode('Ont')).toBeUndefined();
    expect(provinceCode('on.')).toBe('ON');
  });

  it('reads every code, in any case', () => {
    for (const code of PROVINCE_CODES) {
      expect(provinceCode(code)).toBe(code);
      expect(provinceCode(code.toLowerCase())).toBe(code);
    }
  });

  it('is undefined for anything else', () => {
    for (const value of ['', 'Canada', 'New York', 'NY', 'Toronto', 'Labrador', 'Ontario M5V 1A1'])
      expect(provinceCode(value), value).toBeUndefined();
  });
});
