/**
 * Builds pickle byte streams opcode by opcode, for tests. Methods are named after the
 * pickletools opcode names; `call` and friends emit the sequences the Python pickler writes.
 */
export class PickleBuilder {
  private readonly out: number[] = [];

  private op(code: number, ...args: number[]): this {
    this.out.push(code, ...args);
    return this;
  }

  private le(value: number, size: number): number[] {
    const out: number[] = [];
    let v = BigInt.asUintN(size * 8, BigInt(value));
    for (let i = 0; i < size; i++) {
      out.push(Number(v & 0xffn));
      v >>= 8n;
    }
    return out;
  }

  private text(s: string): number[] {
    return [...Buffer.from(s, 'utf8')];
  }

  /** Raw bytes (junk, or hand-made opcodes). */
  raw(data: Uint8Array | number[] | string): this {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    for (const b of bytes) this.out.push(b);
    return this;
  }

  proto(n: number): this { return this.op(0x80, n); }
  frame(length: number): this { return this.op(0x95, ...this.le(length, 8)); }
  stop(): this { return this.op(0x2e); }
  mark(): this { return this.op(0x28); }
  pop(): this { return this.op(0x30); }
  popMark(): this { return this.op(0x31); }
  dup(): this { return this.op(0x32); }
  none(): this { return this.op(0x4e); }
  bool(v: boolean): this { return this.op(v ? 0x88 : 0x89); }
  int(n: number): this {
    if (n >= 0 && n < 256) return this.op(0x4b, n);
    if (n >= 0 && n < 65536) return this.op(0x4d, ...this.le(n, 2));
    return this.op(0x4a, ...this.le(n, 4));
  }
  long1(n: bigint): this {
    const out: number[] = [];
    let v = n;
    while (v !== 0n && v !== -1n) {
      out.push(Number(v & 0xffn));
      v >>= 8n;
    }
    if (out.length === 0 || (n >= 0n && (out[out.length - 1]! & 0x80)) || (n < 0n && !(out[out.length - 1]! & 0x80))) out.push(n < 0n ? 0xff : 0);
    return this.op(0x8a, out.length, ...out);
  }
  binfloat(x: number): this {
    const b = Buffer.alloc(8);
    b.writeDoubleBE(x);
    return this.op(0x47, ...b);
  }
  /** Protocol-0 INT / FLOAT / LONG text forms. */
  int0(n: number | string): this { return this.op(0x49, ...this.text(`${n}\n`)); }
  float0(x: number): this { return this.op(0x46, ...this.text(`${x}\n`)); }
  long0(n: string): this { return this.op(0x4c, ...this.text(`${n}L\n`)); }
  /** Short or long BINUNICODE, as the pickler picks. */
  str(s: string): this {
    const b = this.text(s);
    return b.length < 256 ? this.op(0x8c, b.length, ...b) : this.op(0x58, ...this.le(b.length, 4), ...b);
  }
  binunicode(s: string): this {
    const b = this.text(s);
    return this.op(0x58, ...this.le(b.length, 4), ...b);
  }
  /** Protocol-0 STRING (repr-quoted) and UNICODE (raw-unicode-escape). */
  string0(s: string): this { return this.op(0x53, ...this.text(`'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'\n`)); }
  unicode0(s: string): this { return this.op(0x56, ...this.text(`${s}\n`)); }
  shortBinstring(s: string): this {
    const b = [...Buffer.from(s, 'latin1')];
    return this.op(0x55, b.length, ...b);
  }
  bytes(data: Uint8Array | string): this {
    const b = [...(typeof data === 'string' ? Buffer.from(data, 'latin1') : data)];
    return b.length < 256 ? this.op(0x43, b.length, ...b) : this.op(0x42, ...this.le(b.length, 4), ...b);
  }
  /** BINBYTES8 with a declared length (the payload is written only if given). */
  bytes8(length: number, payload?: Uint8Array): this {
    this.op(0x8e, ...this.le(length, 8));
    return payload ? this.raw(payload) : this;
  }
  emptyTuple(): this { return this.op(0x29); }
  tuple(): this { return this.op(0x74); }
  tuple1(): this { return this.op(0x85); }
  tuple2(): this { return this.op(0x86); }
  tuple3(): this { return this.op(0x87); }
  emptyList(): this { return this.op(0x5d); }
  list(): this { return this.op(0x6c); }
  append(): this { return this.op(0x61); }
  appends(): this { return this.op(0x65); }
  emptyDict(): this { return this.op(0x7d); }
  dict(): this { return this.op(0x64); }
  setitem(): this { return this.op(0x73); }
  setitems(): this { return this.op(0x75); }
  emptySet(): this { return this.op(0x8f); }
  additems(): this { return this.op(0x90); }
  frozenset(): this { return this.op(0x91); }
  global(module: string, name: string): this { return this.op(0x63, ...this.text(`${module}\n${name}\n`)); }
  inst(module: string, name: string): this { return this.op(0x69, ...this.text(`${module}\n${name}\n`)); }
  stackGlobal(): this { return this.op(0x93); }
  obj(): this { return this.op(0x6f); }
  reduce(): this { return this.op(0x52); }
  buildState(): this { return this.op(0x62); }
  newobj(): this { return this.op(0x81); }
  newobjEx(): this { return this.op(0x92); }
  ext1(code: number): this { return this.op(0x82, code); }
  ext2(code: number): this { return this.op(0x83, ...this.le(code, 2)); }
  ext4(code: number): this { return this.op(0x84, ...this.le(code, 4)); }
  persid(id: string): this { return this.op(0x50, ...this.text(`${id}\n`)); }
  binpersid(): this { return this.op(0x51); }
  put(i: number): this { return this.op(0x70, ...this.text(`${i}\n`)); }
  get(i: number): this { return this.op(0x67, ...this.text(`${i}\n`)); }
  binput(i: number): this { return i < 256 ? this.op(0x71, i) : this.op(0x72, ...this.le(i, 4)); }
  binget(i: number): this { return i < 256 ? this.op(0x68, i) : this.op(0x6a, ...this.le(i, 4)); }
  longBinput(i: number): this { return this.op(0x72, ...this.le(i, 4)); }
  memoize(): this { return this.op(0x94); }
  nextBuffer(): this { return this.op(0x97); }
  readonlyBuffer(): this { return this.op(0x98); }
  bytearray8(data: Uint8Array): this { return this.op(0x96, ...this.le(data.length, 8), ...data); }

  /** `module.name(*args)` through GLOBAL + TUPLE + REDUCE; `args` build one value each. */
  call(module: string, name: string, ...args: ((b: this) => unknown)[]): this {
    this.global(module, name).mark();
    for (const arg of args) arg(this);
    return this.tuple().reduce();
  }

  /** The stream so far. */
  build(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  get length(): number {
    return this.out.length;
  }
}

/** A new builder. */
export function pk(): PickleBuilder {
  return new PickleBuilder();
}

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}
