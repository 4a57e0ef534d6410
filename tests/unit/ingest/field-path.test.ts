import { describe, expect, it } from 'vitest';
import { FieldPathError, fieldPath, getPath, parseFieldPath } from '../../../src/lib/ingest/field-path.ts';
import { readField } from '../../../src/lib/ingest/fields.ts';
import { parseSiteConfig } from '../../../src/lib/ingest/config.ts';
import { parseRules } from '../../../src/lib/ingest/rules.ts';
import cityB from '../../fixtures/city-b/site.config.ts';

const steps = (source: string) => {
  const parsed = parseFieldPath(source);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.path.steps;
};
const reason = (source: string) => {
  const parsed = parseFieldPath(source);
  return parsed.ok ? 'parsed' : parsed.reason;
};
const SYNTAX =
  'Write a name (phone), a nested name (tags.phone), a quoted key (tags["addr:street"]) or a list index (a.b[0])';

describe('field paths: syntax', () => {
  it('reads plain names, including colons, spaces and apostrophes', () => {
    expect(steps('phone')).toEqual(['phone']);
    expect(steps('addr:street')).toEqual(['addr:street']);
    expect(steps('Agency Name')).toEqual(['Agency Name']);
    expect(steps("Children's programs")).toEqual(["Children's programs"]);
  });

  it('reads nested names, quoted keys and list indexes', () => {
    expect(steps('tags.phone')).toEqual(['tags', 'phone']);
    expect(steps('tags["addr:street"]')).toEqual(['tags', 'addr:street']);
    expect(steps("tags['addr:street']")).toEqual(['tags', 'addr:street']);
    expect(steps('a.b[0]')).toEqual(['a', 'b', 0]);
    expect(steps('a[2][0].c')).toEqual(['a', 2, 0, 'c']);
    expect(steps('["x.y"]')).toEqual(['x.y']);
  });

  it('keeps dots, brackets and escaped quotes inside quoted keys', () => {
    expect(steps('tags["name.en"]')).toEqual(['tags', 'name.en']);
    expect(steps('tags["a[0]"]')).toEqual(['tags', 'a[0]']);
    expect(steps('tags["say \\"hi\\""]')).toEqual(['tags', 'say "hi"']);
    expect(steps("tags['it\\'s']")).toEqual(['tags', "it's"]);
  });

  it('says what is wrong with a bad path', () => {
    expect(reason('')).toBe(`"" is not a field path: it is empty. ${SYNTAX}`);
    expect(reason('tags.')).toBe(`"tags." is not a field path: it ends with ".". ${SYNTAX}`);
    expect(reason('.tags')).toBe(`".tags" is not a field path: it starts with ".". ${SYNTAX}`);
    expect(reason('tags..phone')).toBe(
      `"tags..phone" is not a field path: ".." at position 5: a name is missing between the dots. ${SYNTAX}`,
    );
    expect(reason('tags[phone]')).toBe(
      `"tags[phone]" is not a field path: inside "[ ]" write a list index (0, 1 …) or a quoted key (["phone"]), not phone. ${SYNTAX}`,
    );
    expect(reason('tags["addr:street]')).toBe(
      `"tags["addr:street]" is not a field path: the quote opened at position 6 is never closed. ${SYNTAX}`,
    );
    expect(reason('tags["a"x]')).toBe(
      `"tags["a"x]" is not a field path: the quoted key at position 6 must be followed by "]". ${SYNTAX}`,
    );
    expect(reason('tags[0')).toBe(`"tags[0" is not a field path: the "[" at position 5 is never closed. ${SYNTAX}`);
    expect(reason('tags[0]x')).toBe(
      `"tags[0]x" is not a field path: "x" follows "]" at position 8; use "." or "[" after it. ${SYNTAX}`,
    );
    expect(reason('tags]')).toBe(`"tags]" is not a field path: "]" at position 5 closes no "[". ${SYNTAX}`);
    expect(reason('tags.[0]')).toBe(
      `"tags.[0]" is not a field path: "." at position 5 must be followed by a name, not "[". ${SYNTAX}`,
    );
    expect(reason('tags[""]')).toBe(`"tags[""]" is not a field path: the quoted key at position 6 is empty. ${SYNTAX}`);
    expect(() => fieldPath('a..b')).toThrow(FieldPathError);
  });
});

describe('field paths: reading values', () => {
  const osm = {
    id: 42,
    tags: { amenity: 'pharmacy', 'addr:street': 'Main Street', 'name.en': 'X', phone: ' ' },
    refs: [{ id: 'r1' }, { id: 'r2' }],
  };

  it('reads nested properties and list elements', () => {
    expect(getPath(osm, 'tags.amenity')).toBe('pharmacy');
    expect(getPath(osm, 'tags["addr:street"]')).toBe('Main Street');
    expect(getPath(osm, 'tags["name.en"]')).toBe('X');
    expect(getPath(osm, 'refs[1].id')).toBe('r2');
    expect(getPath(osm, 'refs.0.id')).toBe('r1');
    expect(getPath(osm, 'id')).toBe(42);
  });

  it('gives undefined for absent steps, never inherited properties', () => {
    expect(getPath(osm, 'tags.website')).toBeUndefined();
    expect(getPath(osm, 'tags.amenity.x')).toBeUndefined();
    expect(getPath(osm, 'refs[5].id')).toBeUndefined();
    expect(getPath(osm, 'refs.x')).toBeUndefined();
    expect(getPath(osm, 'tags.constructor')).toBeUndefined();
    expect(getPath(osm, '__proto__')).toBeUndefined();
    expect(getPath(null, 'a')).toBeUndefined();
  });

  it('readField takes the first non-empty of several paths', () => {
    expect(readField(osm, ['tags.phone', 'tags["contact:phone"]', 'tags.amenity'])).toBe('pharmacy');
    expect(readField(osm, 'tags.phone')).toBeUndefined();
  });
});

describe('field paths in the config and the rule table', () => {
  it('a bad path in the config is a config error naming the field', () => {
    const csv = cityB.serviceLayers[0];
    const result = parseSiteConfig(
      {
        ...cityB,
        areas: { ...cityB.areas, idProperty: 'props.' },
        serviceLayers: [
          {
            ...csv,
            phoneField: 'tags[phone]',
            nameField: ['title', 'a..b'],
            attributes: [{ key: 'kind', field: 'x]' }],
          },
        ],
      },
      'site.config.ts',
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => `${i.file} ${i.field}: ${i.reason}`)).toEqual([
      `site.config.ts areas.idProperty: "props." is not a field path: it ends with ".". ${SYNTAX}`,
      `site.config.ts serviceLayers[0].nameField[1]: "a..b" is not a field path: ".." at position 2: a name is missing between the dots. ${SYNTAX}`,
      `site.config.ts serviceLayers[0].phoneField: "tags[phone]" is not a field path: inside "[ ]" write a list index (0, 1 …) or a quoted key (["phone"]), not phone. ${SYNTAX}`,
      `site.config.ts serviceLayers[0].attributes[0].field: "x]" is not a field path: "]" at position 2 closes no "[". ${SYNTAX}`,
    ]);
  });

  it('a bad match_field in the rule table stops the build with its line', () => {
    const { problems } = parseRules(
      'layer_file,match_field,match_type,match_value,category,subcategory,include_by_default\nosm.geojson,tags[amenity],equals,pharmacy,pharmacy,,yes\n',
    );
    expect(problems).toEqual([
      {
        line: 2,
        field: 'match_field',
        reason: `"tags[amenity]" is not a field path: inside "[ ]" write a list index (0, 1 …) or a quoted key (["amenity"]), not amenity. ${SYNTAX}`,
      },
    ]);
  });
});
