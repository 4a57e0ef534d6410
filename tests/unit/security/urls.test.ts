import { describe, expect, it } from 'vitest';
import {
  checkFileNameId,
  checkHeaderSafeUrl,
  checkLink,
  checkOrigin,
  checkSitePath,
  checkWebUrl,
} from '../../../src/lib/security/urls.ts';

const ok = (check: (v: string) => string | undefined, values: string[]) => {
  for (const v of values) expect(check(v), v).toBeUndefined();
};
const refused = (check: (v: string) => string | undefined, values: string[]) => {
  for (const v of values) expect(check(v), JSON.stringify(v)).toEqual(expect.any(String));
};

/** Ways of writing another host where "a path on this site" is expected. */
const OTHER_HOST_PATHS = [
  '//evil.example/x.png',
  '/\\evil.example/x.png',
  '\\\\evil.example/x.png',
  '/%5Cevil.example/x.png',
  '/%2F/evil.example/x.png',
  '/%252F%252Fevil.example',
  '%2F%2Fevil.example/x.png',
  '/\t/evil.example/x.png',
  '/\n/evil.example',
  ' //evil.example',
  '/%0a/evil.example',
  '/\u2028/evil.example',
  'https://evil.example/x.png',
  'javascript:alert(1)',
  'data:image/svg+xml,<svg onload=alert(1)>',
  '/images/../../x',
  '/%2e%2e/x',
  '/bad%zz',
  '/a"onerror="alert(1)',
];

describe('paths on this site', () => {
  it('accepts plain paths of public/ files', () => {
    ok(checkSitePath, ['/images/cover.jpg', '/files/plan-2025.pdf', '/files/r%C3%A9sum%C3%A9.pdf', '/a/b.png?v=2']);
  });
  it('refuses every way of naming another host, encoded or with white space', () => {
    refused(checkSitePath, OTHER_HOST_PATHS);
  });
});

describe('web addresses', () => {
  it('accepts http(s) addresses with a host name', () => {
    ok(checkWebUrl, [
      'https://example.org',
      'http://www.example.ca/a?b=c#d',
      'https://lists.example.org/subscribe',
      "https://example.org/o'neil",
      'https://xn--bcher-kva.example/',
    ]);
  });
  it('refuses other schemes, shortened forms, credentials, white space and control characters', () => {
    refused(checkWebUrl, [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://example.org',
      'https:evil.example',
      'https:/\\evil.example',
      'https:\\\\evil.example',
      '//evil.example',
      'https://site.example@evil.example',
      'https://a:b@example.org',
      ' https://example.org',
      'https://example.org/\nx',
      'https://exa mple.org',
      'https://example.org/a b',
      'https://localhost/',
      'https://127.0.0.1/',
      'https://example.org/"><script>',
    ]);
  });
  it('a header-safe address has no separators', () => {
    ok(checkHeaderSafeUrl, ['https://lists.example.org/subscribe?list=1']);
    refused(checkHeaderSafeUrl, [
      "https://x.example/s; script-src 'unsafe-inline'",
      'https://x.example/s;a',
      'https://x.example/s,https://evil.example',
      'https://x.example/s\r\nX: 1',
    ]);
  });
  it('an origin has no path, query or fragment', () => {
    ok(checkOrigin, ['https://tiles.example.org', 'https://tiles.example.org/', 'https://tiles.example.org:8443']);
    refused(checkOrigin, [
      'https://tiles.example.org/style.json',
      'https://tiles.example.org?x',
      "https://tiles.example.org 'unsafe-inline'",
      'https://*.example.org',
      'data:',
    ]);
  });
});

describe('Markdown links', () => {
  it('accepts web, mailto, tel, fragment and relative links', () => {
    ok(checkLink, [
      'https://example.org',
      'mailto:info@example.org',
      'tel:+14165550100',
      '#section',
      '../news/',
      'about/',
      '/en/data/',
    ]);
  });
  it('refuses script schemes, other-host paths and encoded tricks', () => {
    refused(checkLink, [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'vbscript:x',
      'data:text/html,x',
      'file:///etc/passwd',
      '//evil.example',
      '/\\evil.example',
      '%2F%2Fevil.example',
      'x:y',
    ]);
  });
});

describe('file-name ids', () => {
  it('accepts area ids as published and refuses markup or separators', () => {
    ok(checkFileNameId, ['1', '174', 'B-04', 'area_1.2']);
    refused(checkFileNameId, ['B-04<svg onload=alert(1)>', '../x', '.hidden', 'a/b', 'a b', '', 'a\\b']);
  });
});
