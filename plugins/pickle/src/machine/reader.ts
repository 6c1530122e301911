import type { ByteSource } from '../source/byte-source.js';

const CHUNK = 1 << 20;
const EMPTY = new Uint8Array(0);

/**
 * A buffered forward reader over a {@link ByteSource}: 1 MiB reads, synchronous access to the
 * buffered bytes (`buf[pos]`), and skips that never read what they pass over.
 */
export class Reader {
  buf: Uint8Array = EMPTY;
  pos = 0;
  /** Source offset of `buf[0]`. */
  base: number;
  /** True once a read came back short: nothing lies past `base + buf.length`. */
  eof = false;

  constructor(
    readonly source: ByteSource,
    start = 0,
  ) {
    this.base = start;
  }

  /** Source offset of the next byte. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Bytes buffered from the current position. */
  get avail(): number {
    return this.buf.length - this.pos;
  }

  /** Buffers at least `n` bytes if the source has them; false when it ends before. */
  async fill(n: number): Promise<boolean> {
    if (this.avail >= n) return true;
    if (this.eof) return false;
    const at = this.offset;
    const want = Math.max(n, CHUNK) - this.avail;
    const known = this.source.size - (at + this.avail);
    const length = Math.min(want, known);
    const fresh = length > 0 ? await this.source.read(at + this.avail, length) : EMPTY;
    if (fresh.length < want) this.eof = true;
    const rest = this.buf.subarray(this.pos);
    if (rest.length === 0) this.buf = fresh;
    else {
      const merged = new Uint8Array(rest.length + fresh.length);
      merged.set(rest);
      merged.set(fresh, rest.length);
      this.buf = merged;
    }
    this.base = at;
    this.pos = 0;
    return this.avail >= n;
  }

  /** Moves `n` bytes forward without reading them. */
  skip(n: number): void {
    if (n <= this.avail) {
      this.pos += n;
      return;
    }
    this.base = this.offset + n;
    this.buf = EMPTY;
    this.pos = 0;
  }

  /** Jumps to an absolute source offset. */
  seek(offset: number): void {
    if (offset >= this.base && offset <= this.base + this.buf.length) {
      this.pos = offset - this.base;
      return;
    }
    this.base = offset;
    this.buf = EMPTY;
    this.pos = 0;
    this.eof = false;
  }

  /** Bytes left in the source after the current position (`Infinity` when unknown). */
  get remaining(): number {
    if (this.eof) return this.avail;
    return this.source.size - this.offset;
  }

  /**
   * Reads up to a newline. Keeps at most `keep` bytes of the line (the rest is passed over);
   * `found` is false when the data ended first.
   */
  async readLine(keep: number): Promise<{ bytes: Uint8Array; length: number; found: boolean }> {
    let kept: Uint8Array | undefined;
    let length = 0;
    for (;;) {
      const nl = this.buf.indexOf(0x0a, this.pos);
      if (nl >= 0) {
        const part = this.buf.subarray(this.pos, nl);
        length += part.length;
        this.pos = nl + 1;
        return { bytes: join(kept, part, keep), length, found: true };
      }
      const part = this.buf.subarray(this.pos);
      length += part.length;
      kept = join(kept, part, keep);
      this.pos = this.buf.length;
      if (!(await this.fill(1))) return { bytes: kept, length, found: false };
    }
  }

  /** Takes `n` buffered bytes (call {@link fill} first). */
  take(n: number): Uint8Array {
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

function join(kept: Uint8Array | undefined, part: Uint8Array, keep: number): Uint8Array {
  if (!kept || kept.length === 0) return part.length <= keep ? part.slice() : part.slice(0, keep);
  if (kept.length >= keep) return kept;
  const add = part.subarray(0, keep - kept.length);
  const out = new Uint8Array(kept.length + add.length);
  out.set(kept);
  out.set(add, kept.length);
  return out;
}
