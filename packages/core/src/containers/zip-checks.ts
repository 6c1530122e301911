import type { ByteSource } from '../byte-source.js';
import type { AnomalyCollector } from './anomalies.js';
import { RATIO_FLOOR } from './decoded-source.js';
import { unsafePathReason } from './member-names.js';
import type { ContainerLimits } from './types.js';
import type { CentralEntry } from './zip-central-directory.js';
import type { LocalHeader } from './zip-local-header.js';
import { zipMethodName } from './zip-names.js';

export const STORED = 0;
export const DEFLATED = 8;
const AES_ENCRYPTED = 99;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;

/** An entry with its local header, and the byte range it occupies when that header is valid. */
export interface Located {
  entry: CentralEntry;
  /** Member name: the central directory name with posix separators. */
  member: string;
  local: LocalHeader;
  /** `[localOffset, dataEnd)` as declared, when the local header was read. */
  range?: [number, number];
}

/** Clamps hostile 64-bit values for reporting. */
export function clampSize(value: number): number {
  return Math.min(value, Number.MAX_SAFE_INTEGER);
}

export function isEncrypted(entry: CentralEntry): boolean {
  return (entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0 || entry.method === AES_ENCRYPTED;
}

export /** Bytes before the first entry (or before the directory of an empty archive): a prepended file or a polyglot. */
function reportPrefix(located: Located[], directoryStart: number, anomalies: AnomalyCollector): void {
  const first = located.reduce((min, item) => (item.local.ok ? Math.min(min, item.entry.localOffset) : min), directoryStart);
  if (first > 0) anomalies.add({ rule: 'zip-prefix-data', messageId: 'prefix', data: { bytes: first }, byteOffset: 0 });
}

export /** Entries whose header-and-data ranges overlap: the overlapping-file zip bomb, or a crafted differential. */
function reportOverlaps(located: Located[], anomalies: AnomalyCollector): void {
  const spans = located
    .flatMap((item) => (item.range ? [{ item, start: item.range[0], end: item.range[1] }] : []))
    .sort((a, b) => a.start - b.start);
  let widest: (typeof spans)[number] | undefined;
  for (const span of spans) {
    if (widest !== undefined && span.start < widest.end) {
      anomalies.add({
        rule: 'zip-overlapping-entries',
        messageId: 'overlap',
        data: { member: span.item.member, other: widest.item.member },
        byteOffset: span.start,
        member: span.item.member,
      });
    }
    if (widest === undefined || span.end > widest.end) widest = span;
  }
}

/** Per-entry anomalies: names, encryption, method, local header, data range, sizes. */
export function checkEntry(item: Located, source: ByteSource, limits: ContainerLimits, seen: Set<string>, anomalies: AnomalyCollector): void {
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
  if (entry.uncompressedSize > RATIO_FLOOR && ratio > limits.maxRatio) {
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
