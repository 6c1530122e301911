import { ReadableStream, type ReadableStreamDefaultReader } from 'node:stream/web';
import xzDecompress from 'xz-decompress';
import type { Decoder } from './decoder.js';

/**
 * xz-decompress (xz-embedded compiled to WebAssembly) runs at most one decompression context
 * per process: a second stream waits until the first finishes or is cancelled. A member that
 * was read halfway and then left alone would block every other xz member forever. So decoders
 * here take turns: each pull holds a process-wide lock, and a decoder that needs the context
 * while another one holds it cancels the other's stream. The preempted decoder restarts from
 * the beginning at its next pull and skips what it had already produced (correct, but
 * quadratic when two xz members are read in alternation; rare for a scanner).
 */
let owner: XzRun | undefined;
let lock: Promise<unknown> = Promise.resolve();

function setOwner(run: XzRun | undefined): void {
  owner = run;
}

function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const result = lock.then(work);
  lock = result.catch(() => undefined);
  return result;
}

class XzRun {
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private produced = 0;

  constructor(private readonly openInput: () => AsyncIterable<Uint8Array>) {}

  /** The next decoded chunk, or undefined at the end. Call only inside {@link exclusive}. */
  async next(): Promise<Uint8Array | undefined> {
    let skip = 0;
    if (owner !== this || this.reader === undefined) {
      await owner?.suspend();
      const compressed = ReadableStream.from(this.openInput());
      this.reader = new xzDecompress.XzReadableStream(compressed).getReader();
      setOwner(this);
      skip = this.produced;
    }
    for (;;) {
      let result;
      try {
        result = await this.reader.read();
      } catch (error) {
        this.forget();
        throw describeXzError(error);
      }
      if (result.done) {
        this.forget();
        return undefined;
      }
      let chunk = result.value;
      if (skip > 0) {
        const dropped = Math.min(skip, chunk.length);
        chunk = chunk.subarray(dropped);
        skip -= dropped;
      }
      if (chunk.length === 0) continue;
      this.produced += chunk.length;
      return chunk;
    }
  }

  /** Cancels the stream, releasing the shared context. Call only inside {@link exclusive}. */
  async suspend(): Promise<void> {
    const reader = this.reader;
    this.forget();
    await reader?.cancel().catch(() => undefined);
  }

  private forget(): void {
    this.reader = undefined;
    if (owner === this) setOwner(undefined);
  }
}

/** xz-embedded's `enum xz_ret` values above XZ_STREAM_END. */
const XZ_ERRORS: Record<string, string> = {
  '2': 'unsupported integrity check',
  '3': 'out of memory',
  '4': 'dictionary larger than the 64 MiB limit',
  '5': 'not xz data (bad stream header)',
  '6': 'unsupported xz options',
  '7': 'corrupt xz data',
  '8': 'truncated xz data or trailing garbage',
};

function describeXzError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const code = /error code (\d+)/.exec(message)?.[1];
  if (code !== undefined && XZ_ERRORS[code] !== undefined) return new Error(`${XZ_ERRORS[code]} (xz_ret ${code})`);
  if (error instanceof TypeError) return new Error('truncated xz data');
  return error instanceof Error ? error : new Error(message);
}

/**
 * xz (`.xz`, all streams of a concatenated file, with stream padding), through xz-decompress.
 * Dictionaries above 64 MiB (beyond `xz -9`) are refused by the decoder with an error, which
 * bounds its memory; output comes in chunks of the decoder's buffer size as the consumer pulls.
 */
export const xzDecoder: Decoder = async function* (openInput) {
  const run = new XzRun(openInput);
  try {
    for (;;) {
      const chunk = await exclusive(() => run.next());
      if (chunk === undefined) return;
      yield chunk;
    }
  } finally {
    await exclusive(() => run.suspend());
  }
};
