import { describe, expect, it } from 'vitest';
import { staticMap } from '../../../src/lib/service-page/map.ts';
import { openingHoursSpecification, serviceJsonLd } from '../../../src/lib/json-ld/service.ts';
import { jsonForScript } from '../../../src/lib/security/escape.ts';
import { freshness, formatPartialDate, periodEnd } from '../../../src/lib/service-page/freshness.ts';
import {
  correctionLink,
  directionsUrl,
  openStreetMapUrl,
  phoneLinks,
  telLink,
} from '../../../src/lib/service-page/links.ts';
import {
  addressLines,
  attributeRows,
  clockText,
  dayRuns,
  hoursRows,
  languageName,
  valueKey,
} from '../../../src/lib/service-page/display.ts';
import { gapFormatters } from '../../../src/components/gaps/format.ts';
import { intlTag } from '../../../src/i18n/locales.ts';
import type { Service } from '../../../src/lib/schema/service.ts';
import type { AreaGeometry } from '../../../src/lib/schema/area.ts';

const service: Service = {
  id: 'tpl-ag',
  slug: 'agincourt-tpl-ag',
  name: 'Agincourt',
  categories: ['library'],
  subcategories: [],
  locations: [
    {
      id: 'tpl-ag',
      address: { line1: '155 Bonis Avenue', city: 'Toronto', province: 'ON', postalCode: 'M1T 3W6', country: 'CA' },
      lon: -79.29343,
      lat: 43.785167,
      areaId: '118',
    },
  ],
  phones: [{ number: '416-396-8943' }],
  url: 'https://www.tpl.ca/agincourt',
  source: { layer: 'tpl', file: 'x.geojson', recordId: 'AG', publisher: 'TPL', licence: 'OGL', dataDate: '2023' },
};

const square: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [-79.3, 43.78],
      [-79.28, 43.78],
      [-79.28, 43.79],
      [-79.3, 43.79],
      [-79.3, 43.78],
    ],
  ],
};

describe('static map', () => {
  it('keeps every projected coordinate inside the padded box', () => {
    const map = staticMap([square], [{ lon: -79.29, lat: 43.785 }], { size: 200, padding: 10 });
    const numbers = map.paths.flatMap((d) => d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    expect(numbers.length).toBeGreaterThan(0);
    for (const v of [...numbers, ...map.points.flatMap((p) => [p.x, p.y])]) {
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(190);
    }
  });

  it('puts north up and scales longitude by cos(latitude), centred', () => {
    const map = staticMap([square], [{ lon: -79.29, lat: 43.785 }], { size: 200, padding: 10 });
    // The square is 0.02° wide × 0.01° tall; at 43.8° N it is 0.0144 × 0.01, so it fills the width.
    const [point] = map.points;
    expect(point).toEqual({ x: 100, y: 100 });
    expect(map.paths[0]).toMatch(/^M10 /);
    const ys = [...(map.paths[0] ?? '').matchAll(/(?:M|L)[\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    const height = Math.max(...ys) - Math.min(...ys);
    expect(height).toBeCloseTo((180 * 0.01) / (0.02 * Math.cos((43.785 * Math.PI) / 180)), 0);
  });

  it('simplifies: vertices closer than the tolerance are dropped', () => {
    const dense: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          ...Array.from({ length: 200 }, (_, i): [number, number] => [-79.3 + (0.02 * i) / 200, 43.78]),
          [-79.28, 43.79],
          [-79.3, 43.79],
          [-79.3, 43.78],
        ],
      ],
    };
    const map = staticMap([dense], [], { size: 200, padding: 10, tolerance: 2 });
    const vertices = (map.paths[0]?.match(/[ML]/g) ?? []).length;
    expect(vertices).toBeLessThan(100);
    expect(vertices).toBeGreaterThanOrEqual(3);
  });

  it('draws a lone point in the middle of a minimum view, and several points all inside', () => {
    expect(staticMap([], [{ lon: -79.4, lat: 43.7 }], { size: 240, padding: 12 }).points).toEqual([{ x: 120, y: 120 }]);
    const pts = staticMap(
      [],
      [
        { lon: -79.4, lat: 43.7 },
        { lon: -79.3, lat: 43.75 },
      ],
      { size: 240, padding: 12 },
    ).points;
    expect(pts).toHaveLength(2);
    for (const p of pts) for (const v of [p.x, p.y]) expect(v >= 12 && v <= 228).toBe(true);
  });

  it('draws each polygon of a MultiPolygon, holes as subpaths', () => {
    const ring = (x: number): [number, number][] => [
      [x, 43.78],
      [x + 0.01, 43.78],
      [x + 0.01, 43.79],
      [x, 43.79],
      [x, 43.78],
    ];
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [[ring(-79.3)], [ring(-79.28), ring(-79.2775).map(([x, y]) => [x, y])]],
    };
    const map = staticMap([multi], []);
    expect(map.paths).toHaveLength(2);
    expect(map.paths[1]?.match(/M/g)).toHaveLength(2);
  });

  it('returns nothing to draw for no input', () => {
    expect(staticMap([], [])).toEqual({ size: 240, paths: [], points: [] });
  });
});

describe('JSON-LD', () => {
  const ctx = {
    pageUrl: 'https://example.org/en/services/agincourt-tpl-ag/',
    categoryLabels: ['Libraries'],
    areaNames: ['Agincourt North'],
  };

  it('leaves out the street address the source does not give', () => {
    const place = { ...service.locations[0]!, address: { city: 'Toronto', country: 'CA' as const } };
    const ld = serviceJsonLd({ ...service, locations: [place] }, ctx);
    expect(JSON.stringify(ld)).not.toContain('streetAddress');
    expect(ld).toMatchObject({
      availableChannel: { serviceLocation: { address: { addressLocality: 'Toronto', addressCountry: 'CA' } } },
    });
  });

  it('describes the service with provider, channel, place, address and coordinates', () => {
    const ld = serviceJsonLd(
      { ...service, organization: { name: 'Toronto Public Library' }, languages: ['en', 'fr'] },
      ctx,
    );
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Service',
      name: 'Agincourt',
      provider: { '@type': 'Organization', name: 'Toronto Public Library' },
      serviceType: ['Libraries'],
      areaServed: [{ '@type': 'Place', name: 'Agincourt North' }],
      availableLanguage: ['en', 'fr'],
      url: ctx.pageUrl,
      availableChannel: {
        '@type': 'ServiceChannel',
        serviceUrl: 'https://www.tpl.ca/agincourt',
        serviceLocation: {
          '@type': 'Place',
          address: {
            '@type': 'PostalAddress',
            streetAddress: '155 Bonis Avenue',
            postalCode: 'M1T 3W6',
            addressCountry: 'CA',
          },
          geo: { '@type': 'GeoCoordinates', latitude: 43.785167, longitude: -79.29343 },
          telephone: '+1-416-396-8943',
        },
        servicePhone: [{ '@type': 'ContactPoint', telephone: '+1-416-396-8943' }],
      },
    });
  });

  it('lists every location of a multi-site service', () => {
    const second = { ...service.locations[0]!, id: 'tpl-ag-2', name: 'Annex', lon: -79.3, lat: 43.79 };
    const ld = serviceJsonLd({ ...service, locations: [service.locations[0]!, second] }, ctx);
    const places = (ld.availableChannel as { serviceLocation: { name?: string }[] }).serviceLocation;
    expect(places).toHaveLength(2);
    expect(places[1]?.name).toBe('Annex');
  });

  it('leaves out what the record does not say', () => {
    const ld = serviceJsonLd(service, ctx);
    for (const key of ['provider', 'availableLanguage', 'hoursAvailable', 'description', 'isAccessibleForFree']) {
      expect(ld).not.toHaveProperty(key);
    }
  });

  it('gives hours as OpeningHoursSpecification, overnight and 24-hour included', () => {
    expect(
      openingHoursSpecification([
        { byDay: ['FR', 'SA'], opensAt: '22:00', closesAt: '02:00' },
        { byDay: ['SU'], opensAt: '00:00', closesAt: '24:00', validFrom: '2025-06-01', validTo: '2025-08-31' },
      ]),
    ).toEqual([
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['https://schema.org/Friday', 'https://schema.org/Saturday'],
        opens: '22:00',
        closes: '02:00',
      },
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['https://schema.org/Sunday'],
        opens: '00:00',
        closes: '23:59',
        validFrom: '2025-06-01',
        validThrough: '2025-08-31',
      },
    ]);
  });

  it('escapes data so it cannot leave the script element, and still parses back', () => {
    const evil = '</script><img src=x onerror=alert(1)> & <!-- \u2028';
    const text = jsonForScript(serviceJsonLd({ ...service, name: evil }, ctx));
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain('&');
    expect(text).not.toContain('\u2028');
    expect(text).toContain('\\u003c/script\\u003e');
    expect((JSON.parse(text) as { name: string }).name).toBe(evil);
  });
});

describe('freshness', () => {
  const now = new Date('2025-06-15T12:00:00Z');

  it('is fresh on the boundary day and stale the day after', () => {
    const base = { source: service.source };
    expect(freshness({ ...base, assuredDate: '2024-06-15' }, now, 365)).toEqual({
      basis: 'assured',
      date: '2024-06-15',
      ageDays: 365,
      stale: false,
    });
    expect(freshness({ ...base, assuredDate: '2024-06-14' }, now, 365)).toMatchObject({ ageDays: 366, stale: true });
  });

  it('uses assured, then last modified, then the source date, and says which', () => {
    const src = { ...service.source, dataDate: '2018-04' };
    expect(freshness({ source: src, assuredDate: '2025-01-01', lastModified: '2020-01-01' }, now, 730).basis).toBe(
      'assured',
    );
    expect(freshness({ source: src, lastModified: '2020-01-01' }, now, 730)).toMatchObject({
      basis: 'modified',
      stale: true,
    });
    expect(freshness({ source: src }, now, 730)).toMatchObject({ basis: 'source', date: '2018-04', stale: true });
    expect(freshness({ source: { ...src, dataDate: undefined } as never }, now, 730)).toEqual({
      basis: 'none',
      stale: false,
    });
  });

  it('counts a year or month from the end of that period', () => {
    expect(periodEnd('2023')?.toISOString()).toBe('2023-12-31T12:00:00.000Z');
    expect(periodEnd('2024-02')?.toISOString()).toBe('2024-02-29T12:00:00.000Z');
    expect(periodEnd('not a date')).toBeUndefined();
    expect(
      freshness({ source: { ...service.source, dataDate: '2023' } }, new Date('2025-12-31T12:00:00Z'), 730),
    ).toMatchObject({
      ageDays: 731,
      stale: true,
    });
    expect(
      freshness({ source: { ...service.source, dataDate: '2023' } }, new Date('2025-12-30T12:00:00Z'), 730).stale,
    ).toBe(false);
  });

  it('writes partial dates in words', () => {
    expect(formatPartialDate('en-CA', '2018-04')).toBe('April 2018');
    expect(formatPartialDate('fr-CA', '2018-04')).toBe('avril 2018');
    expect(formatPartialDate('en-CA', '2023')).toBe('2023');
    expect(formatPartialDate('en-CA', '2022-05-03')).toBe('May 3, 2022');
  });

  it('writes dates and times with the registry tag: Gregorian with Persian digits in fa, Western digits in ar', () => {
    // A plain `fa` tag would give the Solar Hijri year (۱۴۰۱).
    expect(formatPartialDate(intlTag('fa'), '2022-05-03')).toContain('۲۰۲۲');
    expect(formatPartialDate(intlTag('fa'), '2022-05-03')).not.toContain('۱۴۰۱');
    expect(formatPartialDate(intlTag('fa'), '2018-04')).toContain('۲۰۱۸');
    expect(formatPartialDate(intlTag('ar'), '2022-05-03')).toContain('2022');
    expect(formatPartialDate(intlTag('en'), '2022-05-03')).toBe('May 3, 2022');
    expect(clockText('09:30', intlTag('fa'))).toMatch(/۹:۳۰/);
    const f = gapFormatters(intlTag('fa'), 10, { fewerThan: '< {n}', notKnown: '?', noService: '-', none: '-' });
    expect(f.count(1234)).toBe('۱٬۲۳۴');
    expect(f.count(3)).toBe('< ۱۰');
  });
});

describe('phone links', () => {
  it('normalises North American numbers to tel: with +1', () => {
    expect(telLink('416-396-8943')).toEqual({
      display: '416-396-8943',
      href: 'tel:+1-416-396-8943',
      dial: '+1-416-396-8943',
    });
    expect(telLink('(416) 396 8943')?.href).toBe('tel:+1-416-396-8943');
    expect(telLink('1-800-555-0100')?.href).toBe('tel:+1-800-555-0100');
    expect(telLink('+33 1 23 45 67 89')?.href).toBe('tel:+33123456789');
  });

  it('keeps extensions and short codes', () => {
    expect(telLink('416-338-7600 ext. 1234')?.href).toBe('tel:+1-416-338-7600;ext=1234');
    expect(telLink('416-338-7600 x 12')?.href).toBe('tel:+1-416-338-7600;ext=12');
    expect(telLink('211')?.href).toBe('tel:211');
    expect(telLink('n/a')).toBeUndefined();
  });

  it('splits fields holding several numbers', () => {
    expect(phoneLinks('416-555-0100<br>416-555-0101').map((p) => p.href)).toEqual([
      'tel:+1-416-555-0100',
      'tel:+1-416-555-0101',
    ]);
    expect(phoneLinks('416-555-0100 or 416-555-0101 ext. 5').map((p) => p.display)).toEqual([
      '416-555-0100',
      '416-555-0101 ext. 5',
    ]);
  });
});

describe('directions and correction links', () => {
  it('links directions to the exact point', () => {
    expect(directionsUrl(43.785167, -79.29343)).toBe(
      'https://www.google.com/maps/dir/?api=1&destination=43.785167%2C-79.29343',
    );
    expect(openStreetMapUrl(43.7, -79.4)).toBe('https://www.openstreetmap.org/?mlat=43.7&mlon=-79.4#map=17/43.7/-79.4');
  });

  const base = {
    contactEmail: 'info@lip.example.org',
    serviceId: 'tpl-ag',
    pageUrl: 'https://example.org/en/services/agincourt-tpl-ag/',
    subject: 'Correction: service tpl-ag',
    body: 'Service id: tpl-ag\nPage: https://example.org/en/services/agincourt-tpl-ag/',
  };

  it('uses the configured form with the service id', () => {
    expect(correctionLink({ ...base, correctionsUrl: 'https://forms.example.org/fix?lang=en' })).toEqual({
      href: 'https://forms.example.org/fix?lang=en&service=tpl-ag',
      kind: 'form',
    });
  });

  it('falls back to a prefilled email naming the id and page', () => {
    const link = correctionLink(base);
    expect(link.kind).toBe('email');
    const url = new URL(link.href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('info@lip.example.org');
    expect(link.href).not.toContain('+');
    expect(link.href).toContain('%0D%0A');
    const params = new URLSearchParams(url.search);
    expect(params.get('subject')).toBe('Correction: service tpl-ag');
    expect(params.get('body')).toContain('tpl-ag');
    expect(params.get('body')).toContain(base.pageUrl);
  });
});

describe('display', () => {
  it('does not repeat a city or postal code already in the first line', () => {
    expect(addressLines(service.locations[0]!.address)).toEqual(['155 Bonis Avenue', 'Toronto, ON M1T 3W6']);
    expect(
      addressLines({
        line1: '155 Bonis Avenue, Toronto, ON, M1T 3W6',
        city: 'Toronto',
        province: 'ON',
        postalCode: 'M1T 3W6',
        country: 'CA',
      }),
    ).toEqual(['155 Bonis Avenue, Toronto, ON, M1T 3W6']);
    expect(addressLines({ line1: '16 Yonge Street', line2: 'Unit K', country: 'CA' })).toEqual([
      '16 Yonge Street',
      'Unit K',
    ]);
  });

  it('gives no lines, or only the known parts, when the source has no street address', () => {
    expect(addressLines({ country: 'CA' })).toEqual([]);
    expect(addressLines({ city: 'City B', postalCode: 'E1A 1A1', country: 'CA' })).toEqual(['City B E1A 1A1']);
  });

  it('names languages in the reader’s language', () => {
    expect(languageName('fr', 'en-CA')).toBe('French');
    expect(languageName('ar', 'fr-CA')).toBe('arabe');
  });

  it('shows attributes with labels, yes/no, formatted numbers and coded values', () => {
    const labels: Record<string, string> = {
      'attribute.publicComputers': 'Public computers',
      'attribute.kidsStop': 'KidsStop',
      'attribute.branchTier': 'Branch type',
      'attribute.branchTier.dl': 'District library',
    };
    const rows = attributeRows(
      { branchTier: 'DL', publicComputers: 1042, kidsStop: false, unlabelled: 'as published' },
      { lookup: (k) => labels[k], yes: 'Yes', no: 'No', formatNumber: (n) => n.toLocaleString('en-CA') },
    );
    expect(rows).toEqual([
      { key: 'branchTier', label: 'Branch type', value: 'District library' },
      { key: 'publicComputers', label: 'Public computers', value: '1,042' },
      { key: 'kidsStop', label: 'KidsStop', value: 'No' },
      { key: 'unlabelled', label: 'unlabelled', value: 'as published' },
    ]);
    expect(valueKey('Public (City Operated) Agency')).toBe('public_city_operated_agency');
  });

  it('groups days into runs and shows an overnight opening as ending the next day', () => {
    expect(dayRuns(['SU', 'MO', 'TU', 'WE', 'FR'])).toEqual([
      ['MO', 'WE'],
      ['FR', 'FR'],
      ['SU', 'SU'],
    ]);
    const rows = hoursRows(
      [
        { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' },
        { byDay: ['FR', 'SA'], opensAt: '22:00', closesAt: '02:00' },
        { byDay: ['SU'], opensAt: '00:00', closesAt: '24:00', validFrom: '2025-06-01' },
      ],
      { lang: 'en-CA', dayRange: (a, b) => `${a} to ${b}` },
    );
    expect(rows[0]).toEqual({
      days: 'Monday to Friday',
      kind: 'range',
      opens: clockText('09:00', 'en-CA'),
      closes: clockText('17:00', 'en-CA'),
    });
    expect(rows[1]).toMatchObject({ days: 'Friday and Saturday', kind: 'overnight' });
    expect(rows[1]?.opens).toMatch(/^10:00\sp\.m\.$/);
    expect(rows[1]?.closes).toMatch(/^2:00\sa\.m\.$/);
    expect(rows[2]).toMatchObject({ days: 'Sunday', kind: 'allDay', opens: '', validFrom: '2025-06-01' });
    expect(
      hoursRows([{ byDay: ['SA'], opensAt: '22:00', closesAt: '02:00' }], {
        lang: 'fr-CA',
        dayRange: (a, b) => `${a} au ${b}`,
      })[0],
    ).toMatchObject({ days: 'samedi', opens: '22 h 00', closes: '2 h 00' });
  });
});
