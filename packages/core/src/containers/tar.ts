import type { ByteSource } from '../byte-source.js';
import { AnomalyCollector } from './anomalies.js';
import { ContainerError } from './errors.js';
import { unsafePathReason } from './member-names.js';
import { SliceSource } from './slice-source.js';
import { BLOCK, checksumMatches, isZeroBlock, longName, parseHeader, parsePax, type TarHeader } from './tar-header.js';
import type { ContainerLimits, ContainerMember, OpenedContainer } from './types.js';

/** Largest GNU long name or PAX header accepted (they are read into memory). */
export const MAX_TAR_METADATA = 1024 * 1024;

/** Types without data; their size field is ignored, as Python's tarfile does. */
const NO_DATA_TYPES = new Set(['1', '2', '3', '4', '5', '6']);
const SPECIAL_KINDS: Record<string, string> = { '3': 'character device', '4': 'block device', '6': 'fifo' };

/** Metadata that applies to the next entry (GNU 'L'/'K', PAX 'x') or to all following ones (PAX 'g'). */
interface Overrides {
  path?: string;
  linkPath?: string;
  size?: number;
}

/** One tar listing in progress. */
class TarWalk {
  readonly members: ContainerMember[] = [];
  readonly anomalies = new AnomalyCollector();
  private readonly seen = new Set<string>();
  private next: Overrides = {};
  private global: Overrides = {};
  private offset = 0;

  constructor(
    private readonly source: ByteSource,
    private readonly limits: ContainerLimits,
  ) {}

  async run(): Promise<void> {
    for (let first = true; ; first = false) {
      const block = await this.readFrom(this.offset, BLOCK);
      if (first) checkFirstBlock(block);
      if (block.length === 0 || isZeroBlock(block)) return;
      if (block.length < BLOCK) {
        this.truncated('header');
        return;
      }
      if (!checksumMatches(block)) {
        this.corrupt('checksum');
        return;
      }
      if (!(await this.entry(parseHeader(block)))) return;
    }
  }

  /** Handles one header; returns false when listing must stop. */
  private async entry(header: TarHeader): Promise<boolean> {
    if (Number.isNaN(header.size)) return this.corrupt('size');
    const dataStart = this.offset + BLOCK;
    if ('LKxg'.includes(header.type)) {
      if (header.size > MAX_TAR_METADATA) return this.corrupt('metadata');
      const data = await this.readFrom(dataStart, header.size);
      if (data.length < header.size) return this.truncated('data');
      this.applyMetadata(header.type, data);
      this.offset = dataStart + roundUp(header.size);
      return true;
    }
    if (this.members.length >= this.limits.maxEntries) {
      this.anomalies.add({ rule: 'tar-too-many-entries', messageId: 'entries', data: { limit: this.limits.maxEntries }, byteOffset: this.offset });
      return false;
    }
    const name = this.next.path ?? this.global.path ?? header.name;
    const size = NO_DATA_TYPES.has(header.type) ? 0 : (this.next.size ?? this.global.size ?? header.size);
    const linkName = this.next.linkPath ?? this.global.linkPath ?? header.linkName;
    this.next = {};
    this.addMember(header.type, name, size, linkName, dataStart);
    if (size > 0 && (await this.readFrom(dataStart + size - 1, 1)).length === 0) return this.truncated('data', name);
    this.offset = dataStart + roundUp(size);
    return true;
  }

  private applyMetadata(type: string, data: Uint8Array): void {
    if (type === 'L') this.next.path = longName(data);
    else if (type === 'K') this.next.linkPath = longName(data);
    else {
      const records = parsePax(data);
      const target = type === 'g' ? this.global : this.next;
      const path = records.get('path');
      const linkPath = records.get('linkpath');
      const size = Number(records.get('size'));
      if (path !== undefined) target.path = path;
      if (linkPath !== undefined) target.linkPath = linkPath;
      if (records.has('size') && Number.isSafeInteger(size) && size >= 0) target.size = size;
    }
  }

  private addMember(type: string, name: string, size: number, linkName: string, dataStart: number): void {
    const at = { member: name, byteOffset: this.offset };
    const unsafe = unsafePathReason(name, false);
    if (unsafe) this.anomalies.add({ rule: 'tar-path-traversal', messageId: 'unsafePath', data: { member: name, reason: unsafe }, ...at });
    if (this.seen.has(name)) this.anomalies.add({ rule: 'tar-duplicate-name', messageId: 'duplicate', data: { member: name }, ...at });
    this.seen.add(name);
    if (type === '1' || type === '2') {
      const messageId = type === '2' ? 'symlink' : 'hardlink';
      const escapes = unsafePathReason(linkName, false) !== undefined ? 'yes' : 'no';
      this.anomalies.add({ rule: 'tar-link', messageId, data: { member: name, target: linkName, escapes }, ...at });
    }
    const special = SPECIAL_KINDS[type];
    if (special) this.anomalies.add({ rule: 'tar-special-file', messageId: 'special', data: { member: name, kind: special }, ...at });
    const isDirectory = NO_DATA_TYPES.has(type) || name.endsWith('/');
    const length = isDirectory ? 0 : size;
    const source = this.source;
    this.members.push({
      name,
      size,
      headerOffset: this.offset,
      isDirectory,
      open: () => new SliceSource(source, dataStart, length),
    });
  }

  /**
   * Reads without clipping at `source.size`: inside a gzip/bzip2 stream that size is only an
   * estimate, and a short read is what tells the end.
   */
  private async readFrom(offset: number, length: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(offset + length)) return new Uint8Array(0);
    return this.source.read(offset, length);
  }

  private truncated(what: 'header' | 'data', member?: string): false {
    this.anomalies.add({
      rule: 'tar-truncated',
      messageId: what,
      data: { offset: this.offset, ...(member !== undefined && { member }) },
      byteOffset: this.offset,
      ...(member !== undefined && { member }),
    });
    return false;
  }

  private corrupt(what: 'checksum' | 'size' | 'metadata'): false {
    this.anomalies.add({ rule: 'tar-corrupt', messageId: what, data: { offset: this.offset }, byteOffset: this.offset });
    return false;
  }
}

function roundUp(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}

/** The first block decides whether this is a tar at all. */
function checkFirstBlock(block: Uint8Array): void {
  if (block.length === 0) throw new ContainerError('TAR_CORRUPT', 'not a tar archive: empty');
  if (block.length < BLOCK) throw new ContainerError('TAR_CORRUPT', 'not a tar archive: shorter than one header block');
  if (!isZeroBlock(block) && !checksumMatches(block)) throw new ContainerError('TAR_CORRUPT', 'not a tar archive: bad header checksum');
}

/**
 * Lists a tar archive (v7, ustar, GNU long names 'L'/'K', PAX 'x'/'g' with `path`, `linkpath`,
 * `size`) by hopping from header to header: one 512-byte read per entry, member data never read.
 * Regular files read straight through; links, directories, devices and fifos are listed as
 * non-files and never followed. Listing stops at the end marker, the end of the file, or the
 * first bad header (reported).
 */
export async function openTar(source: ByteSource, limits: ContainerLimits): Promise<OpenedContainer> {
  const walk = new TarWalk(source, limits);
  await walk.run();
  return { members: walk.members, anomalies: walk.anomalies.list };
}
