import type { ByteSource } from '../byte-source.js';
import { AnomalyCollector } from './anomalies.js';
import { DecodedSource } from './decoded-source.js';
import { ContainerError } from './errors.js';
import { InflateBudget } from './limits.js';
import { unsafePathReason } from './member-names.js';
import { SliceSource, UnreadableSource } from './slice-source.js';
import type { ContainerLimits, ContainerMember, OpenedContainer } from './types.js';
import { readCentralDirectory, type CentralEntry } from './zip-central-directory.js';
import { readEndRecord } from './zip-end-record.js';
import { readLocalHeader, type LocalHeader } from './zip-local-header.js';
import { zipMethodName } from './zip-names.js';
import { deflateRawDecoder } from './zlib-decoder.js';

const STORED = 0;
const DEFLATED = 8;
const AES_ENCRYPTED = 99;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;

/** An entry with its local header, and the byte range it occupies when that header is valid. */
interface Located {
  entry: CentralEntry;
  member: string;
  local: LocalHeader;
  /** `[localOffset, dataEnd)` as declared, when the local header was read. */
  range?: [number, number];
}

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

function clampSize(value: number): number {
  return Math.min(value, Number.MAX_SAFE_INTEGER);
}

function isEncrypted(entry: CentralEntry): boolean {
  return (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0 || entry.method === AES_ENCRYPTED;
}

/** Bytes before the first entry (or before the directory of an empty archive): a prepended file or a polyglot. */
function reportPrefix(located: Located[], directoryStart: number, anomalies: AnomalyCollector): void {
  const first = located.reduce((min, item) => (item.local.ok ? Math.min(min, item.entry.localOffset) : min), directoryStart);
  if (first > 0) anomalies.add({ rule: 'zip-prefix-data', messageId: 'prefix', data: { bytes: first }, byteOffset: 0 });
}

/** Entries whose header-and-data ranges overlap: the overlapping-file zip bomb, or a crafted differential. */
function reportOverlaps(located: Located[], anomalies: AnomalyCollector): void {
  const ranged = located.filter((item) => item.range !== undefined).sort((a, b) => (a.range as number[])[0]! - (b.range as number[])[0]!);
  let widest: Located | undefined;
  for (const item of ranged) {
    const [start, end] = item.range as [number, number];
    if (widest !== undefined && start < (widest.range as [number, number])[1]) {
      anomalies.add({
        rule: 'zip-overlapping-entries',
        messageId: 'overlap',
        data: { member: item.member, other: widest.member },
        byteOffset: start,
        member: item.member,
      });
    }
    if (widest === undefined || end > (widest.range as [number, number])[1]) widest = item;
  }
}

function checkEntry(item: Located, source: ByteSource, limits: ContainerLimits, seen: Set<string>, anomalies: AnomalyCollector): void {
  const { entry, member, local } = item;
  const at = { member, byteOffset: local.ok ? entry.localOffset : entry.recordOffset };
  const unsafe = unsafePathReason(entry.name, true);
  if (unsafe) anomalies.add({ rule: 'zip-path-traversal', messageId: 'unsafePath', data: { member, reason: unsafe }, ...at });
  if (seen.has(member)) anomalies.add({ rule: 'zip-duplicate-name', messageId: 'duplicate', data: { member }, ...at });
  seen.add(member);
  if (isEncrypted(entry)) anomalies.add({ rule: 'zip-encrypted-entry', messageId: 'encrypted', data: { member }, ...at });
  else if (entry.method !== STORED && entry.method !== DEFLATED) {
    anomalies.add({
      rule: 'zip-unsupported-compression',
      messageId: 'method',
      data: { member, method: entry.method, methodName: zipMethodName(entry.method) },
      ...at,
    });
  }
  if (!local.ok) {
    if (local.reason === 'signature') {
      anomalies.add({ rule: 'zip-bad-local-header', messageId: 'badSignature', data: { member, offset: clampSize(entry.localOffset) }, ...at });
    } else {
      anomalies.add({
        rule: 'zip-data-outside-archive',
        messageId: 'header',
        data: { member, offset: clampSize(entry.localOffset), archiveSize: source.size },
        ...at,
      });
    }
    return;
  }
  if (!sameBytes(local.rawName, entry.rawName)) {
    anomalies.add({
      rule: 'zip-local-name-mismatch',
      messageId: 'mismatch',
      data: { member, localName: new TextDecoder().decode(local.rawName) },
      ...at,
    });
  }
  const dataEnd = local.dataStart + entry.compressedSize;
  if (dataEnd > source.size) {
    anomalies.add({
      rule: 'zip-data-outside-archive',
      messageId: 'data',
      data: { member, end: clampSize(dataEnd), archiveSize: source.size },
      ...at,
    });
  }
  if (entry.method === STORED && entry.compressedSize !== entry.uncompressedSize && !isEncrypted(entry)) {
    anomalies.add({
      rule: 'zip-stored-size-mismatch',
      messageId: 'mismatch',
      data: { member, size: clampSize(entry.uncompressedSize), compressedSize: clampSize(entry.compressedSize) },
      ...at,
    });
  }
  checkBomb(item, limits, anomalies, at);
}

function checkBomb(item: Located, limits: ContainerLimits, anomalies: AnomalyCollector, at: { member: string; byteOffset: number }): void {
  const { entry, member } = item;
  if (entry.method === STORED) return;
  const size = clampSize(entry.uncompressedSize);
  if (entry.uncompressedSize > limits.maxMemberBytes) {
    anomalies.add({ rule: 'zip-bomb', messageId: 'memberSize', data: { member, size, limit: limits.maxMemberBytes }, ...at });
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (ratio > limits.maxRatio) {
    anomalies.add({
      rule: 'zip-bomb',
      messageId: 'ratio',
      data: { member, size, compressedSize: clampSize(entry.compressedSize), ratio: Math.round(Math.min(ratio, Number.MAX_SAFE_INTEGER)), limit: limits.maxRatio },
      ...at,
    });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
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
