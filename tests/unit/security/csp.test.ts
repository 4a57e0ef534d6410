import { describe, expect, it } from 'vitest';
import { cspDirectives, headerPolicy, headersFile, metaPolicy, originOf } from '../../../src/lib/security/csp.ts';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `))?.slice(name.length + 1).split(' ');

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
    const options = { basemap: { styleUrl: 'https://tiles.example.org/styles/v1/style.json?key=1', origins: ['https://a.tiles.example.org/', 'https://tiles.example.org'] } };
    const p = metaPolicy(options);
    expect(directive(p, 'connect-src')).toEqual(["'self'", 'https://tiles.example.org', 'https://a.tiles.example.org']);
    expect(directive(p, 'img-src')).toContain('https://a.tiles.example.org');
    expect(directive(p, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directive(p, 'style-src')).toEqual(["'self'"]);
  });

  it('lets forms post to configured endpoints, ignoring non-http ones', () => {
    const p = metaPolicy({ formActions: ['https://lists.example.org/subscribe', undefined, 'javascript:alert(1)'] });
    expect(directive(p, 'form-action')).toEqual(["'self'", 'https://lists.example.org/subscribe']);
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
  });
});
