import zlib from 'node:zlib';
import { ByteQueue } from './byte-queue.js';
import type { Decoder } from './decoder.js';
import { readGzipHeader } from './gzip-header.js';

/** Size of the chunks node:zlib hands back. */
const OUTPUT_CHUNK = 64 * 1024;
/** gzip member trailer: CRC32 and ISIZE. */
const GZIP_TRAILER = 8;

/**
 * Inflates one raw deflate stream from `input` with node:zlib, yielding output as it comes.
 * Each compressed chunk is written and fully processed before the next is read, so one step
 * inflates at most what its input chunk holds. When the deflate stream ends, the input bytes
 * after it are pushed back into `input` (node:zlib counts consumed input in `bytesWritten`).
 * Throws node:zlib's error for corrupt or truncated data, after yielding what came before it.
 */
export async function* inflateRawStream(input: ByteQueue): AsyncGenerator<Uint8Array, void, undefined> {
  const stream = zlib.createInflateRaw({ chunkSize: OUTPUT_CHUNK });
  const output: Uint8Array[] = [];
  let failure: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  stream.on('data', (chunk: Buffer) => output.push(chunk));
  stream.on('error', (error: Error) => {
    failure = error;
    wake?.();
  });
  stream.on('end', () => {
    ended = true;
    wake?.();
  });
  /** Runs `start` and waits until it calls back, or the stream fails or ends. */
  const step = (start: (done: () => void) => void) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      if (failure !== undefined || ended) resolve();
      else start(resolve);
    });
  let written = 0;
  let last: Uint8Array = new Uint8Array(0);
  try {
    for (;;) {
      const chunk = await input.nextChunk();
      if (chunk === undefined) break;
      last = chunk;
      written += chunk.length;
      await step((done) => stream.write(chunk, () => done()));
      while (output.length > 0) yield output.shift() as Uint8Array;
      if (failure !== undefined) throw failure;
      if (ended) {
        const unconsumed = written - stream.bytesWritten;
        input.unshift(last.subarray(last.length - unconsumed));
        return;
      }
    }
    await step(() => stream.end());
    while (output.length > 0) yield output.shift() as Uint8Array;
    if (failure !== undefined) throw failure;
  } finally {
    stream.destroy();
  }
}

/** Raw deflate, as in ZIP method 8. Bytes after the end of the deflate stream are ignored. */
export const deflateRawDecoder: Decoder = async function* (openInput) {
  const input = new ByteQueue(openInput());
  try {
    yield* inflateRawStream(input);
  } finally {
    await input.close();
  }
};

/**
 * gzip (RFC 1952), all members of a multi-member file in order, like `gunzip`. Zero padding
 * between or after members is skipped; anything else after a complete member is ignored as
 * trailing garbage (as `gunzip` does, with a warning). CRC32 and ISIZE are not checked.
 */
export const gzipDecoder: Decoder = async function* (openInput) {
  const input = new ByteQueue(openInput());
  try {
    let first = true;
    for (;;) {
      if (!first && !(await startsAnotherMember(input))) return;
      const header = await readGzipHeader(input);
      if (header === undefined) {
        if (first) throw new Error('empty gzip stream');
        return;
      }
      first = false;
      yield* inflateRawStream(input);
      if (!(await input.skip(GZIP_TRAILER))) throw new Error('truncated gzip trailer');
    }
  } finally {
    await input.close();
  }
};

/** Skips zero padding; true when what follows starts with the gzip magic. */
async function startsAnotherMember(input: ByteQueue): Promise<boolean> {
  for (;;) {
    const chunk = await input.nextChunk();
    if (chunk === undefined) return false;
    const start = chunk.findIndex((byte) => byte !== 0);
    if (start < 0) continue;
    const rest = chunk.subarray(start);
    input.unshift(rest);
    if (rest[0] !== 0x1f) return false;
    const magic = await input.read(2);
    input.unshift(magic);
    return magic[1] === 0x8b;
  }
}
