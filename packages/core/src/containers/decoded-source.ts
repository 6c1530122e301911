import { LimitError, type ByteSource } from '../byte-source.js';
import { readRange } from './binary.js';
import type { Decoder } from './decoder.js';
import { ContainerError } from './errors.js';
import type { InflateBudget } from './limits.js';

/** Decoded bytes kept behind the furthest decoded offset, so short backward seeks do not restart. */
export const WINDOW_KEEP = 1024 * 1024;
/** The ratio limit applies once a member has inflated this much: tiny, highly compressible data is fine. */
export const RATIO_FLOOR = 1024 * 1024;
/** Compressed input is fed in steps aiming at about this much output per step... */
const OUTPUT_STEP = 1024 * 1024;
/** ...of at least this many compressed bytes (also the first step, before any ratio is known)... */
const MIN_INPUT_STEP = 1024;
/** ...and at most this many, which bounds what one step can inflate to (deflate: ~1032x). */
const MAX_INPUT_STEP = 16 * 1024;

/** What one lazily decoded member needs to know. */
export interface DecodedSourceOptions {
  /** The container's bytes. */
  source: ByteSource;
  /** Where the compressed stream starts in `source`, and its length. */
  start: number;
  length: number;
  decoder: Decoder;
  /** Format name for messages, e.g. `deflate`, `gzip`. */
  format: string;
  /** Member name for messages. */
  name: string;
  /** `size` until the end of the stream has been reached (then the exact decoded length). */
  sizeHint: number;
  /** True when `sizeHint` is known to be exact (a ZIP's declared size is taken as such). */
  sizeExact: boolean;
  maxMemberBytes: number;
  maxRatio: number;
  budget: InflateBudget;
  /** Furthest offset this member ever inflated to, shared by all sources opened on it. */
  highWater: { value: number };
}

interface Session {
  chunks: AsyncGenerator<Uint8Array, void, undefined>;
  /** Decoded offset just past the last chunk pulled. */
  pos: number;
  /** Compressed bytes read by this session so far. */
  consumed: number;
  done: boolean;
  /** The member limit cut the last chunk: there is more data than may be inflated. */
  atLimit: boolean;
}

interface WindowChunk {
  start: number;
  bytes: Uint8Array;
}

/**
 * Random access to a compressed stream that inflates lazily: a read decodes only as far as it
 * reaches, keeps at most {@link WINDOW_KEEP} bytes behind the decoding position (plus the range
 * being read), and restarts decoding from the first byte on a seek before that window.
 *
 * Limits: decoding past `maxMemberBytes` throws `LimitError('LIMIT_INFLATE')`; new bytes are
 * charged to the container's {@link InflateBudget}, which throws `LIMIT_INFLATE` past
 * `maxTotalBytes`; past {@link RATIO_FLOOR} decoded bytes, a decoded/compressed ratio above
 * `maxRatio` throws `LimitError('LIMIT_RATIO')`. Corrupt data throws a ContainerError with code
 * `DECOMPRESS_ERROR`. Reads are served in order, one at a time.
 */
export class DecodedSource implements ByteSource {
  private session: Session | undefined;
  private window: WindowChunk[] = [];
  private exactSize: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DecodedSourceOptions) {}

  /** The size hint, or the exact decoded length once decoding has reached the end. */
  get size(): number {
    return this.exactSize ?? this.options.sizeHint;
  }

  /** True when `size` is exact: declared as such, or measured by decoding to the end. */
  get sizeIsExact(): boolean {
    return this.exactSize !== undefined || this.options.sizeExact;
  }

  read(offset: number, length: number): Promise<Uint8Array> {
    return this.serialized(() => this.readNow(offset, length));
  }

  /**
   * Decodes to the end of the data (within the limits, which throw as for a read) and returns
   * the exact decoded length; `size` is exact afterwards. Costs one pass over the data.
   */
  measure(): Promise<number> {
    return this.serialized(async () => {
      if (this.exactSize !== undefined) return this.exactSize;
      const session = this.session ?? (await this.restart());
      while (!session.done) {
        if (session.atLimit) throw this.memberLimitError();
        await this.pull(session, session.pos);
      }
      return session.pos;
    });
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async readNow(offset: number, length: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(offset) || offset < 0 || !(length > 0)) return new Uint8Array(0);
    if (this.exactSize !== undefined && offset >= this.exactSize) return new Uint8Array(0);
    const end = offset + Math.min(length, Number.MAX_SAFE_INTEGER - offset);
    let session = this.session;
    if (session === undefined || offset < this.windowStart(session)) session = await this.restart();
    while (session.pos < end && !session.done) {
      if (session.atLimit) throw this.memberLimitError();
      await this.pull(session, offset);
    }
    return this.copyOut(offset, Math.min(end, session.pos));
  }

  private windowStart(session: Session): number {
    return this.window[0]?.start ?? session.pos;
  }

  private async restart(): Promise<Session> {
    await this.discard();
    const session: Session = {
      chunks: this.options.decoder(() => this.openInput(session)),
      pos: 0,
      consumed: 0,
      done: false,
      atLimit: false,
    };
    this.session = session;
    return session;
  }

  private async discard(): Promise<void> {
    const old = this.session;
    this.session = undefined;
    this.window = [];
    await old?.chunks.return(undefined).catch(() => undefined);
  }

  private async *openInput(session: Session): AsyncGenerator<Uint8Array> {
    const { source, start, length } = this.options;
    session.consumed = 0;
    for await (const bytes of readRange(source, start, start + length, () => this.inputStep(session))) {
      session.consumed += bytes.length;
      yield bytes;
    }
  }

  /** Compressed bytes to feed next: fewer when the data has been inflating a lot. */
  private inputStep(session: Session): number {
    if (session.consumed === 0) return MIN_INPUT_STEP;
    const ratio = Math.max(1, session.pos / session.consumed);
    return Math.min(MAX_INPUT_STEP, Math.max(MIN_INPUT_STEP, Math.floor(OUTPUT_STEP / ratio)));
  }

  private async pull(session: Session, keepFrom: number): Promise<void> {
    let next: IteratorResult<Uint8Array, void>;
    try {
      next = await session.chunks.next();
    } catch (error) {
      await this.discard();
      throw this.decodeError(error, session.pos);
    }
    if (next.done) {
      session.done = true;
      this.exactSize = session.pos;
      return;
    }
    let bytes = next.value;
    const room = this.options.maxMemberBytes - session.pos;
    if (bytes.length > room) {
      bytes = bytes.subarray(0, Math.max(0, room));
      session.atLimit = true;
    }
    if (bytes.length > 0) this.window.push({ start: session.pos, bytes });
    session.pos += bytes.length;
    this.trimWindow(session, keepFrom);
    this.charge(session);
  }

  private trimWindow(session: Session, keepFrom: number): void {
    const dropBefore = Math.min(keepFrom, session.pos - WINDOW_KEEP);
    while (this.window.length > 0) {
      const first = this.window[0] as WindowChunk;
      if (first.start + first.bytes.length > dropBefore) break;
      this.window.shift();
    }
  }

  private charge(session: Session): void {
    const { highWater, budget, maxRatio, name, format } = this.options;
    if (session.pos > highWater.value) {
      const added = session.pos - highWater.value;
      highWater.value = session.pos;
      budget.charge(added);
    }
    if (session.pos > RATIO_FLOOR && session.pos / Math.max(1, session.consumed) > maxRatio) {
      throw new LimitError(
        'LIMIT_RATIO',
        `${name}: ${format} data inflates more than ${maxRatio} times (${session.pos} bytes from ${session.consumed})`,
      );
    }
  }

  private copyOut(start: number, end: number): Uint8Array {
    if (end <= start) return new Uint8Array(0);
    const out = new Uint8Array(end - start);
    for (const chunk of this.window) {
      const chunkEnd = chunk.start + chunk.bytes.length;
      if (chunkEnd <= start || chunk.start >= end) continue;
      const from = Math.max(start, chunk.start);
      const to = Math.min(end, chunkEnd);
      out.set(chunk.bytes.subarray(from - chunk.start, to - chunk.start), from - start);
    }
    return out;
  }

  private memberLimitError(): LimitError {
    const { name, format, maxMemberBytes } = this.options;
    return new LimitError('LIMIT_INFLATE', `${name}: ${format} data inflates past ${maxMemberBytes} bytes`);
  }

  private decodeError(error: unknown, pos: number): Error {
    if (error instanceof LimitError || error instanceof ContainerError) return error;
    const { name, format } = this.options;
    const detail = error instanceof Error ? error.message : String(error);
    return new ContainerError('DECOMPRESS_ERROR', `${name}: corrupt ${format} data after ${pos} decoded bytes: ${detail}`);
  }
}
