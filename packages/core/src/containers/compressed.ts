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
import { gzipDecoder } from './zlib-decoder.js';

/** Single-stream compression formats: one member each. */
export type CompressedFormat = 'gzip' | 'bz2' | 'xz';

const DECODERS: Record<CompressedFormat, Decoder> = { gzip: gzipDecoder, bz2: bzip2Decoder, xz: xzDecoder };
const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/** What is known about the member before decompressing anything. */
interface Preview {
  headerName?: string;
  /** Size hint; exact only when `exact`. */
  size: number;
  exact: boolean;
}

function notFormat(format: CompressedFormat, why: string): ContainerError {
  return new ContainerError('DECOMPRESS_ERROR', `not ${format} data: ${why}`);
}

/**
 * gzip: header (for FNAME) and the ISIZE trailer, the uncompressed size of the last member
 * modulo 2^32, which is the size of the whole file for the usual single-member file under 4 GiB.
 */
async function previewGzip(source: ByteSource): Promise<Preview> {
  const head = new ByteQueue(readRange(source, 0, Math.min(source.size, LISTING_CHUNK)));
  let headerName: string | undefined;
  try {
    headerName = (await readGzipHeader(head))?.name;
  } catch (error) {
    // A header longer than the first chunk (a huge FNAME or FEXTRA) is legal, just not used for naming.
    if (source.size <= LISTING_CHUNK) throw notFormat('gzip', (error as Error).message);
  }
  const trailer = await readAt(source, source.size - 4, 4);
  const size = trailer.length === 4 ? u32(trailer, 0) : 0;
  return { ...(headerName !== undefined && { headerName }), size, exact: false };
}

async function preview(format: CompressedFormat, source: ByteSource): Promise<Preview> {
  if (format === 'gzip') return previewGzip(source);
  const head = await readAt(source, 0, 6);
  if (format === 'bz2') {
    const level = (head[3] ?? 0) - 0x30;
    if (!hasBytes(head, 0, [0x42, 0x5a, 0x68]) || level < 1 || level > 9) throw notFormat(format, 'no BZh header');
  } else if (!hasBytes(head, 0, XZ_MAGIC)) throw notFormat(format, 'no xz stream header');
  // bzip2 and xz declare no size up front that is cheap to trust: the compressed size is the hint.
  return { size: source.size, exact: false };
}

/**
 * Opens a gzip, bzip2 or xz file as a container of one member, decompressed lazily.
 * The member is named by {@link singleMemberName}. Its `size` is an estimate
 * (`sizeIsEstimate: true`): gzip's ISIZE, or the compressed size for bzip2 and xz; the member
 * source's `size` becomes exact once a read has reached the end of the data. Reads are never
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
  const anomalies = new AnomalyCollector();
  if (info.size > RATIO_FLOOR && info.size / Math.max(1, source.size) > limits.maxRatio) {
    anomalies.add({
      rule: 'compressed-bomb',
      messageId: 'ratio',
      data: { member, size: info.size, compressedSize: source.size, ratio: Math.round(info.size / Math.max(1, source.size)), limit: limits.maxRatio },
      member,
    });
  }
  const budget = new InflateBudget(limits, name);
  const highWater = { value: 0 };
  return {
    anomalies: anomalies.list,
    members: [
      {
        name: member,
        size: info.size,
        sizeIsEstimate: !info.exact,
        compressedSize: source.size,
        headerOffset: 0,
        isDirectory: false,
        open: () =>
          new DecodedSource({
            source,
            start: 0,
            length: source.size,
            decoder: DECODERS[format],
            format,
            name: member,
            sizeHint: info.size,
            maxMemberBytes: limits.maxMemberBytes,
            maxRatio: limits.maxRatio,
            budget,
            highWater,
          }),
      },
    ],
  };
}
