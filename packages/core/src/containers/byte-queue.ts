/**
 * Sequential reading over chunks from an async iterable, with push-back: decoders that must
 * find where one compressed stream ends and the next begins (gzip members) read headers byte by
 * byte and hand unconsumed input back. Holds at most the chunk being consumed plus pushed-back bytes.
 */
export class ByteQueue {
  private readonly pending: Uint8Array[] = [];
  private readonly iterator: AsyncIterator<Uint8Array>;
  private exhausted = false;

  constructor(input: AsyncIterable<Uint8Array>) {
    this.iterator = input[Symbol.asyncIterator]();
  }

  /** The next non-empty chunk, or undefined at the end of the input. */
  async nextChunk(): Promise<Uint8Array | undefined> {
    const queued = this.pending.shift();
    if (queued !== undefined) return queued;
    while (!this.exhausted) {
      const next = await this.iterator.next();
      if (next.done) this.exhausted = true;
      else if (next.value.length > 0) return next.value;
    }
    return undefined;
  }

  /** Puts bytes back in front of the queue. */
  unshift(bytes: Uint8Array): void {
    if (bytes.length > 0) this.pending.unshift(bytes);
  }

  /** The next byte, or -1 at the end of the input. */
  async readByte(): Promise<number> {
    const chunk = await this.nextChunk();
    if (chunk === undefined) return -1;
    this.unshift(chunk.subarray(1));
    return chunk[0] as number;
  }

  /** Skips `count` bytes; returns false when the input ends first. */
  async skip(count: number): Promise<boolean> {
    let left = count;
    while (left > 0) {
      const chunk = await this.nextChunk();
      if (chunk === undefined) return false;
      if (chunk.length > left) this.unshift(chunk.subarray(left));
      left -= Math.min(left, chunk.length);
    }
    return true;
  }

  /** Reads up to `count` bytes (fewer only at the end of the input). */
  async read(count: number): Promise<Uint8Array> {
    const out = new Uint8Array(count);
    let at = 0;
    while (at < count) {
      const chunk = await this.nextChunk();
      if (chunk === undefined) break;
      const take = Math.min(count - at, chunk.length);
      out.set(chunk.subarray(0, take), at);
      this.unshift(chunk.subarray(take));
      at += take;
    }
    return out.subarray(0, at);
  }

  /** Stops reading the underlying input. */
  async close(): Promise<void> {
    this.exhausted = true;
    await this.iterator.return?.();
  }
}
