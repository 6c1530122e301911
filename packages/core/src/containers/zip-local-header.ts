import type { ByteSource } from '../byte-source.js';
import { hasBytes, readAt, u16 } from './binary.js';

const LOCAL_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const LOCAL_HEADER_SIZE = 30;

/** What an entry's local header says, as far as reading its data needs. */
export type LocalHeader =
  | { ok: true; dataStart: number; rawName: Uint8Array; flags: number; method: number }
  | { ok: false; reason: 'outside' | 'signature' };

/**
 * Reads the local header at `offset` to find where the entry's data starts
 * (30 + local name length + local extra length, which may differ from the central directory's).
 * One read of the header and the expected name; a second only when the local name is longer.
 */
export async function readLocalHeader(source: ByteSource, offset: number, expectedNameLength: number): Promise<LocalHeader> {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset + LOCAL_HEADER_SIZE > source.size) return { ok: false, reason: 'outside' };
  let bytes = await readAt(source, offset, LOCAL_HEADER_SIZE + expectedNameLength);
  if (bytes.length < LOCAL_HEADER_SIZE) return { ok: false, reason: 'outside' };
  if (!hasBytes(bytes, 0, LOCAL_SIGNATURE)) return { ok: false, reason: 'signature' };
  const nameLength = u16(bytes, 26);
  if (nameLength > expectedNameLength) bytes = await readAt(source, offset, LOCAL_HEADER_SIZE + nameLength);
  return {
    ok: true,
    dataStart: offset + LOCAL_HEADER_SIZE + nameLength + u16(bytes, 28),
    rawName: bytes.slice(LOCAL_HEADER_SIZE, LOCAL_HEADER_SIZE + nameLength),
    flags: u16(bytes, 6),
    method: u16(bytes, 8),
  };
}
