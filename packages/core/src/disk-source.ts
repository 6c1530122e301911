import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource } from './byte-source.js';

/** Largest single read a scanner may ask for (a safetensors header may be 100 MB). */
export const MAX_READ_BYTES = 128 * 1024 * 1024;
/** Files up to this size are kept in memory once a read returned all of them. */
export const KEEP_WHOLE_BYTES = 64 * 1024;

/**
 * A {@link ByteSource} over an open file; counts the bytes it read from disk.
 *
 * I/O is synchronous on purpose: sources live in worker threads (or an in-process scan that
 * blocks anyway), and a synchronous `pread` costs microseconds where a promise round trip through
 * libuv's thread pool costs tens — the difference between 2,000 and 10,000 small files a second.
 * Deadlines do not rely on timers firing: every read checks the clock first.
 *
 * When one read returns the whole of a small file (the sniffing read often does), the bytes are
 * kept and later reads are copied from them: the engine's last-byte check, the plugins' reads and
 * the hash of a small file then cost no system call.
 */
export class DiskSource implements ByteSource {
  bytesRead = 0;
  private closed = false;
  /** The whole file, once one read returned all of it. */
  private whole: Uint8Array | undefined;

  private constructor(
    readonly fd: number,
    readonly size: number,
  ) {}

  /** {@link openSync}, settled a turn later (callers awaiting it let cancellation in between files). */
  static async open(fsPath: string | Uint8Array): Promise<DiskSource> {
    return DiskSource.openSync(fsPath);
  }

  /**
   * Opens a file for reading. `fsPath` is a string, or the raw bytes of a name that is not UTF-8
   * (a plain Uint8Array once it has crossed to a worker thread).
   */
  static openSync(fsPath: string | Uint8Array): DiskSource {
    const fd = openSync(typeof fsPath === 'string' ? fsPath : Buffer.from(fsPath), 'r');
    try {
      return new DiskSource(fd, fstatSync(fd).size);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (this.closed) throw new Error('file already closed');
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`invalid read offset ${offset}`);
    const wanted = Math.max(0, Math.min(length, this.size - offset, MAX_READ_BYTES));
    if (wanted === 0) return new Uint8Array(0);
    if (this.whole) return this.whole.slice(offset, offset + wanted);
    const buffer = Buffer.allocUnsafe(wanted);
    let filled = 0;
    while (filled < wanted) {
      const n = readSync(this.fd, buffer, filled, wanted - filled, offset + filled);
      if (n === 0) break; // the file shrank while we read it
      filled += n;
    }
    this.bytesRead += filled;
    if (offset === 0 && filled === this.size && filled <= KEEP_WHOLE_BYTES) {
      // A copy, as a plain Uint8Array whose slice() copies (Buffer's does not): a caller that
      // writes into the bytes it got changes nobody else's.
      this.whole = new Uint8Array(buffer);
      return buffer;
    }
    return filled === wanted ? buffer : buffer.subarray(0, filled);
  }

  /** The whole file when a read already returned all of it (see the class comment). */
  get cachedContent(): Uint8Array | undefined {
    return this.whole;
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
