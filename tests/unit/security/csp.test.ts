import { describe, expect, it } from 'vitest';
import { cspDirectives, headerPolicy, headersFile, metaPolicy, originOf } from '../../../src/lib/security/csp.ts';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1)
    .split(' ');

describe('Content-Security-Policy', () => {
  it('by default allows only the site itself: no inline script, no inline style, no third party', () => {
    const p = metaPolicy();
    expect(directive(p, 'default-src')).toEqual(["'self'"]);
    expect(directive(p, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directive(p, 'style-src')).toEqual(["'self'"]);
    expect(directive(p, 'connect-src')).toEqual(["'self'"]);
    expect(directive(p, 'worker-src')).toEqual(["'self'", 'blob:']);
    expect(directive(p, 'object-src')).toEqual(["'none'"]);
    expect(directive(p, 'form-action')).toEqual(["'self'"]);
    expect(p).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  });

  it('keeps header-only directives out of the meta element', () => {
    expect(metaPolicy()).not.toMatch(/frame-ancestors|report-uri|sandbox/);
    expect(directive(headerPolicy(), 'frame-ancestors')).toEqual(["'none'"]);
    // The header starts with exactly the meta policy; only header-only additions follow.
    expect(headerPolicy().startsWith(metaPolicy())).toBe(true);
  });

  it('adds a configured basemap’s origins to connect-src and img-src only', () => {
    const options = {
      basemap: {
        styleUrl: 'https://tiles.example.org/styles/v1/style.json?key=1',
        origins: ['https://a.tiles.example.org/', 'https://tiles.example.org'],
      },
    };
    const p = metaPolicy(options);
    expect(directive(p, 'connect-src')).toEqual(["'self'", 'https://tiles.example.org', 'https://a.tiles.example.org']);
    expect(directive(p, 'img-src')).toContain('https://a.tiles.example.org');
    expect(directive(p, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directive(p, 'style-src')).toEqual(["'self'"]);
  });

  it('adds nothing for a self-hosted PMTiles basemap: it is read from the site itself', () => {
    expect(metaPolicy({ basemap: { pmtiles: '/basemap/toronto.pmtiles' } })).toBe(metaPolicy());
  });

  it('lets forms post to the origins of configured endpoints, ignoring non-http ones', () => {
    const p = metaPolicy({ formActions: ['https://lists.example.org/subscribe', undefined, 'javascript:alert(1)'] });
    expect(directive(p, 'form-action')).toEqual(["'self'", 'https://lists.example.org']);
  });

  it('a hostile newsletterUrl adds no directive, no source and no header line', () => {
    const hostile = [
      "https://lists.example.org/subscribe; script-src-elem 'self' 'unsafe-inline'; script-src-attr 'unsafe-inline'",
      "https://lists.example.org/s;script-src 'unsafe-inline'",
      'https://lists.example.org/s\n/*\n  Content-Security-Policy: default-src *',
      'https://lists.example.org/s\r\nX-Injected: 1',
      'https://lists.example.org/s, https://evil.example',
    ];
    const safe = headersFile();
    for (const url of hostile) {
      const options = { formActions: [url] };
      const policy = headerPolicy(options);
      const names = (p: string) => p.split('; ').map((d) => d.split(' ')[0]);
      // The same directives in the same order, each with the default's sources; only form-action gains the origin.
      expect(names(policy)).toEqual(names(headerPolicy()));
      for (const name of names(policy)) {
        if (name !== 'form-action') expect(directive(policy, name!)).toEqual(directive(headerPolicy(), name!));
      }
      expect(directive(policy, 'form-action')).toEqual(["'self'", 'https://lists.example.org']);
      expect(policy).not.toMatch(/evil|[\r\n]/);
      const file = headersFile(options);
      expect(file.split('\n').length).toBe(safe.split('\n').length);
      expect(file.split('\n').filter((l) => l.startsWith('/'))).toEqual(['/*']);
      expect(file).not.toMatch(/X-Injected|evil/);
    }
  });

  it('writes _headers for every path, with the header policy', () => {
    const file = headersFile();
    expect(file.split('\n')[0]).toBe('/*');
    expect(file).toContain(`  Content-Security-Policy: ${headerPolicy()}\n`);
    expect(file).toContain('  X-Content-Type-Options: nosniff\n');
    expect(cspDirectives({}, 'header').map(([n]) => n)).toContain('frame-ancestors');
  });

  it('reads origins only from http(s) URLs', () => {
    expect(originOf('https://x.example.org:8443/a?b')).toBe('https://x.example.org:8443');
    expect(originOf('javascript:alert(1)')).toBeUndefined();
    expect(originOf('not a url')).toBeUndefined();
    expect(originOf("https://x.example.org/a;script-src 'unsafe-inline'")).toBe('https://x.example.org');
    expect(originOf('https://xn--bcher-kva.example/')).toBe('https://xn--bcher-kva.example');
  });
});
