/**
 * HSDS fields that the standard defines as lists (languages, phones, schedules, locations,
 * addresses, attributes) but a file gives as a single object or value: read as a list of one
 * with a warning, or reported; never dropped silently.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { badBaseConfig, FIXTURES, readerFor } from './helpers.ts';

const FILE = 'bad/hsds-single-objects.json';
const base = await badBaseConfig();
const result = runPipeline(
  {
    ...base,
    serviceLayers: [
      { id: 'hsds', file: FILE, format: 'hsds', attributes: [], sourceName: 'fixture', licence: 'fixture' },
    ],
  },
  readerFor(FIXTURES),
);
// Schema findings ("… HSDS 3.0…; read as far as it is usable") are tested in hsds-import.test.ts.
const issues = (recordId: string) =>
  result.report.issues
    .filter((i) => i.file === FILE && i.recordId === recordId && !i.reason.includes('HSDS 3.0'))
    .map((i) => [i.field, i.reason]);

describe('HSDS list fields given as a single object', () => {
  it('are read as a list of one, each with a warning', () => {
    const s = result.services.find((x) => x.source.recordId === 'one-of-each');
    expect(s?.languages).toEqual(['fr']);
    expect(s?.phones).toEqual([{ number: '506-555-0100', type: 'voice' }]);
    expect(s?.schedules).toEqual([{ byDay: ['MO'], opensAt: '09:00', closesAt: '17:00' }]);
    expect(s?.categories).toEqual(['settlement']);
    expect(s?.locations.map((l) => l.address.line1)).toEqual(['1 Single St']);
    const single = (what: string) => `HSDS has a list here, the file gives a single ${what}; read as a list of one`;
    expect(issues('one-of-each')).toEqual([
      ['attributes', single('object')],
      ['service_at_locations', single('object')],
      ['locations[0].addresses', single('object')],
      ['languages', single('value')],
      ['phones', single('object')],
      ['schedules', single('object')],
    ]);
  });

  it('values that are no list and no object are reported, the service kept', () => {
    const s = result.services.find((x) => x.source.recordId === 'not-lists');
    expect(s?.languages).toEqual(['en']);
    expect(s?.phones).toBeUndefined();
    expect(issues('not-lists')).toEqual([
      ['languages', '7 has no ISO 639 code; left out'],
      ['phones', 'HSDS has a list here, the file gives 5065550101; left out'],
      ['schedules[0]', 'expected an object, got "MO 9-5"; left out'],
    ]);
  });

  it('read = published + reported', () => {
    expect(result.report.files.find((f) => f.file === FILE)).toMatchObject({ read: 2, published: 2, reported: 0 });
  });
});
