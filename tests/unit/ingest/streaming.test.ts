/**
 * Streaming pieces of the pipeline give the same result as reading whole: CSV fed in chunks of
 * any size (a chunk may split a CRLF or a multi-byte character), and JSON outputs written item
 * by item.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvParser, parseCsv, type CsvBadRow, type CsvRow } from '../../../src/lib/csv/read.ts';
import { decodeChunks } from '../../../src/lib/ingest/decode.ts';
import { writeJsonArray, writeJsonFile } from '../../../src/lib/ingest/write-json.ts';
import { FileTexts } from '../../../src/lib/ingest/text-file.ts';
import { buildData, runPipeline } from '../../../src/lib/ingest/pipeline.ts';
import { loadSiteConfig } from '../../../src/lib/ingest/config.ts';
import { FIXTURES, readerFor } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'nsm-stream-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TEXT =
  'id,name,note\r\n1,Québec,"two\r\nlines"\r\n2,"Bad "quote,x\n3,Montréal,ok\r4,"never closed,y\n5,Trois-Rivières,z\r\n';

function streamed(bytes: Uint8Array, size: number): { rows: CsvRow[]; bad: CsvBadRow[] } {
  const rows: CsvRow[] = [];
  const bad: CsvBadRow[] = [];
  const parser = new CsvParser(
    {},
    { onHeader: () => undefined, onRow: (r) => rows.push(r), onBadRow: (b) => bad.push(b) },
  );
  for (const chunk of decodeChunks(bytes, undefined, size)) parser.push(chunk);
  parser.end();
  return { rows, bad };
}

describe('streaming', () => {
  it('CSV in chunks of 1, 2, 3, 7 and 64 bytes reads like the whole text', () => {
    const whole = parseCsv(TEXT);
    expect(whole.rows.map((r) => r.values['name'])).toEqual(['Québec', 'Montréal', 'Trois-Rivières']);
    expect(whole.badRows.map((b) => b.line)).toEqual([4, 6]);
    const bytes = new TextEncoder().encode(TEXT);
    for (const size of [1, 2, 3, 7, 64]) {
      const { rows, bad } = streamed(bytes, size);
      expect({ size, rows, bad }).toEqual({ size, rows: whole.rows, bad: whole.badRows });
    }
  });

  it('JSON outputs written item by item are exactly JSON.stringify', () => {
    const value = {
      files: [{ a: 1, b: undefined }],
      totals: { read: 3 },
      issues: [{ reason: 'x "quoted"' }, null],
      skipped: undefined,
    };
    for (const v of [value, [1, 'two', { three: [3] }], 'text', 42]) {
      const path = join(work, 'out.json');
      writeJsonFile(path, v);
      expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(v)}\n`);
    }
  });

  it('texts kept in a scratch file come back exactly, in any order, multi-byte and over the buffer size', () => {
    const texts = new FileTexts();
    const items = [
      '{"name":"Québec"}',
      '',
      'x'.repeat(3 << 20),
      '"东京 🗺"',
      ...Array.from({ length: 5000 }, (_, i) => `{"i":${i}}`),
    ];
    try {
      for (const t of items) texts.push(t);
      for (const i of [3, 0, 2, 1, 4999, 4, 5003]) expect(texts.get(i)).toBe(items[i]);
    } finally {
      texts.close();
    }
  });

  it('services held as text in a scratch file are written as JSON.stringify of the objects', async () => {
    const dir = join(FIXTURES, 'city-b');
    const config = await loadSiteConfig(join(dir, 'site.config.ts'), 'site.config.ts');
    const texts = new FileTexts();
    try {
      const { services } = buildData(config, readerFor(dir), { texts });
      const path = join(work, 'services.json');
      writeJsonArray(path, services.length, (i) => services.json(i));
      expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(runPipeline(config, readerFor(dir)).services)}\n`);
      expect(services.length).toBeGreaterThan(3);
    } finally {
      texts.close();
    }
  });
});
