/** Fields of one 512-byte tar header block (ustar, GNU and v7 layouts). */
export interface TarHeader {
  /** Name from the header itself (ustar prefix joined), before GNU/PAX long names apply. */
  name: string;
  /** Declared size, or NaN when the field holds no valid number. */
  size: number;
  /** Type flag character; `'0'` for the v7 NUL type. */
  type: string;
  linkName: string;
}

export const BLOCK = 512;

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A NUL-terminated string field; UTF-8 when valid (what tar writers use today), else Latin-1. */
function text(block: Uint8Array, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  const bytes = end < 0 ? field : field.subarray(0, end);
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/**
 * A numeric field: octal digits (leading spaces/NULs skipped, ended by space or NUL), or GNU
 * base-256 when the first byte has its high bit set (0x80 positive; 0xFF negative, rejected).
 * Returns NaN for anything else, and for values that are not safe integers.
 */
export function numberField(block: Uint8Array, offset: number, length: number): number {
  const field = block.subarray(offset, offset + length);
  const first = field[0] ?? 0;
  if (first & 0x80) {
    if (first === 0xff) return NaN;
    let value = first & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    return Number.isSafeInteger(value) ? value : NaN;
  }
  const digits = latin1.decode(field).replace(/^[ \0]+/, '').replace(/[ \0].*$/s, '');
  if (!/^[0-7]+$/.test(digits)) return digits === '' ? 0 : NaN;
  const value = parseInt(digits, 8);
  return Number.isSafeInteger(value) ? value : NaN;
}

/** True when the header checksum matches (unsigned sum, or the historic signed sum). */
export function checksumMatches(block: Uint8Array): boolean {
  const stored = numberField(block, 148, 8);
  if (Number.isNaN(stored)) return false;
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] as number);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/** True for an all-zero block (end of archive marker). */
export function isZeroBlock(block: Uint8Array): boolean {
  return block.length === BLOCK && block.every((byte) => byte === 0);
}

/** Parses a header block whose checksum is known to match. */
export function parseHeader(block: Uint8Array): TarHeader {
  const magic = latin1.decode(block.subarray(257, 263));
  let name = text(block, 0, 100);
  if (magic === 'ustar\0') {
    const prefix = text(block, 345, 155);
    if (prefix !== '') name = `${prefix}/${name}`;
  }
  const type = String.fromCharCode(block[156] as number);
  return { name, size: numberField(block, 124, 12), type: type === '\0' ? '0' : type, linkName: text(block, 157, 100) };
}

/** Decodes a GNU long name/link payload ('L'/'K'): NUL-terminated. */
export function longName(data: Uint8Array): string {
  const end = data.indexOf(0);
  return utf8.decode(end < 0 ? data : data.subarray(0, end));
}

/**
 * Parses PAX extended header records (`"<length> <key>=<value>\n"`). Malformed records stop
 * parsing; what was read before stays.
 */
export function parsePax(data: Uint8Array): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number(latin1.decode(data.subarray(at, space)));
    if (!Number.isSafeInteger(length) || length <= space - at || at + length > data.length) break;
    const record = utf8.decode(data.subarray(space + 1, at + length - 1));
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}
