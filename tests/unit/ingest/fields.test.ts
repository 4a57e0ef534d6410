import { describe, expect, it } from 'vitest';
import {
  comparableAddress,
  comparableName,
  normalizeEmail,
  normalizePhone,
  normalizePostalCode,
  normalizeUrl,
  parseBoolean,
  parseDate,
  parseNumber,
  readField,
  slugify,
} from '../../../src/lib/ingest/fields.ts';

describe('field normalisers', () => {
  it('completes www. addresses with https and flags the fix', () => {
    expect(normalizeUrl('www.cmcmedical.ca')).toEqual({
      ok: true,
      value: 'https://www.cmcmedical.ca/',
      fixed: 'added "https://" to "www.cmcmedical.ca"',
    });
    expect(normalizeUrl('https://www.tpl.ca/albion')).toEqual({ ok: true, value: 'https://www.tpl.ca/albion' });
  });

  it('rejects javascript:, data:, mailto: and non-addresses', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'mailto:a@b.ca',
      'not a url',
      'http://localhost',
    ]) {
      expect(normalizeUrl(bad).ok, bad).toBe(false);
    }
    const js = normalizeUrl('javascript:alert(1)');
    expect(!js.ok && js.reason).toBe(
      '"javascript:alert(1)" uses the scheme "javascript:"; only http and https links are allowed',
    );
  });

  it('checks emails, phones, postal codes', () => {
    expect(normalizeEmail('mailto:info@costi.org')).toEqual({ ok: true, value: 'info@costi.org' });
    expect(normalizeEmail('info at costi').ok).toBe(false);
    expect(normalizePhone('(416) 394-7601')).toBe('416-394-7601');
    expect(normalizePhone('1 416 394 7601 ext. 22')).toBe('416-394-7601 ext. 22');
    expect(normalizePhone('+44 20 7946 0018')).toBe('+44 20 7946 0018');
    expect(normalizePostalCode('m9m2c7')).toBe('M9M 2C7');
    expect(normalizePostalCode('12345')).toBeUndefined();
  });

  it('reads dates in the formats of the Toronto files', () => {
    expect(parseDate('20220428132137')).toBe('2022-04-28');
    expect(parseDate('03MAY22')).toBe('2022-05-03');
    expect(parseDate('2024-02-15T10:00:00Z')).toBe('2024-02-15');
    expect(parseDate('2022-02-30')).toBeUndefined();
    expect(parseDate('soon')).toBeUndefined();
  });

  it('reads booleans, numbers and the first non-empty field', () => {
    expect(parseBoolean('Y')).toBe(true);
    expect(parseBoolean('0')).toBe(false);
    expect(parseBoolean('maybe')).toBeUndefined();
    expect(parseNumber('2,731,571')).toBe(2731571);
    expect(parseNumber('12a')).toBeUndefined();
    expect(readField({ a: null, b: '  ', c: 0 }, ['a', 'b', 'c'])).toBe('0');
  });

  it('slugifies and compares names and addresses', () => {
    expect(slugify('Élan & Co. — Centre')).toBe('elan-and-co-centre');
    expect(comparableName('The Sherbourne Health Centre, Inc.')).toBe(comparableName('sherbourne health centre'));
    expect(comparableAddress('1229 Queen Street West, Toronto')).toBe(comparableAddress('1229 QUEEN ST W'));
  });
});
