import type { ByteSource } from '../byte-source.js';
import { AnomalyCollector } from './anomalies.js';
import { DecodedSource } from './decoded-source.js';
import { ContainerError } from './errors.js';
import { InflateBudget } from './limits.js';
import { SliceSource, UnreadableSource } from './slice-source.js';
import type { ContainerLimits, ContainerMember, OpenedContainer } from './types.js';
import { checkEntry, clampSize, DEFLATED, isEncrypted, reportOverlaps, reportPrefix, STORED, type Located } from './zip-checks.js';
import { readCentralDirectory } from './zip-central-directory.js';
import { readEndRecord } from './zip-end-record.js';
import { readLocalHeader } from './zip-local-header.js';
import { zipMethodName } from './zip-names.js';
import { deflateRawDecoder } from './zlib-decoder.js';

/**
 * Lists a ZIP archive the way PyTorch's miniz-based loader reads it: the central directory is
 * the truth, each local header is read only to find where the data starts, CRCs are not checked,
 * and flag bits and local/central name differences are tolerated but reported as anomalies.
 * Listing costs a few reads: the tail, the central directory (streamed), one per local header.
 */
export async function openZip(source: ByteSource, limits: ContainerLimits, name: string): Promise<OpenedContainer> {
  // A zip inside a gzip/bzip2 stream: the end record is at the true end, so that must be known.
  if (source instanceof DecodedSource && !source.sizeIsExact) await source.measure();
  const end = await readEndRecord(source);
  const directory = await readCentralDirectory(source, end, limits.maxEntries);
  const anomalies = new AnomalyCollector();
  const budget = new InflateBudget(limits, name);

  if (end.trailingBytes > 0) {
    anomalies.add({ rule: 'zip-trailing-data', messageId: 'trailing', data: { bytes: end.trailingBytes }, byteOffset: source.size - end.trailingBytes });
  }
  if (directory.truncated) {
    anomalies.add({ rule: 'zip-bomb', messageId: 'entries', data: { declared: end.entryCount, limit: limits.maxEntries } });
  } else if (directory.recordCount !== end.entryCount) {
    anomalies.add({
      rule: 'zip-entry-count-mismatch',
      messageId: 'mismatch',
      data: { declared: end.entryCount, found: directory.recordCount },
      byteOffset: end.eocdOffset,
    });
  }

  const located: Located[] = [];
  for (const entry of directory.entries) {
    const local = await readLocalHeader(source, entry.localOffset, entry.rawName.length);
    const member = entry.name.replaceAll('\\', '/');
    const range: [number, number] | undefined = local.ok ? [entry.localOffset, local.dataStart + entry.compressedSize] : undefined;
    located.push({ entry, member, local, ...(range && { range }) });
  }

  reportPrefix(located, directory.start, anomalies);
  reportOverlaps(located, anomalies);
  const seen = new Set<string>();
  let compressedTotal = 0;
  const members: ContainerMember[] = [];
  for (const item of located) {
    checkEntry(item, source, limits, seen, anomalies);
    if (item.entry.method !== STORED) compressedTotal += item.entry.uncompressedSize;
    members.push(toMember(item, source, limits, budget));
  }
  if (compressedTotal > limits.maxTotalBytes) {
    anomalies.add({ rule: 'zip-bomb', messageId: 'totalSize', data: { size: clampSize(compressedTotal), limit: limits.maxTotalBytes } });
  }
  return { members, anomalies: anomalies.list };
}

function toMember(item: Located, source: ByteSource, limits: ContainerLimits, budget: InflateBudget): ContainerMember {
  const { entry, member, local } = item;
  const isDirectory = entry.name.endsWith('/') || entry.name.endsWith('\\');
  const size = clampSize(entry.uncompressedSize);
  const base = {
    name: member,
    size,
    compressedSize: clampSize(entry.compressedSize),
    headerOffset: clampSize(entry.localOffset),
    isDirectory,
  };
  const unreadable = (code: string, why: string) => ({ ...base, open: () => new UnreadableSource(size, () => new ContainerError(code, `${member}: ${why}`)) });
  if (isDirectory) return { ...base, open: () => new SliceSource(source, 0, 0) };
  if (isEncrypted(entry)) return unreadable('ENCRYPTED', 'member is encrypted');
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    return unreadable('UNSUPPORTED_COMPRESSION', `compression method ${entry.method} (${zipMethodName(entry.method)}) is not supported`);
  }
  if (!local.ok) return unreadable('MEMBER_UNREADABLE', `no valid local header at offset ${base.headerOffset}`);
  const available = Math.max(0, source.size - local.dataStart);
  if (entry.method === STORED) {
    // miniz-based readers take the uncompressed size, Python the compressed one: serve the larger.
    const length = Math.min(available, Math.max(entry.compressedSize, entry.uncompressedSize));
    return { ...base, open: () => new SliceSource(source, local.dataStart, length) };
  }
  const highWater = { value: 0 };
  return {
    ...base,
    open: () =>
      new DecodedSource({
        source,
        start: local.dataStart,
        length: Math.min(available, entry.compressedSize),
        decoder: deflateRawDecoder,
        format: 'deflate',
        name: member,
        sizeHint: size,
        sizeExact: true,
        maxMemberBytes: limits.maxMemberBytes,
        maxRatio: limits.maxRatio,
        budget,
        highWater,
      }),
  };
}
