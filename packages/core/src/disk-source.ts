import { open, type FileHandle as FsFileHandle } from 'node:fs/promises';
import type { ByteSource } from './byte-source.js';

/** Largest single read a scanner may ask for (a safetensors header may be 100 MB). */
export const MAX_READ_BYTES = 128 * 1024 * 1024;

/** A {@link ByteSource} over an open file; counts the bytes it read. */
export class DiskSource implements ByteSource {
  bytesRead = 0;

  private constructor(
    private readonly handle: FsFileHandle,
    readonly size: number,
  ) {}

  static async open(fsPath: string | Buffer): Promise<DiskSource> {
    const handle = await open(fsPath, 'r');
    try {
      const info = await handle.stat();
      return new DiskSource(handle, info.size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The underlying descriptor, for the hashing loop. */
  get fd(): number {
    return this.handle.fd;
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`invalid read offset ${offset}`);
    const wanted = Math.max(0, Math.min(length, this.size - offset, MAX_READ_BYTES));
    if (wanted === 0) return new Uint8Array(0);
    const buffer = Buffer.allocUnsafe(wanted);
    let filled = 0;
    while (filled < wanted) {
      const { bytesRead } = await this.handle.read(buffer, filled, wanted - filled, offset + filled);
      if (bytesRead === 0) break; // the file shrank while we read it
      filled += bytesRead;
    }
    this.bytesRead += filled;
    return filled === wanted ? buffer : buffer.subarray(0, filled);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
