import type { ByteSource } from '../byte-source.js';

/**
 * A window `[start, start + size)` of another source: stored archive members are read
 * straight through with offset arithmetic, never copied.
 */
export class SliceSource implements ByteSource {
  constructor(
    private readonly source: ByteSource,
    private readonly start: number,
    readonly size: number,
  ) {}

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= this.size || length <= 0) return new Uint8Array(0);
    return this.source.read(this.start + offset, Math.min(length, this.size - offset));
  }
}

/** A member whose bytes cannot be produced (encrypted, unsupported method, corrupt header): every read throws. */
export class UnreadableSource implements ByteSource {
  constructor(
    readonly size: number,
    private readonly error: () => Error,
  ) {}

  async read(): Promise<Uint8Array> {
    throw this.error();
  }
}
