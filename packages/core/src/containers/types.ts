import type { ByteSource } from '../byte-source.js';

/** Safety limits for container expansion; exceeding one becomes a finding, never a crash. */
export interface ContainerLimits {
  /** Most members listed per container. */
  maxEntries: number;
  /** Most bytes inflated from one member. */
  maxMemberBytes: number;
  /** Most bytes inflated from all members of one container together. */
  maxTotalBytes: number;
  /** Largest declared uncompressed/compressed ratio accepted before a member is treated as a bomb. */
  maxRatio: number;
}

/** An anomaly in a container, reported by the engine as a `container/<rule>` finding. */
export interface ContainerAnomaly {
  /** Rule name in the `container` namespace, e.g. `zip-local-name-mismatch`. */
  rule: string;
  messageId: string;
  data: Record<string, string | number>;
  byteOffset?: number;
  /** Member the anomaly concerns, when one. */
  member?: string;
}

/** One member of an opened container. */
export interface ContainerMember {
  /** Member path as stored (posix separators). */
  name: string;
  /** Declared uncompressed size. */
  size: number;
  /**
   * True when `size` is only an estimate: gzip/bzip2/xz files do not declare the size of what
   * they hold (gzip's ISIZE is modulo 2^32 and covers the last member only). Display only.
   */
  sizeIsEstimate?: boolean;
  /**
   * Present when `sizeIsEstimate`: decodes the member to its end (within the limits, throwing
   * `LimitError` as a read would) and resolves to its exact size. Costs one full decompression;
   * call it when an exact size matters (formats that check their own length, tail reads).
   */
  measureSize?(): Promise<number>;
  /** Stored (compressed) size, when known. */
  compressedSize?: number;
  /** Offset of the member's header in the container, for finding locations. */
  headerOffset?: number;
  /** True for directories and other non-file entries, which are listed but never opened. */
  isDirectory: boolean;
  /**
   * Random access to the member's bytes. Stored members read straight through; compressed ones
   * inflate lazily only as far as the reads go, restarting on backward seeks, and throw
   * LimitError past `maxMemberBytes` or the container's `maxTotalBytes`.
   */
  open(): ByteSource;
}

export interface OpenedContainer {
  members: ContainerMember[];
  anomalies: ContainerAnomaly[];
}
