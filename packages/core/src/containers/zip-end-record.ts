import type { ByteSource } from '../byte-source.js';
import { hasBytes, readAt, u16, u32, u64 } from './binary.js';
import { ContainerError } from './errors.js';

const EOCD_SIGNATURE = [0x50, 0x4b, 0x05, 0x06];
const LOCATOR_SIGNATURE = [0x50, 0x4b, 0x06, 0x07];
const EOCD64_SIGNATURE = [0x50, 0x4b, 0x06, 0x06];
const EOCD_SIZE = 22;
const LOCATOR_SIZE = 20;
const EOCD64_SIZE = 56;
const MAX_COMMENT = 0xffff;

/** What the end of central directory records (EOCD, and ZIP64's when present) declare. */
export interface EndRecord {
  /** Offset of the EOCD record. */
  eocdOffset: number;
  /** Bytes after the EOCD record and its declared comment (0 normally). */
  trailingBytes: number;
  zip64: boolean;
  /** Total entries declared. */
  entryCount: number;
  cdSize: number;
  /** Declared offset of the central directory, relative to the start of the archive. */
  cdOffset: number;
  /** Where the central directory must end: the record that follows it (EOCD64 or EOCD). */
  cdEnd: number;
}

/** Tail read first when looking for the EOCD record. */
const FIRST_TAIL = 4096;

async function findSignature(source: ByteSource, span: number): Promise<{ tail: Uint8Array; tailStart: number; at: number } | undefined> {
  const tailStart = Math.max(0, source.size - span);
  const tail = await readAt(source, tailStart, source.size - tailStart);
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (hasBytes(tail, at, EOCD_SIGNATURE)) return { tail, tailStart, at };
  }
  return undefined;
}

function corrupt(message: string): ContainerError {
  return new ContainerError('ZIP_CORRUPT', message);
}

/**
 * Finds the EOCD record as miniz does: scanning backwards from the end of the file through
 * at most the last 65,535 + 22 bytes and taking the last signature found, then follows the
 * ZIP64 locator when one precedes it. Throws `ZIP_CORRUPT` when there is nothing to list.
 */
export async function readEndRecord(source: ByteSource): Promise<EndRecord> {
  if (source.size < EOCD_SIZE) throw corrupt('not a zip archive: too small for an end of central directory record');
  // Most archives have no comment: look at a small tail first, the whole search range only if needed.
  let found = await findSignature(source, FIRST_TAIL);
  if (found === undefined && source.size > FIRST_TAIL) found = await findSignature(source, MAX_COMMENT + EOCD_SIZE);
  if (found === undefined) throw corrupt('not a zip archive: no end of central directory record');
  const { tail, tailStart, at } = found;
  const eocdOffset = tailStart + at;
  const diskNumber = u16(tail, at + 4);
  const cdDisk = u16(tail, at + 6);
  const record: EndRecord = {
    eocdOffset,
    trailingBytes: source.size - (eocdOffset + EOCD_SIZE + u16(tail, at + 20)),
    zip64: false,
    entryCount: u16(tail, at + 10),
    cdSize: u32(tail, at + 12),
    cdOffset: u32(tail, at + 16),
    cdEnd: eocdOffset,
  };
  const zip64 = eocdOffset >= LOCATOR_SIZE ? await readZip64(source, eocdOffset) : undefined;
  const disks = zip64 ? zip64.disks : [diskNumber, cdDisk];
  if ((disks[0] !== 0 || disks[1] !== 0) && (disks[0] !== 1 || disks[1] !== 1)) {
    throw corrupt('multi-disk (spanned) zip archives are not supported');
  }
  return zip64 ? { ...record, ...zip64.record, zip64: true } : record;
}

interface Zip64End {
  disks: [number, number];
  record: Pick<EndRecord, 'entryCount' | 'cdSize' | 'cdOffset' | 'cdEnd'>;
}

async function readZip64(source: ByteSource, eocdOffset: number): Promise<Zip64End | undefined> {
  const locator = await readAt(source, eocdOffset - LOCATOR_SIZE, LOCATOR_SIZE);
  if (!hasBytes(locator, 0, LOCATOR_SIGNATURE)) return undefined;
  // miniz follows the declared offset; Python looks right before the locator. Try both.
  const candidates = [u64(locator, 8), eocdOffset - LOCATOR_SIZE - EOCD64_SIZE];
  for (const offset of candidates) {
    const bytes = await readAt(source, offset, EOCD64_SIZE);
    if (bytes.length < EOCD64_SIZE || !hasBytes(bytes, 0, EOCD64_SIGNATURE)) continue;
    return {
      disks: [u32(bytes, 16), u32(bytes, 20)],
      record: { entryCount: u64(bytes, 32), cdSize: u64(bytes, 40), cdOffset: u64(bytes, 48), cdEnd: offset },
    };
  }
  throw corrupt('zip64 end of central directory locator points to no zip64 end record');
}
