import type { FileHandle } from '@modelgate/plugin-api';
import { MAX_HEADER_BYTES, PREFIX_BYTES } from '../format/limits.js';

/** Outcome of reading the length prefix and the header bytes of a file. */
export type HeaderRead =
  | { kind: 'too-small'; size: number }
  | { kind: 'too-large'; length: bigint; size: number }
  | { kind: 'past-end'; length: bigint; size: number }
  | { kind: 'ok'; length: number; bytes: Uint8Array; size: number };

/**
 * Reads the 8-byte little-endian header length and then exactly that many header bytes,
 * nothing else. Checks in the loader's order: prefix present, length ≤ 100,000,000
 * (`HeaderTooLarge`, so 2^63 lands here), then 8 + length ≤ file size (`InvalidHeaderLength`).
 * The length stays a BigInt until it is known to be small; no buffer of that size is made first.
 */
export async function readHeader(file: FileHandle): Promise<HeaderRead> {
  const size = file.size;
  if (size < PREFIX_BYTES) return { kind: 'too-small', size };
  const prefix = await file.read(0, PREFIX_BYTES);
  if (prefix.length < PREFIX_BYTES) return { kind: 'too-small', size: prefix.length };
  const length = new DataView(prefix.buffer, prefix.byteOffset, PREFIX_BYTES).getBigUint64(0, true);
  if (length > BigInt(MAX_HEADER_BYTES)) return { kind: 'too-large', length, size };
  if (BigInt(PREFIX_BYTES) + length > BigInt(size)) return { kind: 'past-end', length, size };
  const n = Number(length);
  const bytes = n === 0 ? new Uint8Array(0) : await file.read(PREFIX_BYTES, n);
  // A file that shrank while we read it is as short as what we got.
  if (bytes.length < n) return { kind: 'past-end', length, size: PREFIX_BYTES + bytes.length };
  return { kind: 'ok', length: n, bytes: bytes.length > n ? bytes.subarray(0, n) : bytes, size };
}
