import type { ByteSource } from '../byte-source.js';

/** Little-endian unsigned 16-bit integer at `offset`. */
export function u16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);
}

/** Little-endian unsigned 32-bit integer at `offset`. */
export function u32(bytes: Uint8Array, offset: number): number {
  return (u16(bytes, offset) + u16(bytes, offset + 2) * 0x10000) >>> 0;
}

/**
 * Little-endian unsigned 64-bit integer at `offset` as a number. Values above
 * `Number.MAX_SAFE_INTEGER` (hostile or corrupt) come back as `Infinity`, so that every
 * comparison against a file size or a limit treats them as out of range.
 */
export function u64(bytes: Uint8Array, offset: number): number {
  const high = u32(bytes, offset + 4);
  if (high > 0x1fffff) return Infinity;
  return high * 0x1_0000_0000 + u32(bytes, offset);
}

/** True when `bytes` holds `signature` at `offset`. */
export function hasBytes(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** Largest single read this module asks for while listing (headers, directory chunks). */
export const LISTING_CHUNK = 64 * 1024;

/** Reads `[offset, offset + length)` clipped to the source; short at the end, never throws for that. */
export async function readAt(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= source.size || length <= 0) return new Uint8Array(0);
  return source.read(offset, Math.min(length, source.size - offset));
}

/** Reads a byte range in chunks of at most `chunk` bytes (a generator: the caller may stop early). */
export async function* readRange(
  source: ByteSource,
  start: number,
  end: number,
  chunk: number | (() => number) = LISTING_CHUNK,
): AsyncGenerator<Uint8Array> {
  let offset = start;
  while (offset < end) {
    const size = typeof chunk === 'number' ? chunk : chunk();
    const bytes = await source.read(offset, Math.min(size, end - offset));
    if (bytes.length === 0) return;
    offset += bytes.length;
    yield bytes;
  }
}

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
