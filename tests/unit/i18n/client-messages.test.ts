import { describe, expect, it } from 'vitest';
import { clientMessages } from '../../../src/i18n/client-messages.ts';
import { intlTag, LOCALES, type Locale } from '../../../src/i18n/locales.ts';
import { checkMessages, fillPlural, readMessages } from '../../../src/lib/client-messages.ts';
import { GAP_MESSAGES } from '../../../src/components/gaps/messages.ts';
import { FINDER_MESSAGES, SHORTLIST_MESSAGES } from '../../../src/components/finder/messages.ts';
import { SEARCH_MESSAGES } from '../../../src/components/search/messages.ts';

const SPECS = { GAP_MESSAGES, FINDER_MESSAGES, SHORTLIST_MESSAGES, SEARCH_MESSAGES };

describe('client messages', () => {
  it('builds every component spec in every locale, and the script reads it back', () => {
    for (const locale of Object.keys(LOCALES) as Locale[]) {
      for (const [name, spec] of Object.entries(SPECS)) {
        const built = clientMessages(locale, spec);
        expect(() => readMessages(spec, JSON.stringify(built)), `${name} ${locale}`).not.toThrow();
      }
    }
  });

  it('leaves the placeholders the script fills, and fills build-time values', () => {
    const m = clientMessages('en', GAP_MESSAGES, { panelIndicators: { year: '2021' } });
    expect(m.panelInReach).toContain('{count}');
    expect(m.panelInReach).toContain('{km}');
    expect(m.panelIndicators).toContain('2021');
    expect(m.underServedCount.other).toContain('{count}');
  });

  it('names a missing message', () => {
    expect(() => readMessages(SEARCH_MESSAGES, JSON.stringify({ none: 'x', unavailable: 'x', loading: 'x' }))).toThrow(
      /"results" \(search\.results\)/,
    );
    expect(() =>
      checkMessages(SEARCH_MESSAGES, { results: 'not plural forms', none: 'x', unavailable: 'x', loading: 'x' }),
    ).toThrow(/results/);
  });

  it('picks the plural form with the locale Intl tag, in its digits', () => {
    const forms = { one: '{count} result for {query}', other: '{count} results for {query}' };
    expect(fillPlural(forms, 1, 'en-CA', { query: 'a$&b' })).toBe('1 result for a$&b');
    expect(fillPlural(forms, 1200, 'en-CA', { query: 'x' })).toBe('1,200 results for x');
    const fa = clientMessages('fa', SEARCH_MESSAGES);
    expect(fillPlural(fa.results, 3, intlTag('fa'), { query: 'x' })).toContain(
      new Intl.NumberFormat(intlTag('fa')).format(3),
    );
  });
});
