/**
 * Turning a file's bytes into text without garbling it. Undeclared files must be valid UTF-8
 * (checked strictly: a replacement character is never published); a file may declare another
 * encoding (`encoding: 'windows-1252'`, as Excel saves "CSV" in Quebec and Ontario). Files that
 * are not text at all (a spreadsheet renamed .csv, a PDF) or UTF-16 without a declaration are
 * refused with a message naming what was found and how to fix it.
 */

/** A file that cannot be turned into text; `reason` is the message for the report. */
export class DecodeError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'DecodeError';
  }
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** The kind of binary file the bytes begin with, or undefined for text. */
function binaryKind(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    if (head.includes('xl/')) return 'an Excel workbook (.xlsx)';
    if (head.includes('opendocument.spreadsheet')) return 'an OpenDocument spreadsheet (.ods)';
    return 'a ZIP archive';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old-format Excel workbook (.xls)';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'a gzip-compressed file';
  return undefined;
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= bytes.length) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong, surrogate and out-of-range forms.
    const b1 = bytes[i + 1] as number;
    if (
      (b === 0xe0 && b1 < 0xa0) ||
      (b === 0xed && b1 > 0x9f) ||
      (b === 0xf0 && b1 < 0x90) ||
      (b === 0xf4 && b1 > 0x8f)
    )
      return i;
    i += n + 1;
  }
  return -1;
}

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Refuses what is not text, or not UTF-8 when nothing is declared, from the first bytes. */
export function checkStart(bytes: Uint8Array, declared: string | undefined): void {
  const binary = binaryKind(bytes);
  if (binary !== undefined) {
    throw new DecodeError(
      `this is ${binary}, not a text file: open it in a spreadsheet program and save it as "CSV UTF-8" (or export GeoJSON/JSON), then point the config at that file`,
    );
  }
  if (declared !== undefined) return;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const which = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    throw new DecodeError(
      `the file is UTF-16 (byte order mark ${hex(bytes[0] as number)} ${hex(bytes[1] as number)}), not UTF-8: save it as UTF-8 (in Excel: "CSV UTF-8"), or declare encoding: '${which}' for it in the config`,
    );
  }
  const nul = bytes.subarray(0, 4096).indexOf(0);
  if (nul >= 0) {
    throw new DecodeError(
      `the file contains NUL bytes (first at byte ${nul}): it is UTF-16 without a byte order mark or not a text file; save it as UTF-8 (in Excel: "CSV UTF-8")`,
    );
  }
}

/** The message for bytes that are not valid in the (declared or default UTF-8) encoding. */
function invalid(bytes: Uint8Array, declared: string | undefined): DecodeError {
  const at = firstInvalidUtf8(bytes);
  if (declared !== undefined) {
    return new DecodeError(
      `the file is not valid ${declared}${at >= 0 && /utf-?8/i.test(declared) ? ` (byte ${hex(bytes[at] as number)} on line ${lineAt(bytes, at)})` : ''}; check the config's encoding`,
    );
  }
  const b = bytes[at] as number;
  const as1252 = new TextDecoder('windows-1252').decode(bytes.subarray(at, at + 1));
  return new DecodeError(
    `the file is not valid UTF-8: byte ${hex(b)} on line ${lineAt(bytes, at)}${b >= 0x80 ? ` would be "${as1252}" in Windows-1252` : ''}. ` +
      `Files saved by Excel as "CSV" are usually Windows-1252: save it as "CSV UTF-8", or declare encoding: 'windows-1252' for it in the config`,
  );
}

/**
 * Decodes a file's bytes in chunks of `size` bytes (a chunk may end inside a character; the
 * decoder carries it over), so a large file never becomes one giant string. `declared` is the
 * config's `encoding` (any label TextDecoder knows); without it the file must be UTF-8. Throws
 * {@link DecodeError}, possibly after some chunks were yielded.
 */
export function* decodeChunks(bytes: Uint8Array, declared?: string, size = 1 << 22): Generator<string> {
  checkStart(bytes, declared);
  const decoder = new TextDecoder(declared ?? 'utf-8', { fatal: true });
  for (let at = 0; at < bytes.length || at === 0; at += size) {
    let chunk: string;
    try {
      chunk = decoder.decode(bytes.subarray(at, at + size), { stream: at + size < bytes.length });
    } catch {
      throw invalid(bytes, declared);
    }
    yield chunk;
  }
}

/** Decodes a whole file (see {@link decodeChunks}). */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  let text = '';
  for (const chunk of decodeChunks(bytes, declared)) text += chunk;
  return text;
}

/** 1-based line of a byte offset (LF, CRLF or CR line ends). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}
