import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig, parseSiteConfig } from '../../../src/lib/ingest/config.ts';
import { PipelineError } from '../../../src/lib/ingest/issues.ts';
import { localize, type SiteConfigInput } from '../../../src/lib/schema/config.ts';
import toronto from '../../../demo/toronto/site.config.ts';
import { FIXTURES, ROOT } from '../ingest/helpers.ts';

function problems(input: unknown): string[] {
  const r = parseSiteConfig(input, 'demo/toronto/site.config.ts');
  return r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.reason}`);
}

describe('site configuration', () => {
  it('accepts the Toronto config and applies defaults', async () => {
    const config = await loadSiteConfig(join(ROOT, 'demo/toronto/site.config.ts'));
    expect(config.timeZone).toBe('America/Toronto');
    expect(config.basemap).toBeNull();
    expect(config.serviceLayers).toHaveLength(7);
    expect(config.serviceLayers[0]?.attributes).toEqual([]);
  });

  it('accepts the second fixture city', async () => {
    const config = await loadSiteConfig(join(FIXTURES, 'city-b/site.config.ts'));
    expect(config.defaultLocale).toBe('fr');
    expect(config.staleAfterDays).toBe(365);
  });

  it('names the failing field', () => {
    const bad: SiteConfigInput = { ...toronto, defaultLocale: 'de', timeZone: 'Mars/Olympus', contactEmail: 'nobody' };
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        'defaultLocale: "de" is not in locales',
        'timeZone: not a known IANA time zone',
        expect.stringMatching(/^contactEmail: /),
      ]),
    );
  });

  it('accepts a self-hosted PMTiles basemap only as a path under the site origin', () => {
    const pmtiles = (path: string): string[] =>
      problems({ ...toronto, basemap: { pmtiles: path, attribution: '© OpenStreetMap contributors' } });
    expect(pmtiles('/basemap/toronto.pmtiles')).toEqual([]);
    const parsed = parseSiteConfig(
      { ...toronto, basemap: { pmtiles: '/toronto.pmtiles', attribution: '© OpenStreetMap contributors' } },
      'x',
    );
    expect(parsed.ok && parsed.config.basemap).toEqual({
      pmtiles: '/toronto.pmtiles',
      flavor: 'light',
      attribution: '© OpenStreetMap contributors',
    });
    for (const bad of [
      'https://tiles.example.org/toronto.pmtiles',
      '//tiles.example.org/toronto.pmtiles',
      'basemap/toronto.pmtiles',
      '/basemap/../secret.pmtiles',
      '/basemap/toronto.mbtiles',
      '/a b.pmtiles',
    ]) {
      expect(pmtiles(bad), bad).not.toEqual([]);
    }
    expect(problems({ ...toronto, basemap: { pmtiles: '/t.pmtiles', attribution: 'x', flavor: 'neon' } })).not.toEqual(
      [],
    );
  });

  it('rejects absolute or escaping paths, a javascript: site URL and bad bounds', () => {
    const bad = {
      ...toronto,
      siteUrl: 'javascript:alert(1)',
      boundary: '/home/me/boundary.geojson',
      areas: { ...toronto.areas, file: '../elsewhere/areas.geojson' },
      map: { center: [0, 0], zoom: 10, bounds: [-79, 44, -80, 43] },
    };
    const p = problems(bad);
    expect(p).toContain('boundary: must be a path relative to the config folder');
    expect(p).toContain('areas.file: must not leave the config folder (no "..")');
    expect(p.some((x) => x.startsWith('siteUrl: '))).toBe(true);
    expect(p.some((x) => x.startsWith('map.bounds: bounds must be [west, south, east, north]'))).toBe(true);
  });

  it('rejects a newsletterUrl or basemap that would add a policy directive or a header line', () => {
    const hostile = [
      "https://lists.example.org/subscribe; script-src-elem 'self' 'unsafe-inline'; script-src-attr 'unsafe-inline'",
      'https://lists.example.org/subscribe\n/*\n  X-Injected: 1',
      'https://lists.example.org/s,https://evil.example',
      'https:/\\evil.example/subscribe',
    ];
    for (const newsletterUrl of hostile) {
      expect(
        problems({ ...toronto, newsletterUrl }).filter((p) => p.startsWith('newsletterUrl: ')),
        newsletterUrl,
      ).toHaveLength(1);
    }
    expect(
      problems({ ...toronto, locales: ['en', 'fr/../x', 'en"><script>'] }).filter((p) => p.startsWith('locales[')),
    ).toHaveLength(2);
    const basemap = {
      styleUrl: 'https://tiles.example.org/style.json',
      attribution: 'x',
      origins: ["https://a.example.org 'unsafe-inline'", 'https://b.example.org/tiles'],
    };
    const p = problems({ ...toronto, basemap });
    expect(p.filter((x) => x.startsWith('basemap.origins['))).toHaveLength(2);
    expect(
      problems({
        ...toronto,
        newsletterUrl: 'https://lists.example.org/subscribe',
        basemap: { ...basemap, origins: ['https://a.example.org'] },
      }),
    ).toEqual([]);
  });

  it('checks layers: repeated ids, CSV coordinates, unknown denominators', () => {
    const layer = toronto.serviceLayers[0] as SiteConfigInput['serviceLayers'][number];
    const bad = {
      ...toronto,
      serviceLayers: [layer, { ...layer, format: 'csv' }],
      census: {
        ...toronto.census,
        indicators: {
          ...toronto.census.indicators,
          immigrants: { column: 'immigrants', denominator: 'households', label: 'x' },
        },
      },
    };
    const p = problems(bad);
    expect(p).toContain('serviceLayers[1].id: layer id "sett" repeats');
    expect(p).toContain('serviceLayers[1].latField: CSV layers need latField and lonField');
    expect(p).toContain('census.indicators.immigrants.denominator: unknown indicator "households"');
  });

  it('throws a PipelineError listing every problem when loading a broken config', async () => {
    await expect(loadSiteConfig(join(FIXTURES, 'does-not-exist.config.ts'))).rejects.toBeInstanceOf(PipelineError);
  });

  it('localises names with fallback', () => {
    expect(localize({ en: 'Toronto LIP', fr: 'PLI de Toronto' }, 'fr', 'en')).toBe('PLI de Toronto');
    expect(localize({ en: 'Toronto LIP' }, 'ar', 'en')).toBe('Toronto LIP');
    expect(localize('City B LIP', 'fr', 'en')).toBe('City B LIP');
  });
});

describe('a config copied to another folder', () => {
  it('needs no change to its import: it imports "#site-config", at any depth', async () => {
    const { mkdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const source = readFileSync(join(FIXTURES, 'city-b', 'site.config.ts'), 'utf8');
    expect(source).toContain("import { defineSiteConfig } from '#site-config';");
    // A copy two folders deeper, inside the project (its files are not needed to load the config).
    const dir = join(ROOT, 'tests', 'fixtures', 'city-b', '.copy', 'deeper');
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'site.config.ts'), source);
      const copy = await loadSiteConfig(join(dir, 'site.config.ts'));
      expect(copy.name).toBe('City B Local Immigration Partnership');
    } finally {
      rmSync(join(ROOT, 'tests', 'fixtures', 'city-b', '.copy'), { recursive: true, force: true });
    }
  });
});
