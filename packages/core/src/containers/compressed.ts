import type { ByteSource } from '../byte-source.js';
import { AnomalyCollector } from './anomalies.js';
import { hasBytes, LISTING_CHUNK, readAt, readRange, u32 } from './binary.js';
import { bzip2Decoder } from './bzip2-decoder.js';
import { ByteQueue } from './byte-queue.js';
import { DecodedSource, RATIO_FLOOR } from './decoded-source.js';
import type { Decoder } from './decoder.js';
import { ContainerError } from './errors.js';
import { readGzipHeader } from './gzip-header.js';
import { InflateBudget } from './limits.js';
import { singleMemberName } from './member-names.js';
import type { ContainerLimits, OpenedContainer } from './types.js';
import { xzDecoder } from './xz-decoder.js';
import { xzUncompressedSize } from './xz-index.js';
import { gzipDecoder } from './zlib-decoder.js';

/** Single-stream compression formats: one member each. */
export type CompressedFormat = 'gzip' | 'bz2' | 'xz';

const DECODERS: Record<CompressedFormat, Decoder> = { gzip: gzipDecoder, bz2: bzip2Decoder, xz: xzDecoder };
const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/** What is known about the member before decompressing anything. */
interface Preview {
  headerName?: string;
  /** Exact size, or a plausible estimate when known; undefined when nothing useful is declared. */
  size?: number;
  exact: boolean;
}

function notFormat(format: CompressedFormat, why: string): ContainerError {
  return new ContainerError('DECOMPRESS_ERROR', `not ${format} data: ${why}`);
}

/** Worst-case deflate expansion (for checking that ISIZE can be right). */
const DEFLATE_MAX_RATIO = 1032;
/** Smallest gzip member: 10-byte header, empty deflate block, 8-byte trailer. */
const GZIP_MIN = 20;

/**
 * gzip: the header (for FNAME) and the ISIZE trailer, the uncompressed size of the last member
 * modulo 2^32. That is the whole size for the usual single-member file under 4 GiB; ISIZE values
 * that no deflate stream of this length could produce (wrapped past 4 GiB) are dropped.
 */
async function previewGzip(source: ByteSource): Promise<Preview> {
  const head = new ByteQueue(readRange(source, 0, Math.min(source.size, LISTING_CHUNK)));
  let headerName: string | undefined;
  try {
    headerName = (await readGzipHeader(head))?.name;
  } catch (error) {
    // A header longer than the first chunk (a huge FNAME or FEXTRA) is legal, just not used for naming.
    if (source.size <= LISTING_CHUNK) throw notFormat('gzip', (error as Error).message);
  } finally {
    await head.close();
  }
  const name = headerName !== undefined ? { headerName } : {};
  const trailer = await readAt(source, source.size - 4, 4);
  if (trailer.length < 4 || source.size < GZIP_MIN) return { ...name, exact: false };
  const isize = u32(trailer, 0);
  const body = source.size - GZIP_MIN;
  const plausible = isize * 1.01 + 1024 >= body && isize <= body * DEFLATE_MAX_RATIO + 1024;
  return { ...name, ...(plausible && { size: isize }), exact: false };
}

async function preview(format: CompressedFormat, source: ByteSource): Promise<Preview> {
  if (format === 'gzip') return previewGzip(source);
  const head = await readAt(source, 0, 6);
  if (format === 'bz2') {
    const level = (head[3] ?? 0) - 0x30;
    if (!hasBytes(head, 0, [0x42, 0x5a, 0x68]) || level < 1 || level > 9) throw notFormat(format, 'no BZh header');
    return { exact: false };
  }
  if (!hasBytes(head, 0, XZ_MAGIC)) throw notFormat(format, 'no xz stream header');
  const size = await xzUncompressedSize(source);
  return size === undefined ? { exact: false } : { size, exact: true };
}

/**
 * The size to show when nothing better is known: the most the member may inflate to before the
 * limits stop it. An overestimate on purpose: readers that stop at `size` must not miss data,
 * and reads past the real end just come back short.
 */
function upperBound(source: ByteSource, limits: ContainerLimits): number {
  return Math.min(limits.maxMemberBytes, Math.max(RATIO_FLOOR, source.size * limits.maxRatio));
}

/**
 * Opens a gzip, bzip2 or xz file as a container of one member, decompressed lazily.
 * The member is named by {@link singleMemberName}. Its `size`: exact for xz (read from the
 * stream indexes); for gzip, ISIZE when plausible; otherwise (bzip2, odd gzip) the upper bound
 * the limits allow. Unless exact, the member has `sizeIsEstimate: true` and `measureSize()`, and
 * its source's `size` becomes exact once a read reaches the end of the data. Reads are never
 * limited by the estimate, only by the container limits.
 */
export async function openCompressed(
  format: CompressedFormat,
  source: ByteSource,
  limits: ContainerLimits,
  name: string,
): Promise<OpenedContainer> {
  const info = await preview(format, source);
  const member = singleMemberName(name, info.headerName);
  const size = info.size ?? upperBound(source, limits);
  const anomalies = new AnomalyCollector();
  if (info.size !== undefined && info.size > RATIO_FLOOR && info.size / Math.max(1, source.size) > limits.maxRatio) {
    anomalies.add({
      rule: 'compressed-bomb',
      messageId: 'ratio',
      data: { member, size: info.size, compressedSize: source.size, ratio: Math.round(info.size / Math.max(1, source.size)), limit: limits.maxRatio },
      member,
    });
  }
  const budget = new InflateBudget(limits, name);
  const highWater = { value: 0 };
  const open = () =>
    new DecodedSource({
      source,
      start: 0,
      length: source.size,
      decoder: DECODERS[format],
      format,
      name: member,
      sizeHint: size,
      sizeExact: info.exact,
      maxMemberBytes: limits.maxMemberBytes,
      maxRatio: limits.maxRatio,
      budget,
      highWater,
    });
  return {
    anomalies: anomalies.list,
    members: [
      {
        name: member,
        size,
        compressedSize: source.size,
        headerOffset: 0,
        isDirectory: false,
        open,
        ...(!info.exact && { sizeIsEstimate: true, measureSize: () => open().measure() }),
      },
    ],
  };
}
