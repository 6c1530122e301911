/** How a file that is not sniffed as a container is compressed, judged from its first bytes. */
export type Compression = { kind: 'zlib'; offset: number } | { kind: 'lzma-alone' } | undefined;

function isZlibHeader(b0: number | undefined, b1: number | undefined): boolean {
  if (b0 === undefined || b1 === undefined) return false;
  return (b0 & 0x0f) === 8 && b0 >> 4 <= 7 && ((b0 << 8) | b1) % 31 === 0;
}

/**
 * joblib's compressors the engine does not expand: a raw zlib stream (`compress=('zlib', n)`,
 * or the pre-0.10 `ZF` + 19-byte hex length prefix) and LZMA-alone (`compress='lzma'`).
 */
export function detectCompression(head: Uint8Array): Compression {
  if (isZlibHeader(head[0], head[1])) return { kind: 'zlib', offset: 0 };
  if (head[0] === 0x5a && head[1] === 0x46 && isZlibHeader(head[21], head[22])) return { kind: 'zlib', offset: 21 };
  // LZMA-alone: properties byte (lc/lp/pb, 0x5d for the defaults), then a little-endian dictionary size.
  if (head[0] !== undefined && head[0] < 225 && head.length >= 13 && head[1] === 0x00 && (head[4] ?? 0) <= 0x40 && head[0] === 0x5d) return { kind: 'lzma-alone' };
  return undefined;
}
