import type { ByteQueue } from './byte-queue.js';

const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const RESERVED = 0xe0;
/** Longest FNAME kept for naming the member (the rest is still skipped). */
const MAX_NAME = 1024;

/** A parsed gzip member header (RFC 1952). */
export interface GzipHeader {
  /** FNAME decoded as Latin-1, when present. */
  name?: string;
}

/**
 * Reads one gzip member header from `input`. Returns undefined at a clean end of input
 * (no bytes left); throws a plain Error for anything that is not a gzip header.
 */
export async function readGzipHeader(input: ByteQueue): Promise<GzipHeader | undefined> {
  const fixed = await input.read(10);
  if (fixed.length === 0) return undefined;
  if (fixed.length < 10) throw new Error('truncated gzip header');
  if (fixed[0] !== 0x1f || fixed[1] !== 0x8b) throw new Error('not a gzip member (bad magic)');
  if (fixed[2] !== 8) throw new Error(`unsupported gzip compression method ${fixed[2]}`);
  const flags = fixed[3] as number;
  if (flags & RESERVED) throw new Error('reserved gzip header flags set');
  if (flags & FEXTRA) {
    const length = await input.read(2);
    if (length.length < 2 || !(await input.skip((length[0] as number) | ((length[1] as number) << 8)))) {
      throw new Error('truncated gzip extra field');
    }
  }
  const header: GzipHeader = {};
  if (flags & FNAME) header.name = await readZeroTerminated(input);
  if (flags & FCOMMENT) await readZeroTerminated(input);
  if (flags & FHCRC && !(await input.skip(2))) throw new Error('truncated gzip header');
  return header;
}

async function readZeroTerminated(input: ByteQueue): Promise<string> {
  let text = '';
  for (;;) {
    const byte = await input.readByte();
    if (byte < 0) throw new Error('truncated gzip header');
    if (byte === 0) return text;
    if (text.length < MAX_NAME) text += String.fromCharCode(byte);
  }
}
