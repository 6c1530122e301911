import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from './byte-source.js';

/** Largest single read a scanner may ask for (a safetensors header may be 100 MB). */
export const MAX_READ_BYTES = 128 * 1024 * 1024;
/** Files up to this size can be kept in memory whole (see {@link DiskSource.keepWhole}). */
export const KEEP_WHOLE_BYTES = 64 * 1024;

/**
 * Flags of every open: read-only, and non-blocking so that a file replaced by a FIFO after the
 * walk does not block the thread in `open` until some writer appears (O_NONBLOCK changes nothing
 * for regular files; it is 0 where the platform has none).
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Opens a file for reading with {@link READ_FLAGS}. `fsPath` is a string, or the raw bytes of a
 * name that is not UTF-8 (a plain Uint8Array once it has crossed to a worker thread).
 */
export function openForReading(fsPath: string | Uint8Array): number {
  return openSync(typeof fsPath === 'string' ? fsPath : Buffer.from(fsPath), READ_FLAGS);
}

/** Reads into `buffer` from `position` until it is full or the file ends; returns the bytes read. */
function readInto(fd: number, buffer: Buffer, position: number): number {
  let filled = 0;
  while (filled < buffer.length) {
    const n = readSync(fd, buffer, filled, buffer.length - filled, position + filled);
    if (n === 0) break; // the end of the file (which may have shrunk while we read it)
    filled += n;
  }
  return filled;
}

/**
 * A {@link ByteSource} over an open file; counts the bytes it read from disk.
 *
 * I/O is synchronous on purpose: sources live in worker threads (or an in-process scan that
 * blocks anyway), and a synchronous `pread` costs microseconds where a promise round trip through
 * libuv's thread pool costs tens — the difference between 2,000 and 10,000 small files a second.
 * Deadlines do not rely on timers firing: every read checks the clock first.
 *
 * A small file can be kept in memory whole ({@link keepWhole}): its later reads are then copies
 * of those bytes, and the engine's own reads ({@link peek}) views of them, so that sniffing,
 * plugins and the digest of a small file cost one system call.
 */
export class DiskSource implements ByteSource {
  bytesRead = 0;
  private closed = false;
  /** The whole file, once {@link keepWhole} read it: a plain Uint8Array, whose slice() copies. */
  private whole: Uint8Array | undefined;

  private constructor(
    readonly fd: number,
    readonly size: number,
  ) {}

  /** {@link openSync}, settled a turn later (callers awaiting it let cancellation in between files). */
  static async open(fsPath: string | Uint8Array): Promise<DiskSource> {
    return DiskSource.openSync(fsPath);
  }

  /** Opens a regular file for reading (see {@link openForReading}). */
  static openSync(fsPath: string | Uint8Array): DiskSource {
    const fd = openForReading(fsPath);
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) throw Object.assign(new Error('no longer a regular file (it was replaced after the directory was listed)'), { code: 'NOT_REGULAR_FILE' });
      return new DiskSource(fd, stats.size);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Reads the whole file into memory, in one read, if it is no larger than {@link KEEP_WHOLE_BYTES}. */
  keepWhole(): void {
    if (this.whole || this.closed || this.size > KEEP_WHOLE_BYTES || this.size === 0) return;
    let bytes: Buffer;
    try {
      bytes = this.readFromDisk(0, this.size);
    } catch {
      return; // nothing kept: the next read fails the same way, where its caller reports it
    }
    if (bytes.length === this.size) this.whole = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** True once {@link keepWhole} has the whole file in memory. */
  get kept(): boolean {
    return this.whole !== undefined;
  }

  /**
   * Bytes already in memory (see {@link keepWhole}), as a view: for the engine's own reads, which
   * never modify them. Undefined when the file is not kept.
   */
  peek(offset: number, length: number): Uint8Array | undefined {
    return this.whole?.subarray(offset, offset + Math.max(0, length));
  }

  /**
   * The engine's own synchronous read (sniffing): a view of the kept bytes, or a fresh read from
   * disk, of at most `length` bytes at `offset` (fewer at the end of the file). Never handed to
   * plugins.
   */
  readOwn(offset: number, length: number): Uint8Array {
    const wanted = Math.max(0, Math.min(length, this.size - offset));
    return this.peek(offset, wanted) ?? this.readFromDisk(offset, wanted);
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (this.closed) throw new Error('file already closed');
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`invalid read offset ${offset}`);
    const wanted = Math.max(0, Math.min(length, this.size - offset, MAX_READ_BYTES));
    if (wanted === 0) return new Uint8Array(0);
    // A copy: a plugin that writes into the bytes it got changes neither another's nor the digest.
    if (this.whole) return this.whole.slice(offset, offset + wanted);
    return this.readFromDisk(offset, wanted);
  }

  private readFromDisk(offset: number, wanted: number): Buffer {
    const buffer = Buffer.allocUnsafe(wanted);
    const filled = readInto(this.fd, buffer, offset);
    this.bytesRead += filled;
    return filled === wanted ? buffer : buffer.subarray(0, filled);
  }

  async close(): Promise<void> {
    this.closeSync();
  }

  closeSync(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/** This thread's buffer for {@link readSmallFile}: one more byte than a small file may have. */
let scratch: Buffer | undefined;

/**
 * Reads an open file (see {@link openForReading}) to its end into this thread's scratch buffer, if it has at most {@link KEEP_WHOLE_BYTES} bytes; undefined when it is larger. The view
 * it returns is valid until the next call on the same thread. No `fstat`: the file's size is what
 * the reads found.
 */
export function readSmallFile(fd: number): Uint8Array | undefined {
  const buffer = (scratch ??= Buffer.allocUnsafe(KEEP_WHOLE_BYTES + 1));
  const filled = readInto(fd, buffer, 0);
  return filled > KEEP_WHOLE_BYTES ? undefined : buffer.subarray(0, filled);
}
