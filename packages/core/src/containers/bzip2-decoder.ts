import { BitReader, decodeBlock, NEED_INPUT, type DecodedBlock } from './bzip2-block.js';
import type { Decoder } from './decoder.js';

/** Size of the chunks handed back. */
const OUTPUT_CHUNK = 64 * 1024;
/** First amount of input buffered for a block; doubled on each retry. */
const FIRST_FILL = 64 * 1024;
const BLOCK_MAGIC = [0x314159, 0x265359];
const END_MAGIC = [0x177245, 0x385090];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    table[i] = c >>> 0;
  }
  return table;
})();

/** Compressed input held in one buffer that grows on demand and drops what was consumed. */
class InputBuffer {
  bytes: Uint8Array = new Uint8Array(0);
  final = false;
  private readonly iterator: AsyncIterator<Uint8Array>;

  constructor(input: AsyncIterable<Uint8Array>) {
    this.iterator = input[Symbol.asyncIterator]();
  }

  /** Reads until at least `target` bytes are held or the input ends. */
  async fill(target: number): Promise<void> {
    const parts: Uint8Array[] = [this.bytes];
    let held = this.bytes.length;
    while (held < target && !this.final) {
      const next = await this.iterator.next();
      if (next.done) this.final = true;
      else {
        parts.push(next.value);
        held += next.value.length;
      }
    }
    if (parts.length === 1) return;
    this.bytes = new Uint8Array(held);
    let at = 0;
    for (const part of parts) {
      this.bytes.set(part, at);
      at += part.length;
    }
  }

  /** Drops whole bytes before `bitPos`; returns the bit position relative to what is kept. */
  compact(bitPos: number): number {
    const drop = bitPos >>> 3;
    this.bytes = this.bytes.subarray(drop);
    return bitPos - drop * 8;
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

/**
 * Runs `parse` over the buffered input, retrying with twice as much input whenever it runs out.
 * Returns the result and the bit position after it.
 */
async function parseWithRetry<T>(input: InputBuffer, bitPos: number, parse: (reader: BitReader) => T): Promise<[T, number]> {
  let target = Math.max(FIRST_FILL, input.bytes.length);
  for (;;) {
    await input.fill(target);
    const reader = new BitReader(input.bytes, input.final, bitPos);
    try {
      return [parse(reader), reader.bitPos];
    } catch (error) {
      if (error !== NEED_INPUT) throw error;
      target = input.bytes.length * 2;
    }
  }
}

/** RLE1 decoding and CRC of one block's output, resumable at any byte. */
class BlockOutput {
  private pos: number;
  private left: number;
  private last = -1;
  private runLength = 0;
  private repeatByte = 0;
  private repeatLeft = 0;
  private crc = 0xffffffff;

  constructor(
    private readonly tt: Uint32Array,
    block: DecodedBlock,
  ) {
    this.pos = (tt[block.origPtr] as number) >>> 8;
    this.left = block.length;
  }

  get finished(): boolean {
    return this.left === 0 && this.repeatLeft === 0;
  }

  get checksum(): number {
    return ~this.crc >>> 0;
  }

  /** Writes up to `out.length` bytes; returns how many. */
  produce(out: Uint8Array): number {
    let n = 0;
    let crc = this.crc;
    while (n < out.length) {
      if (this.repeatLeft > 0) {
        const count = Math.min(this.repeatLeft, out.length - n);
        out.fill(this.repeatByte, n, n + count);
        for (let i = 0; i < count; i++) crc = (crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ this.repeatByte) & 0xff] as number);
        n += count;
        this.repeatLeft -= count;
        continue;
      }
      if (this.left === 0) break;
      const entry = this.tt[this.pos] as number;
      const byte = entry & 0xff;
      this.pos = entry >>> 8;
      this.left--;
      if (this.runLength === 4) {
        this.repeatByte = this.last;
        this.repeatLeft = byte;
        this.runLength = 0;
        this.last = -1;
        continue;
      }
      if (byte === this.last) this.runLength++;
      else {
        this.last = byte;
        this.runLength = 1;
      }
      out[n++] = byte;
      crc = (crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] as number);
    }
    this.crc = crc;
    return n;
  }
}

function readMagic(reader: BitReader): 'block' | 'end' {
  const high = reader.bits(24);
  const low = reader.bits(24);
  if (high === BLOCK_MAGIC[0] && low === BLOCK_MAGIC[1]) return 'block';
  if (high === END_MAGIC[0] && low === END_MAGIC[1]) return 'end';
  throw new Error('corrupt bzip2 data: bad block magic');
}

/** Reads a `BZh1`-`BZh9` stream header; returns the block size, or 0 when there is none. */
async function readStreamHeader(input: InputBuffer): Promise<number> {
  await input.fill(4);
  const b = input.bytes;
  const level = (b[3] ?? 0) - 0x30;
  if (b.length < 4 || b[0] !== 0x42 || b[1] !== 0x5a || b[2] !== 0x68 || level < 1 || level > 9) return 0;
  input.bytes = b.subarray(4);
  return level * 100_000;
}

/**
 * bzip2, all streams of a multi-stream file in order (as `pbzip2` writes them); anything after
 * the last complete stream that is not another stream is ignored, as `bunzip2` and Python's
 * `bz2` module do. Block and stream CRCs are checked. Memory: the block array (4 bytes per byte of
 * block size, ≤ 3.6 MB) plus the compressed block being decoded; output is produced in 64 KiB
 * chunks as the consumer pulls, never a whole block at once.
 */
export const bzip2Decoder: Decoder = async function* (openInput) {
  const input = new InputBuffer(openInput());
  try {
    let streams = 0;
    for (;;) {
      const blockSize = await readStreamHeader(input);
      if (blockSize === 0) {
        if (streams === 0) throw new Error('not bzip2 data (bad stream header)');
        return;
      }
      streams++;
      yield* decodeStream(input, new Uint32Array(blockSize));
    }
  } finally {
    await input.close();
  }
};

async function* decodeStream(input: InputBuffer, tt: Uint32Array): AsyncGenerator<Uint8Array, void, undefined> {
  let bitPos = 0;
  let combined = 0;
  for (;;) {
    bitPos = input.compact(bitPos);
    const [unit, after] = await parseWithRetry(input, bitPos, (reader) => {
      if (readMagic(reader) === 'end') return { end: true as const, crc: reader.bits(32) >>> 0 };
      return { end: false as const, block: decodeBlock(reader, tt) };
    });
    bitPos = after;
    if (unit.end) {
      if (unit.crc !== combined) throw new Error('bzip2 stream CRC mismatch');
      input.compact((bitPos + 7) & ~7);
      return;
    }
    const output = new BlockOutput(tt, unit.block);
    while (!output.finished) {
      const chunk = new Uint8Array(OUTPUT_CHUNK);
      const count = output.produce(chunk);
      if (count > 0) yield chunk.subarray(0, count);
    }
    if (output.checksum !== unit.block.crc) throw new Error('bzip2 block CRC mismatch');
    combined = (((combined << 1) | (combined >>> 31)) ^ unit.block.crc) >>> 0;
  }
}
