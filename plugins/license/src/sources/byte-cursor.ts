import type { FileHandle } from '@modelgate/plugin-api';

/** Thrown when a bounded header read would pass its byte budget or the end of the file. */
export class OutOfBounds extends Error {}

/**
 * Sequential little-endian reader over a file handle that fetches chunks on demand and never
 * reads past `limit` bytes from the start: headers are parsed without reading whole files.
 */
export class ByteCursor {
  private buffer: Uint8Array = new Uint8Array(0);
  private bufferStart = 0;
  offset = 0;

  constructor(
    private readonly file: FileHandle,
    private readonly limit: number,
    private readonly chunk = 64 * 1024,
  ) {}

  private async ensure(length: number): Promise<void> {
    const end = this.offset + length;
    if (end > Math.min(this.limit, this.file.size)) throw new OutOfBounds(`header passes ${end > this.file.size ? 'the end of the file' : `the ${this.limit}-byte read limit`}`);
    if (this.offset >= this.bufferStart && end <= this.bufferStart + this.buffer.length) return;
    const size = Math.min(Math.max(length, this.chunk), Math.min(this.limit, this.file.size) - this.offset);
    this.buffer = await this.file.read(this.offset, size);
    this.bufferStart = this.offset;
    if (this.buffer.length < length) throw new OutOfBounds('the file ended early');
  }

  /** Reads `length` bytes. */
  async bytes(length: number): Promise<Uint8Array> {
    await this.ensure(length);
    const at = this.offset - this.bufferStart;
    this.offset += length;
    return this.buffer.subarray(at, at + length);
  }

  /** Skips `length` bytes without reading them. */
  skip(length: number | bigint): void {
    const n = Number(length);
    if (this.offset + n > Math.min(this.limit, this.file.size)) throw new OutOfBounds('skip passes the read limit');
    this.offset += n;
  }

  async u32(): Promise<number> {
    const b = await this.bytes(4);
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
  }

  async u64(): Promise<bigint> {
    const b = await this.bytes(8);
    return new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
  }
}
