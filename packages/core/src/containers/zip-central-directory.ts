import type { ByteSource } from '../byte-source.js';
import { hasBytes, readAt, readRange, u16, u32, u64 } from './binary.js';
import { ByteQueue } from './byte-queue.js';
import { ContainerError } from './errors.js';
import type { EndRecord } from './zip-end-record.js';
import { decodeZipName } from './zip-names.js';

const CD_SIGNATURE = [0x50, 0x4b, 0x01, 0x02];
const CD_RECORD_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;
const U32_MAX = 0xffffffff;

/** One central directory record: the source of truth for an entry, as in miniz. */
export interface CentralEntry {
  /** Position in the central directory (0-based). */
  index: number;
  /** Absolute offset of this record in the file. */
  recordOffset: number;
  name: string;
  rawName: Uint8Array;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Absolute offset of the local header (declared offset + the archive's start shift). */
  localOffset: number;
}

/** Where the central directory was found and what it holds. */
export interface CentralDirectory {
  entries: CentralEntry[];
  /** Absolute offset of the first record. */
  start: number;
  /** Bytes found before the archive's declared offset 0 (archive was prepended to). */
  shift: number;
  /** Records found (may exceed `entries.length` when cut at `maxEntries`). */
  recordCount: number;
  /** Listing stopped at `maxEntries`. */
  truncated: boolean;
}

/**
 * Locates the central directory: at its declared offset when a record starts there (miniz),
 * else at the declared offset shifted by the bytes found before the archive (Python's zipfile,
 * for archives that something was prepended to). Throws when neither holds a record.
 */
async function locate(source: ByteSource, end: EndRecord): Promise<{ start: number; shift: number }> {
  if (end.entryCount === 0 && end.cdSize === 0) return { start: Math.min(end.cdOffset, end.cdEnd), shift: 0 };
  const shift = end.cdEnd - (end.cdOffset + end.cdSize);
  for (const candidate of shift > 0 ? [0, shift] : [0]) {
    const start = end.cdOffset + candidate;
    if (await startsRecord(source, start)) return { start, shift: candidate };
  }
  if (!Number.isSafeInteger(end.cdOffset + end.cdSize) || end.cdOffset + end.cdSize > source.size) {
    throw new ContainerError('ZIP_TRUNCATED', `central directory (${end.cdSize} bytes at ${end.cdOffset}) extends past the end of the file (${source.size} bytes)`);
  }
  throw new ContainerError('ZIP_CORRUPT', `no central directory record at declared offset ${end.cdOffset}`);
}

async function startsRecord(source: ByteSource, offset: number): Promise<boolean> {
  return hasBytes(await readAt(source, offset, 4), 0, CD_SIGNATURE);
}

/**
 * Reads central directory records in order, streaming (64 KiB reads, one record held at a
 * time), up to `maxEntries`. Reads every record within the declared size, so records beyond
 * the declared count (seen by Python's zipfile, not by miniz) are listed too. A bad record
 * before the declared count throws `ZIP_CORRUPT`; after it, listing just stops.
 */
export async function readCentralDirectory(source: ByteSource, end: EndRecord, maxEntries: number): Promise<CentralDirectory> {
  const { start, shift } = await locate(source, end);
  const stop = Math.min(source.size, start + end.cdSize);
  const input = new ByteQueue(readRange(source, start, stop));
  const directory: CentralDirectory = { entries: [], start, shift, recordCount: 0, truncated: false };
  let offset = start;
  try {
    for (;;) {
      const fixed = await input.read(CD_RECORD_SIZE);
      if (fixed.length < CD_RECORD_SIZE) break;
      if (!hasBytes(fixed, 0, CD_SIGNATURE)) {
        if (directory.recordCount < end.entryCount) {
          throw new ContainerError('ZIP_CORRUPT', `bad central directory record #${directory.recordCount} at offset ${offset}`);
        }
        break;
      }
      const variable = await input.read(u16(fixed, 28) + u16(fixed, 30) + u16(fixed, 32));
      if (directory.recordCount >= maxEntries) {
        directory.truncated = true;
        break;
      }
      directory.entries.push(parseRecord(fixed, variable, directory.recordCount, offset, shift));
      directory.recordCount++;
      offset += fixed.length + variable.length;
    }
  } finally {
    await input.close();
  }
  return directory;
}

function parseRecord(fixed: Uint8Array, variable: Uint8Array, index: number, recordOffset: number, shift: number): CentralEntry {
  const flags = u16(fixed, 8);
  const nameLength = u16(fixed, 28);
  const rawName = variable.slice(0, nameLength);
  const extra = variable.subarray(nameLength, nameLength + u16(fixed, 30));
  const sizes = { uncompressed: u32(fixed, 24), compressed: u32(fixed, 20), offset: u32(fixed, 42) };
  applyZip64(extra, sizes);
  return {
    index,
    recordOffset,
    name: decodeZipName(rawName, (flags & 0x0800) !== 0),
    rawName,
    flags,
    method: u16(fixed, 10),
    compressedSize: sizes.compressed,
    uncompressedSize: sizes.uncompressed,
    localOffset: sizes.offset + shift,
  };
}

/** Replaces 0xFFFFFFFF sizes and offset by the ZIP64 extra field's 64-bit values, in the spec's order. */
function applyZip64(extra: Uint8Array, sizes: { uncompressed: number; compressed: number; offset: number }): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = u16(extra, at);
    const size = u16(extra, at + 2);
    const end = Math.min(extra.length, at + 4 + size);
    if (id === ZIP64_EXTRA_ID) {
      let field = at + 4;
      for (const key of ['uncompressed', 'compressed', 'offset'] as const) {
        if (sizes[key] !== U32_MAX || field + 8 > end) continue;
        sizes[key] = u64(extra, field);
        field += 8;
      }
      return;
    }
    at = end;
  }
}
