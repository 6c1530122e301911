import type { FileHandle } from '@modelgate/plugin-api';

/** Thrown when a read runs past the end of the file or past the reader's limit. */
export class TruncatedError extends Error {
  constructor(
    readonly offset: number,
    readonly wanted: number,
  ) {
    super(`unexpected end of data: needed ${wanted} bytes at offset ${offset}`);
    this.name = 'TruncatedError';
  }
}

/**
 * A little-endian/big-endian cursor over a {@link FileHandle} that reads ahead in chunks, so many
 * small reads cost few file reads. Every read is bounded: `bytes(n)` refuses more than `maxBytes`.
 */
export class BinaryReader {
  private buffer: Uint8Array = new Uint8Array(0);
  private bufferStart = 0;

  constructor(
    private readonly file: FileHandle,
    public position = 0,
    private readonly options: { chunk?: number; maxBytes?: number } = {},
  ) {}

  /** Bytes left before the end of the file. */
  get remaining(): number {
    return Math.max(0, this.file.size - this.position);
  }

  /** Reads exactly `n` bytes or throws {@link TruncatedError}. */
  async bytes(n: number): Promise<Uint8Array> {
    const max = this.options.maxBytes ?? 64 * 1024 * 1024;
    if (!Number.isSafeInteger(n) || n < 0 || n > max) throw new RangeError(`refusing to read ${n} bytes (limit ${max})`);
    const offsetInBuffer = this.position - this.bufferStart;
    if (offsetInBuffer < 0 || offsetInBuffer + n > this.buffer.length) {
      this.buffer = await this.file.read(this.position, Math.max(n, this.options.chunk ?? 64 * 1024));
      this.bufferStart = this.position;
    }
    const start = this.position - this.bufferStart;
    if (start + n > this.buffer.length) throw new TruncatedError(this.position, n);
    this.position += n;
    return this.buffer.subarray(start, start + n);
  }

  private async view(n: number): Promise<DataView> {
    const bytes = await this.bytes(n);
    return new DataView(bytes.buffer, bytes.byteOffset, n);
  }

  async u8(): Promise<number> {
    return (await this.bytes(1))[0]!;
  }
  async u16le(): Promise<number> {
    return (await this.view(2)).getUint16(0, true);
  }
  async u32le(): Promise<number> {
    return (await this.view(4)).getUint32(0, true);
  }
  async u32be(): Promise<number> {
    return (await this.view(4)).getUint32(0, false);
  }
  async i32le(): Promise<number> {
    return (await this.view(4)).getInt32(0, true);
  }
  /** A u64 as a bigint: no precision is lost on hostile values. */
  async u64le(): Promise<bigint> {
    return (await this.view(8)).getBigUint64(0, true);
  }
  async f64le(): Promise<number> {
    return (await this.view(8)).getFloat64(0, true);
  }
  /** `n` bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
  async utf8(n: number): Promise<string> {
    return new TextDecoder().decode(await this.bytes(n));
  }
}
