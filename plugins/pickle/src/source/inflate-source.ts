import { createInflate, type Inflate } from 'node:zlib';
import type { ByteSource } from './byte-source.js';

/** Decoded bytes kept behind the furthest read, so short backward reads need no restart. */
const WINDOW = 1 << 20;
const INPUT_CHUNK = 1 << 16;

/**
 * A forward-decoding {@link ByteSource} over a zlib stream (joblib's zlib compression), with
 * an inflate limit. Memory: one window plus node:zlib's state. A read before the window
 * restarts decoding from the start. `size` is `Infinity` until the end has been decoded.
 */
export class InflateSource implements ByteSource {
  size = Infinity;
  /** Set when the stream was corrupt or over the limit; reads then stop there. */
  error: string | undefined;
  private window = new Uint8Array(0);
  private windowStart = 0;
  private inflate: Inflate | undefined;
  private inputAt = 0;
  private pending: Uint8Array[] = [];
  private done = false;

  constructor(
    private readonly input: ByteSource,
    private readonly inputStart: number,
    private readonly maxOutput: number,
  ) {}

  private restart(): void {
    this.inflate?.destroy();
    this.inflate = createInflate();
    this.inflate.on('data', (chunk: Buffer) => this.pending.push(chunk));
    this.inflate.on('error', (error: Error) => {
      this.error = error.message;
      this.done = true;
    });
    this.inputAt = this.inputStart;
    this.window = new Uint8Array(0);
    this.windowStart = 0;
    this.pending = [];
    this.done = false;
  }

  private get windowEnd(): number {
    return this.windowStart + this.window.length;
  }

  /** Decodes one more input chunk into the window. */
  private async step(): Promise<void> {
    const inflate = this.inflate!;
    if (this.inputAt >= this.input.size) {
      await new Promise<void>((resolve) => inflate.end(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      this.done = true;
    } else {
      const chunk = await this.input.read(this.inputAt, INPUT_CHUNK);
      if (chunk.length === 0) this.inputAt = this.input.size;
      this.inputAt += chunk.length;
      await new Promise<void>((resolve) => inflate.write(chunk, () => resolve()));
      await new Promise<void>((resolve) => inflate.flush(() => resolve()));
    }
    if (this.pending.length) {
      const fresh = Buffer.concat(this.pending);
      this.pending = [];
      const keepFrom = Math.max(0, this.window.length - WINDOW);
      const merged = new Uint8Array(this.window.length - keepFrom + fresh.length);
      merged.set(this.window.subarray(keepFrom));
      merged.set(fresh, this.window.length - keepFrom);
      this.windowStart += keepFrom;
      this.window = merged;
    }
    if (this.windowEnd > this.maxOutput) {
      this.error = `decompressed data exceeds the ${this.maxOutput}-byte limit`;
      this.done = true;
    }
    if (this.done) this.size = Math.min(this.windowEnd, this.maxOutput);
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (!this.inflate || offset < this.windowStart) this.restart();
    const end = offset + length;
    while (this.windowEnd < end && !this.done) await this.step();
    const from = Math.max(0, offset - this.windowStart);
    const to = Math.max(from, Math.min(this.window.length, end - this.windowStart, this.size - this.windowStart));
    return this.window.slice(from, to);
  }

  /** Releases the decoder. */
  close(): void {
    this.inflate?.destroy();
  }
}
