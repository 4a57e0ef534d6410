import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFile, inspectFile } from '../../../src/lib/adopt/inspect.ts';
import { formatFieldPath, parseFieldPath } from '../../../src/lib/ingest/field-path.ts';
import * as guess from '../../../src/lib/adopt/guess.ts';
import { FIXTURES } from '../ingest/helpers.ts';

const vancouver = (file: string) => inspectFile(file, readFileSync(join(FIXTURES, 'vancouver', file)));
const text = (name: string, body: string) => inspectFile(name, new TextEncoder().encode(body));

const areas = vancouver('local-area-boundary.geojson');
const census = vancouver('census-local-areas-2016.csv');
const profile = vancouver('CensusLocalAreaProfiles2016.csv');
const osm = vancouver('osm-amenities-vancouver.geojson');

describe('inspecting a LIP file', () => {
  it('reads GeoJSON polygons: format, records, extent, properties with examples', () => {
    expect(describeFile(areas)).toBe('GEOJSON, utf-8, 22 records, 22 Polygon');
    expect(areas.polygonExtent?.map((n) => n.toFixed(2))).toEqual(['-123.22', '49.20', '-123.02', '49.30']);
    expect(areas.fields.map((f) => f.path)).toEqual(['mapid', 'name', 'geo_point_2d']);
    expect(areas.fields[0]).toMatchObject({ present: 22, distinct: 22, examples: ['AR', 'CBD', 'FAIR'] });
  });

  it('follows nested properties and names them as config field paths', () => {
    const byPath = new Map(osm.fields.map((f) => [f.path, f]));
    expect(byPath.get('tags["addr:street"]')).toMatchObject({
      present: 216,
      examples: ['East Hastings Street', 'Argyle Drive', 'West 41st Avenue'],
    });
    expect(byPath.get('tags.phone')).toMatchObject({ present: 66, distinct: 66 });
    expect(byPath.get('amenity')?.top.slice(0, 3)).toEqual([
      ['pharmacy', 91],
      ['dentist', 62],
      ['clinic', 28],
    ]);
    expect(osm.points).toMatchObject({ count: 290 });
    expect(osm.records).toBe(290);
  });

  it('finds a real Windows-1252 census profile with CRLF line ends, and shows the first character that is not UTF-8', () => {
    expect(profile.encoding.label).toBe('windows-1252');
    expect(profile.encoding.note).toContain('byte 0xF4 on line 2848 reads as "ô" in Windows-1252');
    expect(profile.encoding.note).toContain("Côte d'Ivoire");
    expect(profile.lineEnding).toBe('CRLF');
    expect(profile.delimiter).toBe(',');
    expect(profile.records).toBe(5589);
  });

  it('detects the delimiter, a byte order mark, UTF-16 and numbers written with thousands separators', () => {
    const semi = text('x.csv', '\uFEFFid;name;pop\n1;A;"1,200"\n2;B;900\n');
    expect(semi).toMatchObject({ format: 'csv', delimiter: ';', records: 2, encoding: { label: 'utf-8', bom: true } });
    expect(semi.fields.map((f) => [f.path, f.numeric])).toEqual([
      ['id', true],
      ['name', false],
      ['pop', true],
    ]);
    const utf16 = inspectFile(
      'u.csv',
      Uint8Array.from([0xff, 0xfe, ...[...'id,name\n1,Été\n'].flatMap((c) => [c.charCodeAt(0), 0])]),
    );
    expect(utf16).toMatchObject({ format: 'csv', records: 1, encoding: { label: 'utf-16le', bom: true } });
    expect(utf16.fields[1]?.examples).toEqual(['Été']);
  });

  it('reads JSON lists, JSON lines and HSDS, and says why a file cannot be read', () => {
    expect(text('a.json', '[{"id":1,"contact":{"phone":"1"}},{"id":2}]')).toMatchObject({ format: 'json', records: 2 });
    expect(text('a.json', '[{"id":1,"contact":{"phone":"1"}}]').fields.map((f) => f.path)).toEqual([
      'id',
      'contact.phone',
    ]);
    const lines = text(
      'a.jsonl',
      '{"lat":49.2,"lon":-123.1,"tags":{"addr:city":"Vancouver"}}\n{"lat":49.3,"lon":-123.0,"tags":{}}\n',
    );
    expect(lines).toMatchObject({ format: 'ndjson', records: 2 });
    expect(lines.fields.map((f) => f.path)).toEqual(['lat', 'lon', 'tags["addr:city"]']);
    expect(text('h.json', '{"services":[{"id":"s","name":"N","organization":{"name":"O"}}]}').format).toBe('hsds');
    const xlsx = inspectFile(
      'book.csv',
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('xl/workbook.xml')]),
    );
    expect(xlsx.format).toBe('unreadable');
    expect(xlsx.problems[0]).toMatch(/^this is an Excel workbook \(\.xlsx\), not a text file/);
    expect(text('t.csv', 'Community services (2024)\nref,title,lat,lon,x\n1,A,1,2,3\n').problems[0]).toMatch(
      /looks like a title above the header/,
    );
    expect(text('e.csv', '').problems).toEqual(['the file is empty']);
  });

  it('writes field paths the config parser reads back', () => {
    expect(formatFieldPath(['tags', 'addr:street'])).toBe('tags["addr:street"]');
    expect(formatFieldPath(['tags', 'phone'])).toBe('tags.phone');
    expect(formatFieldPath(['Agency Name'])).toBe('Agency Name');
    expect(formatFieldPath(['a.b', 0, 'c'])).toBe('["a.b"][0].c');
    expect(formatFieldPath(['x', 'say "hi"'])).toBe('x["say \\"hi\\""]');
    for (const steps of [
      ['tags', 'addr:street'],
      ['Agency Name'],
      ['a.b', 0, 'c'],
      ['x', 'say "hi"'],
      ['a', 'b-c', 2],
    ]) {
      const parsed = parseFieldPath(formatFieldPath(steps));
      expect(parsed.ok && parsed.path.steps).toEqual(steps);
    }
  });
});

describe('guessing a first configuration', () => {
  it('picks the areas id that joins the census, and the name', () => {
    expect(guess.idCandidates(areas).map((f) => f.path)).toEqual(['mapid', 'name', 'geo_point_2d']);
    expect(guess.nameField(areas, ['mapid'])?.path).toBe('name');
    expect(guess.joinAreasCensus(areas, census)).toMatchObject({
      areaField: 'mapid',
      censusField: 'local_area_code',
      matched: 22,
      areas: 22,
      areasWithoutRow: [],
      rowsWithoutArea: [],
    });
  });

  it('joins numeric ids written with leading zeros, and lists what does not match', () => {
    const a = text(
      'a.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [1, 2, 3].map((id) => ({
          type: 'Feature',
          properties: { AREA: id, NAME: `Area ${id}` },
          geometry: null,
        })),
      }),
    );
    const c = text('c.csv', 'code,pop\n001,10\n002,20\n009,5\n');
    expect(guess.joinAreasCensus(a, c)).toMatchObject({
      areaField: 'AREA',
      censusField: 'code',
      matched: 2,
      areasWithoutRow: ['3'],
      rowsWithoutArea: ['9'],
    });
  });

  it('recognises a census profile (one column per area)', () => {
    expect(guess.profileColumns(areas, 'name', profile)).toHaveLength(22);
    expect(guess.profileColumns(areas, 'name', census)).toEqual([]);
  });

  it('tells coordinate order by the areas extent, and by range without one', () => {
    const extent = areas.polygonExtent;
    const points = osm.points?.sample ?? [];
    expect(guess.pointOrder(points, extent)).toEqual({
      order: 'lon-lat',
      why: "100 % of the points lie within the areas' extent",
    });
    expect(
      guess.pointOrder(
        points.map(([x, y]) => [y, x] as const),
        extent,
      ).order,
    ).toBe('lat-lon');
    expect(guess.pointOrder(points, undefined).order).toBe('lon-lat');
    expect(guess.pointOrder([[10, 20]], undefined).order).toBe('unknown');
  });

  it('finds latitude and longitude columns whatever they are called', () => {
    const csv = text('s.csv', 'id,a,b\n1,49.25,-123.10\n2,49.27,-123.05\n');
    expect(guess.csvCoordinates(csv, areas.polygonExtent)).toMatchObject({ lat: { path: 'a' }, lon: { path: 'b' } });
    const swappedNames = text('s.csv', 'id,lon,lat\n1,49.25,-123.10\n');
    expect(guess.csvCoordinates(swappedNames, areas.polygonExtent)).toMatchObject({
      lat: { path: 'lon' },
      lon: { path: 'lat' },
    });
    expect(guess.csvCoordinates(text('s.csv', 'id,n\n1,5000\n'), undefined)).toBeUndefined();
  });

  it('maps service fields, the field that sorts records into kinds, and suggests categories', () => {
    expect(guess.serviceFields(osm)).toMatchObject({
      name: { path: 'name' },
      phone: { path: 'tags.phone' },
      website: { path: 'tags.website' },
      email: { path: 'tags.email' },
      street: { path: 'tags["addr:street"]' },
      houseNumber: { path: 'tags["addr:housenumber"]' },
      postalCode: { path: 'tags["addr:postcode"]' },
      city: { path: 'tags["addr:city"]' },
    });
    expect(guess.serviceFields(osm).id).toBeUndefined();
    expect(guess.kindField(osm, ['name'])?.path).toBe('amenity');
    expect(
      ['library', 'community_centre', 'pharmacy', 'dentist', 'kindergarten', 'language_school', 'social_facility'].map(
        guess.suggestCategory,
      ),
    ).toEqual([
      'library',
      'community_recreation',
      'pharmacy',
      'health',
      'child_family',
      'language_training',
      undefined,
    ]);
  });

  it('finds the population, the census year, the province and a map view', () => {
    expect(guess.populationColumn(census, ['local_area_code'])?.path).toBe('population');
    expect(guess.populationColumn(text('c.csv', 'zone,hh,residents\nA,10,25\nB,5,12\n'), ['zone'])).toMatchObject({
      path: 'residents',
      why: expect.stringContaining('largest counts'),
    });
    expect(guess.yearIn('census-local-areas-2016.csv')).toBe(2016);
    expect(guess.yearIn('indicators.csv')).toBeUndefined();
    expect(guess.provinceAt(-123.1, 49.25)).toEqual({ province: 'BC', timeZone: 'America/Vancouver' });
    expect(guess.provinceAt(-63.6, 44.65)).toEqual({ province: 'NS', timeZone: 'America/Halifax' });
    expect(guess.provinceAt(2.35, 48.85)).toBeUndefined();
    const view = guess.mapView([-123.2248, 49.1989, -123.0232, 49.2958]);
    expect(view.center).toEqual([-123.124, 49.247]);
    expect(view.bounds).toEqual([-123.245, 49.179, -123.003, 49.316]);
  });
});
