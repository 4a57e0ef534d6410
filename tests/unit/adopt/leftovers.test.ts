/**
 * The leftover demo text check: the pure finder (src/lib/adopt/leftovers.ts), the Toronto
 * demo's marker list, and the CLI (scripts/check-leftovers.ts) spawned on a small build folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeReferences,
  findLeftovers,
  formatLeftovers,
  parseMarkers,
  type LeftoverMarkers,
} from '../../../src/lib/adopt/leftovers.ts';

const root = resolve(import.meta.dirname, '../../..');
const TORONTO = readFileSync(join(root, 'demo/toronto/leftovers.txt'), 'utf8');
const list = (markers: string[], allowed: string[] = []): LeftoverMarkers => ({ markers, allowed });
const one = (path: string, text: string) => [{ path, text }];

describe('parseMarkers', () => {
  it('reads markers, allowed phrases and patterns; skips comments and blank lines; drops repeats', () => {
    const parsed = parseMarkers('# demo\n\nToronto\r\n  M5V  \nToronto\n!America/Toronto\n/M\\d[A-Z]/\n');
    expect(parsed).toEqual({ markers: ['Toronto', 'M5V', '/M\\d[A-Z]/'], allowed: ['America/Toronto'] });
  });
  it('names the file and line of a bad entry', () => {
    expect(() => parseMarkers('# only comments\n', 'x.txt')).toThrow(/x\.txt: no marker/);
    expect(() => parseMarkers('Toronto\n!\n', 'x.txt')).toThrow(/x\.txt, line 2: "!" needs a phrase/);
    expect(() => parseMarkers('Toronto\n/M(/\n', 'x.txt')).toThrow(
      /x\.txt, line 2: \/M\(\/ is not a valid regular expression/,
    );
    expect(() => parseMarkers('/a*/\n', 'x.txt')).toThrow(/line 1: \/a\*\/ matches empty text/);
  });
  it('the Toronto demo list parses and allows the Eastern time zone name', () => {
    const parsed = parseMarkers(TORONTO, 'demo/toronto/leftovers.txt');
    expect(parsed.markers).toContain('Toronto');
    expect(parsed.markers).toContain('158 neighbourhoods');
    expect(parsed.allowed).toContain('America/Toronto');
  });
});

describe('findLeftovers', () => {
  it('reports file, line, column, marker and snippet of every occurrence', () => {
    const found = findLeftovers(
      [
        { path: 'en/index.html', text: '<h1>Welcome</h1>\n<p>Newcomers in Toronto and in Toronto again</p>' },
        { path: 'clean.html', text: '<p>Newcomers in Hamilton</p>' },
      ],
      list(['Toronto']),
    );
    expect(found).toEqual([
      {
        file: 'en/index.html',
        line: 2,
        column: 17,
        marker: 'Toronto',
        snippet: '<p>Newcomers in Toronto and in Toronto again</p>',
      },
      {
        file: 'en/index.html',
        line: 2,
        column: 32,
        marker: 'Toronto',
        snippet: '<p>Newcomers in Toronto and in Toronto again</p>',
      },
    ]);
  });
  it('matches case-sensitively and only whole words at Latin or digit edges', () => {
    const text = 'ONE ONTARIO, ON\nM5VX M5V\nto toronto';
    const found = findLeftovers(one('a.txt', text), list([', ON', 'M5V', 'Toronto']));
    expect(found.map((f) => `${String(f.line)}:${f.marker}`)).toEqual(['1:, ON', '2:M5V']);
  });
  it('finds markers in scripts without word boundaries (Chinese, Arabic)', () => {
    const found = findLeftovers(
      one('zh/a.html', '<p>欢迎来到多伦多市</p>\n<p>مدينة تورنتو</p>'),
      list(['多伦多', 'تورنتو']),
    );
    expect(found.map((f) => f.marker)).toEqual(['多伦多', 'تورنتو']);
  });
  it('lets white space in a marker match any white space, a no-break space or a line-wrapped run', () => {
    const found = findLeftovers(
      one('a.html', '<p>all 158&nbsp;neighbourhoods, all 158\t neighbourhoods</p>'),
      list(['158 neighbourhoods']),
    );
    expect(found).toHaveLength(2);
  });
  it('decodes character references in markup, not in other files', () => {
    const markers = list(["Toronto's"]);
    expect(findLeftovers(one('a.html', '<p>Toronto&#39;s, Toronto&#x27;s, Toronto&apos;s</p>'), markers)).toHaveLength(
      3,
    );
    expect(findLeftovers(one('a.json', '{"t":"Toronto&#39;s"}'), markers)).toHaveLength(0);
  });
  it('reports the longest marker that matches, once', () => {
    const found = findLeftovers(one('a.txt', 'Toronto Public Library'), list(['Toronto', 'Toronto Public Library']));
    expect(found.map((f) => f.marker)).toEqual(['Toronto Public Library']);
  });
  it('skips a marker inside an allowed phrase, and only there', () => {
    const found = findLeftovers(
      one('e.ics', 'TZID:America/Toronto\nLOCATION:Toronto'),
      list(['Toronto'], ['America/Toronto']),
    );
    expect(found.map((f) => f.line)).toEqual([2]);
  });
  it('takes a regular expression for facts with many spellings, with its own groups', () => {
    const found = findLeftovers(
      one('a.txt', 'at M4C 1B5, at m4c1b5, at M4C1B5, id XM4C1B5'),
      list(['/(?<![\\p{L}\\p{N}])(M)\\d[A-Z]\\s?\\d[A-Z]\\d(?![\\p{L}\\p{N}])/']),
    );
    expect(found.map((f) => f.column)).toEqual([4, 27]);
    expect(found[0]?.marker).toBe('/(?<![\\p{L}\\p{N}])(M)\\d[A-Z]\\s?\\d[A-Z]\\d(?![\\p{L}\\p{N}])/');
  });
  it('treats regex characters in a text marker literally', () => {
    expect(findLeftovers(one('a.txt', 'a.b (x) a+b'), list(['a.b', '(x)', 'a+b']))).toHaveLength(3);
    expect(findLeftovers(one('a.txt', 'axb'), list(['a.b']))).toHaveLength(0);
  });
  it('shortens long lines around the match', () => {
    const line = `${'x'.repeat(100)} Toronto ${'y'.repeat(100)}`;
    const [finding] = findLeftovers(one('app.js', line), list(['Toronto']));
    expect(finding?.snippet).toBe(`…${'x'.repeat(39)} Toronto ${'y'.repeat(39)}…`);
  });
  it('the Toronto list catches the demo’s facts and passes another city', () => {
    const markers = parseMarkers(TORONTO);
    const demo = [
      'For example M5V 3L9, or just M5V.',
      'Fact sheets for all 158 neighbourhoods',
      '1 Main St, Scarborough, ON M1B 2K3',
      'Boundaries: City of Toronto',
      '欢迎来到多伦多',
      'Neighbourhood Improvement Area',
    ];
    expect(
      findLeftovers(
        demo.map((text, i) => ({ path: `${String(i)}.html`, text })),
        markers,
      ).map((f) => f.file),
    ).toEqual(['0.html', '0.html', '1.html', '2.html', '2.html', '3.html', '4.html', '5.html']);
    const other = [
      'For example K1A 0B1.',
      '12 Main St, Ottawa, ON K1P 1J1',
      'DTSTART;TZID=America/Toronto:20250101T100000',
      'Partners in one city, 24 neighbourhoods',
      'Ontario, 211 Ontario, Health811',
    ];
    expect(
      findLeftovers(
        other.map((text, i) => ({ path: `${String(i)}.ics`, text })),
        markers,
      ),
    ).toEqual([]);
  });
  it('does not change its inputs', () => {
    const files = [{ path: 'a.html', text: 'Toronto' }];
    const markers = list(['Toronto'], ['x']);
    const copy = structuredClone({ files, markers });
    findLeftovers(files, markers);
    expect({ files, markers }).toEqual(copy);
  });
});

describe('decodeReferences', () => {
  it('decodes named basics and numeric references, leaves unknown ones', () => {
    expect(decodeReferences('&amp;&lt;&gt;&quot;&#39;&#x4E2D;&nbsp;&eacute;&#0;')).toBe('&<>"\'中\u00a0&eacute;&#0;');
  });
});

describe('formatLeftovers', () => {
  const f = (file: string, line: number, marker: string) => ({
    file,
    line,
    column: 1,
    marker,
    snippet: `${marker} here`,
  });
  it('passes in one line', () => {
    expect(formatLeftovers([], { checked: 12 })).toBe('No leftover demo text (12 files checked).');
  });
  it('lists per file, caps each file, totals per marker', () => {
    const out = formatLeftovers(
      [f('a.html', 1, 'Toronto'), f('a.html', 2, 'Toronto'), f('a.html', 3, 'M5V'), f('b.html', 9, 'M5V')],
      { perFile: 2, checked: 5 },
    );
    expect(out).toBe(
      [
        'a.html: 3 leftovers',
        '  1:1  "Toronto"  Toronto here',
        '  2:1  "Toronto"  Toronto here',
        '  … and 1 more in this file',
        'b.html: 1 leftover',
        '  9:1  "M5V"  M5V here',
        '',
        'Leftover demo text: 4 in 2 files (5 files checked).',
        'By marker: "Toronto" 2, "M5V" 2.',
      ].join('\n'),
    );
  });
});

describe('check:leftovers CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leftovers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'scripts/check-leftovers.ts'), ...args], { cwd: root, encoding: 'utf8' });
  const site = (name: string, files: Record<string, string>): string => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, path, '..'), { recursive: true });
      writeFileSync(join(dir, name, path), text);
    }
    return join(dir, name);
  };

  it('exits 1 and lists the files with the Toronto markers by default', () => {
    const dist = site('demo', {
      'en/index.html': '<p>Settle in the City of Toronto</p>',
      'en/events/a.ics': 'TZID:America/Toronto',
      'pagefind/fragment/en_1.pf_fragment': 'Toronto',
      'pagefind/pagefind-entry.json': '{"t":"Toronto"}',
      'img/logo.png': 'Toronto',
    });
    const r = run(dist);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('en/index.html: 1 leftover');
    expect(r.stderr).toContain('"Toronto"  <p>Settle in the City of Toronto</p>');
    expect(r.stderr).toContain('Leftover demo text: 1 in 1 file (2 files checked).');
    expect(r.stderr).not.toContain('pagefind');
  });
  it('exits 0 on a clean build', () => {
    const r = run(site('clean', { 'en/index.html': '<p>Settle in Hamilton, ON</p>' }));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No leftover demo text (1 files checked).');
  });
  it('takes another marker list and caps the listing per file', () => {
    writeFileSync(join(dir, 'b.txt'), 'Hamilton\n');
    const r = run(
      site('other', { 'a.html': 'Hamilton\nHamilton\nHamilton' }),
      '--markers',
      join(dir, 'b.txt'),
      '--per-file',
      '1',
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('… and 2 more in this file');
  });
  it('exits 2 with a clear message on a missing folder, marker list or a bad option', () => {
    expect(run(join(dir, 'nope')).stderr).toMatch(/nope: no such folder \(build the site first/);
    expect(run(join(dir, 'nope')).status).toBe(2);
    expect(run(dir, '--markers', 'missing.txt').stderr).toContain('missing.txt: marker list not found');
    expect(run(dir, '--per-file', '0').stderr).toContain('--per-file 0: give a whole number');
    expect(run().stderr).toContain('give one build folder');
    const bad = run(dir, '--nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage: npm run check:leftovers');
  });
});
