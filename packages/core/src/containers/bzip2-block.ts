/**
 * Decoding of one bzip2 block (Huffman + MTF + RLE2 + inverse BWT), after the bzip2 reference
 * decoder (Julian Seward's decompress.c). Synchronous over a buffer that holds the whole
 * compressed block: {@link NEED_INPUT} is thrown when the buffer runs out before the block does,
 * and the caller retries with more input (a compressed block is at most a few MiB: 18,002
 * selectors × 50 symbols × 20 bits).
 */

/** Thrown by {@link BitReader} when more input is needed (never escapes the bzip2 decoder). */
export const NEED_INPUT = new Error('bzip2: need more input');

const MAX_GROUPS = 6;
const MIN_GROUPS = 2;
const GROUP_SIZE = 50;
const MAX_ALPHA_SIZE = 258;
const MAX_CODE_LEN = 23;
const MAX_SELECTORS = 18002;
const RUNA = 0;
const RUNB = 1;

/** Reads bits most-significant first from a byte buffer. */
export class BitReader {
  constructor(
    private readonly bytes: Uint8Array,
    /** True when no input follows `bytes`: running out is then corrupt data, not a retry. */
    private readonly final: boolean,
    public bitPos: number,
  ) {}

  bits(count: number): number {
    let value = 0;
    let left = count;
    while (left > 0) {
      const byteIndex = this.bitPos >>> 3;
      if (byteIndex >= this.bytes.length) {
        if (this.final) throw new Error('unexpected end of bzip2 data');
        throw NEED_INPUT;
      }
      const available = 8 - (this.bitPos & 7);
      const take = available < left ? available : left;
      const byte = this.bytes[byteIndex] as number;
      value = (value * (1 << take)) + ((byte >>> (available - take)) & ((1 << take) - 1));
      this.bitPos += take;
      left -= take;
    }
    return value;
  }

  bit(): number {
    return this.bits(1);
  }

  /** Skips to the next byte boundary. */
  align(): void {
    this.bitPos = (this.bitPos + 7) & ~7;
  }
}

/** A decoded block: `tt` holds the inverse-BWT links; output starts at `tt[origPtr] >>> 8`. */
export interface DecodedBlock {
  crc: number;
  origPtr: number;
  length: number;
}

interface HuffmanGroup {
  minLen: number;
  limit: Int32Array;
  base: Int32Array;
  perm: Int32Array;
}

function fail(what: string): never {
  throw new Error(`corrupt bzip2 block: ${what}`);
}

/**
 * Decodes the block whose 48-bit magic has just been read: fills `tt` (length ≥ the stream's
 * block size) and returns the block's CRC, origin pointer and length.
 */
export function decodeBlock(reader: BitReader, tt: Uint32Array): DecodedBlock {
  const crc = reader.bits(32) >>> 0;
  if (reader.bit()) fail('randomised blocks are not supported');
  const origPtr = reader.bits(24);
  const symbols = readSymbolMap(reader);
  const alphaSize = symbols.length + 2;
  const groupCount = reader.bits(3);
  if (groupCount < MIN_GROUPS || groupCount > MAX_GROUPS) fail('bad Huffman group count');
  const selectors = readSelectors(reader, groupCount);
  const groups: HuffmanGroup[] = [];
  for (let g = 0; g < groupCount; g++) groups.push(readGroup(reader, alphaSize));
  const length = readSymbols(reader, tt, symbols, groups, selectors);
  if (origPtr >= length) fail('origin pointer out of range');
  linkBwt(tt, length);
  return { crc, origPtr, length };
}

function readSymbolMap(reader: BitReader): number[] {
  const used16 = reader.bits(16);
  const symbols: number[] = [];
  for (let i = 0; i < 16; i++) {
    if (!(used16 & (0x8000 >>> i))) continue;
    const used = reader.bits(16);
    for (let j = 0; j < 16; j++) if (used & (0x8000 >>> j)) symbols.push(i * 16 + j);
  }
  if (symbols.length === 0) fail('no symbols in use');
  return symbols;
}

function readSelectors(reader: BitReader, groupCount: number): Uint8Array {
  const count = reader.bits(15);
  if (count < 1) fail('no selectors');
  const selectors = new Uint8Array(Math.min(count, MAX_SELECTORS));
  const mtf = [0, 1, 2, 3, 4, 5];
  for (let i = 0; i < count; i++) {
    let j = 0;
    while (reader.bit()) {
      j++;
      if (j >= groupCount) fail('bad selector');
    }
    const value = mtf[j] as number;
    mtf.splice(j, 1);
    mtf.unshift(value);
    if (i < selectors.length) selectors[i] = value;
  }
  return selectors;
}

function readGroup(reader: BitReader, alphaSize: number): HuffmanGroup {
  const lengths = new Uint8Array(alphaSize);
  let current = reader.bits(5);
  for (let i = 0; i < alphaSize; i++) {
    for (;;) {
      if (current < 1 || current > 20) fail('bad code length');
      if (!reader.bit()) break;
      current += reader.bit() ? -1 : 1;
    }
    lengths[i] = current;
  }
  let minLen = 32;
  let maxLen = 0;
  for (const len of lengths) {
    if (len > maxLen) maxLen = len;
    if (len < minLen) minLen = len;
  }
  const perm = new Int32Array(MAX_ALPHA_SIZE);
  const base = new Int32Array(MAX_CODE_LEN);
  const limit = new Int32Array(MAX_CODE_LEN);
  let pp = 0;
  for (let len = minLen; len <= maxLen; len++) {
    for (let s = 0; s < alphaSize; s++) if (lengths[s] === len) perm[pp++] = s;
  }
  for (const len of lengths) base[len + 1] = (base[len + 1] as number) + 1;
  for (let i = 1; i < MAX_CODE_LEN; i++) base[i] = (base[i] as number) + (base[i - 1] as number);
  let vec = 0;
  for (let len = minLen; len <= maxLen; len++) {
    vec += (base[len + 1] as number) - (base[len] as number);
    limit[len] = vec - 1;
    vec <<= 1;
  }
  for (let len = minLen + 1; len <= maxLen; len++) {
    base[len] = (((limit[len - 1] as number) + 1) << 1) - (base[len] as number);
  }
  return { minLen, limit, base, perm };
}

function decodeSymbol(reader: BitReader, group: HuffmanGroup): number {
  let len = group.minLen;
  let code = reader.bits(len);
  for (;;) {
    if (len > 20) fail('bad Huffman code');
    if (code <= (group.limit[len] as number)) break;
    len++;
    code = (code << 1) | reader.bit();
  }
  const index = code - (group.base[len] as number);
  if (index < 0 || index >= MAX_ALPHA_SIZE) fail('bad Huffman code');
  return group.perm[index] as number;
}

/** Huffman, RUNA/RUNB and MTF decoding into `tt` (low 8 bits); returns the block length. */
function readSymbols(
  reader: BitReader,
  tt: Uint32Array,
  symbols: number[],
  groups: HuffmanGroup[],
  selectors: Uint8Array,
): number {
  const endOfBlock = symbols.length + 1;
  const mtf = new Uint8Array(256).map((_, i) => i);
  let selector = 0;
  let groupLeft = 0;
  let group = groups[0] as HuffmanGroup;
  const next = (): number => {
    if (groupLeft === 0) {
      if (selector >= selectors.length) fail('ran out of selectors');
      group = groups[selectors[selector++] as number] ?? fail('bad selector');
      groupLeft = GROUP_SIZE;
    }
    groupLeft--;
    return decodeSymbol(reader, group);
  };
  let length = 0;
  let symbol = next();
  while (symbol !== endOfBlock) {
    if (symbol === RUNA || symbol === RUNB) {
      let run = 0;
      let weight = 1;
      while (symbol === RUNA || symbol === RUNB) {
        if (weight >= 2 * 1024 * 1024) fail('run too long');
        run += symbol === RUNA ? weight : 2 * weight;
        weight *= 2;
        symbol = next();
      }
      if (length + run > tt.length) fail('block longer than its declared size');
      tt.fill(symbols[mtf[0] as number] as number, length, length + run);
      length += run;
      continue;
    }
    if (symbol > endOfBlock) fail('bad symbol');
    if (length >= tt.length) fail('block longer than its declared size');
    const index = symbol - 1;
    const value = mtf[index] as number;
    mtf.copyWithin(1, 0, index);
    mtf[0] = value;
    tt[length++] = symbols[value] as number;
    symbol = next();
  }
  return length;
}

/** Inverse BWT links: `tt[i]` keeps its byte in the low 8 bits and gets the next index above. */
function linkBwt(tt: Uint32Array, length: number): void {
  const counts = new Uint32Array(257);
  for (let i = 0; i < length; i++) {
    const slot = ((tt[i] as number) & 0xff) + 1;
    counts[slot] = (counts[slot] as number) + 1;
  }
  for (let i = 1; i < 257; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
  for (let i = 0; i < length; i++) {
    const byte = (tt[i] as number) & 0xff;
    const target = counts[byte] as number;
    counts[byte] = target + 1;
    tt[target] = ((tt[target] as number) | (i << 8)) >>> 0;
  }
}
