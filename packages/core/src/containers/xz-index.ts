import type { ByteSource } from '../byte-source.js';
import { hasBytes, readAt, readRange, u32 } from './binary.js';
import { ByteQueue } from './byte-queue.js';

const HEADER_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const FOOTER_MAGIC = [0x59, 0x5a];
const HEADER_SIZE = 12;
const FOOTER_SIZE = 12;
/** Give up (size unknown) past these: a hostile file could declare anything. */
const MAX_INDEX_BYTES = 16 * 1024 * 1024;
const MAX_STREAMS = 1000;
const MAX_PADDING_STEPS = 1024;

/**
 * The exact uncompressed size of an .xz file, read from the index at the end of each stream
 * (walking back from the last stream to the first, as `xz --list` does): a few small reads.
 * Returns undefined when the indexes cannot be read or do not add up; the size then stays unknown.
 */
export async function xzUncompressedSize(source: ByteSource): Promise<number | undefined> {
  let end = source.size;
  let total = 0;
  for (let streams = 0; end > 0; streams++) {
    if (streams >= MAX_STREAMS) return undefined;
    const streamEnd = await skipPadding(source, end);
    if (streamEnd === undefined) return undefined;
    if (streamEnd === 0) break;
    end = streamEnd;
    if (end < HEADER_SIZE + FOOTER_SIZE) return undefined;
    const footer = await readAt(source, end - FOOTER_SIZE, FOOTER_SIZE);
    if (!hasBytes(footer, 10, FOOTER_MAGIC)) return undefined;
    const indexSize = (u32(footer, 4) + 1) * 4;
    const indexStart = end - FOOTER_SIZE - indexSize;
    if (indexSize > MAX_INDEX_BYTES || indexStart < HEADER_SIZE) return undefined;
    const index = await readIndex(source, indexStart, end - FOOTER_SIZE);
    if (index === undefined) return undefined;
    const start = indexStart - index.blocks - HEADER_SIZE;
    if (start < 0 || !hasBytes(await readAt(source, start, 6), 0, HEADER_MAGIC)) return undefined;
    total += index.uncompressed;
    end = start;
  }
  return Number.isSafeInteger(total) ? total : undefined;
}

/** Steps back over stream padding (zero bytes in groups of four). */
async function skipPadding(source: ByteSource, from: number): Promise<number | undefined> {
  let end = from;
  for (let step = 0; step < MAX_PADDING_STEPS && end >= 4; step++) {
    const word = await readAt(source, end - 4, 4);
    if (word.some((byte) => byte !== 0)) return end;
    end -= 4;
  }
  return end >= 4 ? undefined : end;
}

async function readIndex(source: ByteSource, start: number, end: number): Promise<{ blocks: number; uncompressed: number } | undefined> {
  const input = new ByteQueue(readRange(source, start, end));
  try {
    if ((await input.readByte()) !== 0) return undefined;
    const count = await readVarint(input);
    if (count === undefined || count > end - start) return undefined;
    let blocks = 0;
    let uncompressed = 0;
    for (let i = 0; i < count; i++) {
      const unpadded = await readVarint(input);
      const size = await readVarint(input);
      if (unpadded === undefined || size === undefined) return undefined;
      blocks += Math.ceil(unpadded / 4) * 4;
      uncompressed += size;
    }
    return { blocks, uncompressed };
  } finally {
    await input.close();
  }
}

/** xz's variable-length integer: 7 bits per byte, low first, at most 9 bytes. */
async function readVarint(input: ByteQueue): Promise<number | undefined> {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = await input.readByte();
    if (byte < 0) return undefined;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return Number.isSafeInteger(value) ? value : undefined;
  }
  return undefined;
}
