import type { Verdict } from '../policy/classify.js';
import { LOADERS } from '../policy/loaders.js';
import {
  extensionCode,
  frameInconsistency,
  globalMutation,
  malformedPickle,
  nonLiteralGlobal,
  resourceLimit,
  unknownGlobalCall,
} from '../rules/index.js';
import type { Rule } from '../rule.js';
import { PickleFault, type MachineEvent } from './events.js';
import { GlobalTable, type GlobalRecord } from './globals.js';
import { skipJoblibArray } from './joblib-array.js';
import { LIMITS } from './limits.js';
import type { NestedCall } from './nested-call.js';
import { opcodeName } from './opcodes.js';
import type { Reader } from './reader.js';
import { render } from './render.js';
import { decodeLatin1, decodeRawUnicodeEscape, decodeReprString, decodeUtf8 } from './text.js';
import { container, FALSE, NONE, pushItem, TRUE, type CallValue, type ContainerValue, type DataValue, type Value } from './values.js';

/** How the machine classifies globals and when it must stop. */
export interface MachineOptions {
  classify: (module: string, name: string) => { path: string; verdict: Verdict };
  /**
   * The scan's abort signal, asked for every 65,536 opcodes only: the engine makes a file's signal
   * on first use, which the analysis of most files, a few thousand opcodes long, never needs.
   */
  signal?: () => AbortSignal;
  stream: number;
}

/** How one stream ended. */
export interface StreamOutcome {
  /** True when STOP was reached. */
  stopped: boolean;
  fault?: PickleFault;
  /** Offset after the last opcode read. */
  end: number;
  opcodes: number;
  /** A read error or abort that interrupted the stream (rethrown after what was found is reported). */
  error?: unknown;
}

const HIGHEST_PROTOCOL = 5;
const NO_BYTES = new Uint8Array(0);
const FLOAT_BYTES = new Uint8Array(8);
const FLOAT_VIEW = new DataView(FLOAT_BYTES.buffer);

/**
 * The static pickle machine: executes every opcode of protocols 0–5 on symbolic values (stack,
 * memo, marks, frames), records every global and every call site, never imports or runs
 * anything. One instance analyses one stream from the reader's position.
 */
export class Machine {
  stack: Value[] = [];
  marks: number[] = [];
  memo = new Map<number, Value>();
  proto = 0;
  frameEnd = -1;
  readonly globals = new GlobalTable();
  readonly events: MachineEvent[] = [];
  readonly nested: NestedCall[] = [];
  opcodes = 0;
  private memoFull = false;
  private readonly eventCounts = new Map<string, number>();
  private opEnd = -1;
  private joblibDepth = 0;
  /** The fault that stopped {@link loop} without a throw (an unknown opcode). */
  private halted: PickleFault | undefined;

  constructor(
    readonly r: Reader,
    readonly options: MachineOptions,
  ) {}

  /** Runs to STOP or to the first fault; everything found before a fault is kept. */
  async run(): Promise<StreamOutcome> {
    try {
      await this.loop();
      if (this.halted) return { stopped: false, fault: this.halted, end: this.r.offset, opcodes: this.opcodes };
      return { stopped: true, end: this.r.offset, opcodes: this.opcodes };
    } catch (error) {
      if (!(error instanceof PickleFault)) return { stopped: false, end: this.r.offset, opcodes: this.opcodes, error };
      return { stopped: false, fault: error, end: this.r.offset, opcodes: this.opcodes };
    }
  }

  /** Records an event, at most {@link LIMITS.maxEvents} per rule and message. */
  event(rule: Rule, messageId: string, data: Record<string, string | number>, at: number, evidence?: Record<string, unknown>): void {
    const key = `${rule.name}/${messageId}`;
    const count = this.eventCounts.get(key) ?? 0;
    this.eventCounts.set(key, count + 1);
    if (count < LIMITS.maxEvents) this.events.push({ rule, messageId, data, at, ...(evidence && { evidence }) });
  }

  private stopIfAborted(): void {
    const signal = this.options.signal?.();
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
  }

  private fault(messageId: string, data: Record<string, string | number>, at: number): never {
    throw this.faultAt(messageId, data, at);
  }

  private faultAt(messageId: string, data: Record<string, string | number>, at: number): PickleFault {
    return new PickleFault(malformedPickle, messageId, { stream: this.options.stream, ...data }, at);
  }

  private limit(what: string, limit: number, op: number, at: number): never {
    throw new PickleFault(resourceLimit, 'limit', { what, limit, opcode: opcodeName(op), stream: this.options.stream }, at, 'limit');
  }

  // ---- stack ------------------------------------------------------------------------------

  private get fence(): number {
    return this.marks.length ? this.marks[this.marks.length - 1]! : 0;
  }

  private push(value: Value, op: number, at: number): void {
    const stack = this.stack;
    if (stack.length >= LIMITS.maxStack) this.limit('stack size', LIMITS.maxStack, op, at);
    stack.push(value);
  }

  private pop(op: number, at: number): Value {
    const stack = this.stack;
    const marks = this.marks;
    if (stack.length <= (marks.length ? marks[marks.length - 1]! : 0)) this.fault('stackUnderflow', { opcode: opcodeName(op) }, at);
    return stack.pop()!;
  }

  private top(op: number, at: number): Value {
    if (this.stack.length <= this.fence) this.fault('stackUnderflow', { opcode: opcodeName(op) }, at);
    return this.stack[this.stack.length - 1]!;
  }

  private popMark(op: number, at: number): Value[] {
    if (!this.marks.length) this.fault('noMark', { opcode: opcodeName(op) }, at);
    const mark = this.marks.pop()!;
    return this.stack.splice(mark);
  }

  // ---- reading ----------------------------------------------------------------------------

  private need(n: number, op: number, at: number): void {
    if (this.r.avail < n) this.fault('truncated', { detail: `data ends inside ${opcodeName(op)} at offset ${at}` }, at);
  }

  private u32(): number {
    const b = this.r.buf;
    const p = this.r.pos;
    this.r.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) + b[p + 3]! * 0x1000000;
  }

  private i32(): number {
    const b = this.r.buf;
    const p = this.r.pos;
    this.r.pos += 4;
    return b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24);
  }

  private u64(): number {
    const lo = this.u32();
    const hi = this.u32();
    return hi * 0x100000000 + lo;
  }

  private async line(op: number, at: number, keep: number = LIMITS.maxLine): Promise<{ bytes: Uint8Array; length: number }> {
    const line = await this.r.readLine(keep);
    if (!line.found) this.fault('truncated', { detail: `data ends inside the text argument of ${opcodeName(op)}` }, at);
    return line;
  }

  private async textLine(op: number, at: number): Promise<string> {
    const { bytes, length } = await this.line(op, at);
    if (length > bytes.length) this.fault('badArgument', { opcode: opcodeName(op), detail: `line of ${length} bytes` }, at);
    return decodeUtf8(bytes);
  }

  /** A payload already in the buffer, read without awaiting (the common case). */
  private inline(k: 'str' | 'bytes', length: number, encoding: DataValue['encoding']): DataValue {
    const raw = this.r.take(length);
    const text = encoding === 'utf8' ? decodeUtf8(raw) : decodeLatin1(raw);
    // A complete string is fully described by its text; only bytes keep their raw form.
    return { k, text, head: k === 'str' ? NO_BYTES : raw.slice(), length, complete: true, encoding };
  }

  /** Reads a length-prefixed payload: whole when short, head plus reference when long. */
  private async payload(k: 'str' | 'bytes', length: number, encoding: DataValue['encoding'], op: number, at: number): Promise<DataValue> {
    const r = this.r;
    if (length > r.remaining) {
      this.fault('lengthBeyondEnd', { opcode: opcodeName(op), length }, at);
    }
    if (length <= LIMITS.keepInline) {
      if (!(await r.fill(length))) this.fault('lengthBeyondEnd', { opcode: opcodeName(op), length }, at);
      const head = r.take(length).slice();
      return { k, text: encoding === 'utf8' ? decodeUtf8(head) : decodeLatin1(head), head, length, complete: true, encoding };
    }
    await r.fill(LIMITS.keepHead);
    const head = r.buf.slice(r.pos, r.pos + LIMITS.keepHead);
    const ref = { source: r.source, offset: r.offset, length };
    r.skip(length);
    return { k, text: encoding === 'utf8' ? decodeUtf8(head) : decodeLatin1(head), head, length, complete: false, ref, encoding };
  }

  private memoPut(index: number, value: Value, op: number, at: number): void {
    if (index >= LIMITS.hugeMemoIndex) {
      this.event(resourceLimit, 'memoIndex', { opcode: opcodeName(op), index }, at);
    }
    if (!this.memo.has(index) && this.memo.size >= LIMITS.maxMemo) {
      if (!this.memoFull) {
        this.memoFull = true;
        this.event(resourceLimit, 'limit', { what: 'memo entries', limit: LIMITS.maxMemo, opcode: opcodeName(op), stream: this.options.stream }, at);
      }
      return;
    }
    this.memo.set(index, value);
  }

  private memoGet(index: number, op: number, at: number): Value {
    const value = this.memo.get(index);
    if (value !== undefined) return value;
    if (this.memoFull) return { k: 'unknown', why: 'memo entry past the limit' };
    return this.fault('memoMissing', { opcode: opcodeName(op), index }, at);
  }

  // ---- globals and calls --------------------------------------------------------------------

  private importGlobal(module: string, name: string, opcode: string, at: number): Value {
    if (this.globals.records.size >= LIMITS.maxGlobals && !this.globals.records.has(`${module}\n${name}`)) {
      const { verdict } = this.options.classify(module, name);
      const bucket = verdict.level === 'deny' ? module : '(other)';
      return { k: 'global', record: this.globals.add(bucket, verdict.level === 'deny' ? name : '(more globals)', opcode, at, this.options.classify) };
    }
    return { k: 'global', record: this.globals.add(module, name, opcode, at, this.options.classify) };
  }

  private call(fn: Value, args: Value[], op: number, at: number, kwargs?: Value): CallValue {
    const value: CallValue = { k: 'call', fn, args, op: opcodeName(op), at, ...(kwargs && { kwargs }) };
    if (fn.k === 'global') {
      const record: GlobalRecord = fn.record;
      value.global = record;
      record.calls++;
      if (record.callAt === undefined) {
        record.callAt = at;
        record.callRepr = render(value);
        record.callOpcode = opcodeName(op);
      }
      if (LOADERS.has(record.path)) this.nested.push({ loader: record.path, argument: firstArgument(args), at });
    } else if (fn.k === 'call' || fn.k === 'persid' || fn.k === 'unknown') {
      this.event(unknownGlobalCall, 'computed', { call: render(value) }, at, { opcode: opcodeName(op), stream: this.options.stream });
    }
    return value;
  }

  private mutate(target: Value, op: number, at: number): void {
    if (target.k === 'global') {
      this.event(globalMutation, 'mutate', { opcode: opcodeName(op), global: `${target.record.module}.${target.record.name}` }, at, { stream: this.options.stream });
    }
  }

  // ---- the loop -----------------------------------------------------------------------------

  /**
   * Executes opcodes until STOP; returns the value STOP pops. Throws {@link PickleFault}, except
   * at an unknown opcode: there it sets {@link halted} and returns.
   */
  async loop(): Promise<Value> {
    const r = this.r;
    for (;;) {
      if (r.avail < 16) await r.fill(16);
      if (r.avail === 0) this.fault('truncated', { detail: 'no STOP opcode before the end of the data' }, r.offset);
      if ((++this.opcodes & 0xffff) === 0) this.stopIfAborted();
      const at = r.offset;
      const op = r.buf[r.pos++]!;
      this.opEnd = -1;
      switch (op) {
        case 0x28: // MARK
          if (this.marks.length >= LIMITS.maxMarks) this.limit('open MARKs', LIMITS.maxMarks, op, at);
          this.marks.push(this.stack.length);
          break;
        case 0x2e: // STOP
          return this.pop(op, at);
        case 0x30: // POP: with nothing above the fence, discards the mark (as CPython does)
          if (this.stack.length > this.fence) this.stack.pop();
          else if (this.marks.length) this.marks.pop();
          else this.fault('stackUnderflow', { opcode: 'POP' }, at);
          break;
        case 0x31: // POP_MARK
          this.popMark(op, at);
          break;
        case 0x32: // DUP
          this.push(this.top(op, at), op, at);
          break;
        case 0x46: // FLOAT
          this.push({ k: 'float', v: Number(await this.textLine(op, at)) }, op, at);
          break;
        case 0x49: {
          // INT
          const text = (await this.textLine(op, at)).trim();
          if (text === '00') this.push(FALSE, op, at);
          else if (text === '01') this.push(TRUE, op, at);
          else if (!/^[+-]?\d+$/.test(text)) this.fault('badArgument', { opcode: 'INT', detail: JSON.stringify(text.slice(0, 40)) }, at);
          else this.push(intValue(text), op, at);
          break;
        }
        case 0x4c: {
          // LONG
          const text = (await this.textLine(op, at)).trim().replace(/L$/, '');
          if (!/^[+-]?\d+$/.test(text)) this.fault('badArgument', { opcode: 'LONG', detail: JSON.stringify(text.slice(0, 40)) }, at);
          this.push(intValue(text), op, at);
          break;
        }
        case 0x4a: // BININT
          this.need(4, op, at);
          this.push({ k: 'int', v: this.i32() }, op, at);
          break;
        case 0x4b: // BININT1
          this.need(1, op, at);
          this.push({ k: 'int', v: r.buf[r.pos++]! }, op, at);
          break;
        case 0x4d: // BININT2
          this.need(2, op, at);
          this.push({ k: 'int', v: r.buf[r.pos++]! | (r.buf[r.pos++]! << 8) }, op, at);
          break;
        case 0x8a: {
          // LONG1
          this.need(1, op, at);
          const n = r.buf[r.pos++]!;
          if (!(await r.fill(n))) this.fault('lengthBeyondEnd', { opcode: 'LONG1', length: n }, at);
          this.push(longValue(r.take(n)), op, at);
          break;
        }
        case 0x8b: {
          // LONG4
          this.need(4, op, at);
          const n = this.i32();
          if (n < 0) this.fault('badArgument', { opcode: 'LONG4', detail: `negative byte count ${n}` }, at);
          if (n > r.remaining) this.fault('lengthBeyondEnd', { opcode: 'LONG4', length: n }, at);
          if (n <= 64) {
            await r.fill(n);
            this.push(longValue(r.take(n)), op, at);
          } else {
            r.skip(n);
            this.push({ k: 'int', v: `<${n}-byte integer>` }, op, at);
          }
          break;
        }
        case 0x47: // BINFLOAT
          this.need(8, op, at);
          FLOAT_BYTES.set(r.buf.subarray(r.pos, r.pos + 8));
          this.push({ k: 'float', v: FLOAT_VIEW.getFloat64(0, false) }, op, at);
          r.pos += 8;
          break;
        case 0x4e: // NONE
          this.push(NONE, op, at);
          break;
        case 0x88: // NEWTRUE
          this.push(TRUE, op, at);
          break;
        case 0x89: // NEWFALSE
          this.push(FALSE, op, at);
          break;
        case 0x50: // PERSID
          this.push({ k: 'persid', id: textValue(await this.textLine(op, at)) }, op, at);
          break;
        case 0x51: // BINPERSID
          this.push({ k: 'persid', id: this.pop(op, at) }, op, at);
          break;
        case 0x53: {
          // STRING
          const { bytes, length } = await this.line(op, at, LIMITS.keepInline);
          const text = length === bytes.length ? decodeReprString(bytes) : decodeLatin1(bytes.subarray(1));
          if (text === undefined) this.fault('badArgument', { opcode: 'STRING', detail: 'argument is not quoted' }, at);
          this.push({ k: 'str', text, head: bytes, length, complete: length === bytes.length, encoding: 'repr' }, op, at);
          break;
        }
        case 0x56: {
          // UNICODE
          const { bytes, length } = await this.line(op, at, LIMITS.keepInline);
          this.push({ k: 'str', text: decodeRawUnicodeEscape(bytes), head: bytes, length, complete: length === bytes.length, encoding: 'raw-unicode-escape' }, op, at);
          break;
        }
        case 0x54: {
          // BINSTRING
          this.need(4, op, at);
          const n = this.i32();
          if (n < 0) this.fault('badArgument', { opcode: 'BINSTRING', detail: `negative length ${n}` }, at);
          this.push(await this.payload('str', n, 'latin1', op, at), op, at);
          break;
        }
        case 0x55: {
          // SHORT_BINSTRING
          this.need(1, op, at);
          const n = r.buf[r.pos++]!;
          this.push(r.avail >= n ? this.inline('str', n, 'latin1') : await this.payload('str', n, 'latin1', op, at), op, at);
          break;
        }
        case 0x58: {
          // BINUNICODE
          this.need(4, op, at);
          const n = this.u32();
          this.push(n <= 256 && r.avail >= n ? this.inline('str', n, 'utf8') : await this.payload('str', n, 'utf8', op, at), op, at);
          break;
        }
        case 0x8c: {
          // SHORT_BINUNICODE
          this.need(1, op, at);
          const n = r.buf[r.pos++]!;
          this.push(r.avail >= n ? this.inline('str', n, 'utf8') : await this.payload('str', n, 'utf8', op, at), op, at);
          break;
        }
        case 0x8d: // BINUNICODE8
          this.need(8, op, at);
          this.push(await this.payload('str', this.u64(), 'utf8', op, at), op, at);
          break;
        case 0x42: // BINBYTES
          this.need(4, op, at);
          this.push(await this.payload('bytes', this.u32(), 'latin1', op, at), op, at);
          break;
        case 0x43: {
          // SHORT_BINBYTES
          this.need(1, op, at);
          const n = r.buf[r.pos++]!;
          this.push(r.avail >= n ? this.inline('bytes', n, 'latin1') : await this.payload('bytes', n, 'latin1', op, at), op, at);
          break;
        }
        case 0x8e: // BINBYTES8
        case 0x96: // BYTEARRAY8
          this.need(8, op, at);
          this.push(await this.payload('bytes', this.u64(), 'latin1', op, at), op, at);
          break;
        case 0x97: // NEXT_BUFFER
          this.push({ k: 'buffer' }, op, at);
          break;
        case 0x98: // READONLY_BUFFER
          this.top(op, at);
          break;
        case 0x29: // EMPTY_TUPLE
          this.push(container('tuple', []), op, at);
          break;
        case 0x85: // TUPLE1
          this.push(container('tuple', [this.pop(op, at)]), op, at);
          break;
        case 0x86: {
          // TUPLE2
          const b = this.pop(op, at);
          const a = this.pop(op, at);
          this.push(container('tuple', [a, b]), op, at);
          break;
        }
        case 0x87: {
          // TUPLE3
          const c = this.pop(op, at);
          const b = this.pop(op, at);
          const a = this.pop(op, at);
          this.push(container('tuple', [a, b, c]), op, at);
          break;
        }
        case 0x74: // TUPLE
          this.push(container('tuple', this.popMark(op, at)), op, at);
          break;
        case 0x5d: // EMPTY_LIST
          this.push(container('list', []), op, at);
          break;
        case 0x6c: // LIST
          this.push(container('list', this.popMark(op, at)), op, at);
          break;
        case 0x7d: // EMPTY_DICT
          this.push(container('dict', []), op, at);
          break;
        case 0x64: // DICT
          this.push(container('dict', this.popMark(op, at)), op, at);
          break;
        case 0x8f: // EMPTY_SET
          this.push(container('set', []), op, at);
          break;
        case 0x91: // FROZENSET
          this.push(container('frozenset', this.popMark(op, at)), op, at);
          break;
        case 0x61: {
          // APPEND
          const value = this.pop(op, at);
          this.addTo(this.top(op, at), [value], op, at);
          break;
        }
        case 0x65: // APPENDS
        case 0x90: {
          // ADDITEMS
          const items = this.popMark(op, at);
          this.addTo(this.top(op, at), items, op, at);
          break;
        }
        case 0x73: {
          // SETITEM
          const value = this.pop(op, at);
          const key = this.pop(op, at);
          this.addTo(this.top(op, at), [key, value], op, at);
          break;
        }
        case 0x75: {
          // SETITEMS
          const items = this.popMark(op, at);
          if (items.length % 2) this.fault('badArgument', { opcode: 'SETITEMS', detail: 'odd number of items' }, at);
          this.addTo(this.top(op, at), items, op, at);
          break;
        }
        case 0x67: {
          // GET
          const text = await this.textLine(op, at);
          if (!/^\d+$/.test(text)) this.fault('badArgument', { opcode: 'GET', detail: JSON.stringify(text.slice(0, 40)) }, at);
          this.push(this.memoGet(Number(text), op, at), op, at);
          break;
        }
        case 0x68: // BINGET
          this.need(1, op, at);
          this.push(this.memoGet(r.buf[r.pos++]!, op, at), op, at);
          break;
        case 0x6a: // LONG_BINGET
          this.need(4, op, at);
          this.push(this.memoGet(this.u32(), op, at), op, at);
          break;
        case 0x70: {
          // PUT
          const text = await this.textLine(op, at);
          if (!/^\d+$/.test(text)) this.fault('badArgument', { opcode: 'PUT', detail: JSON.stringify(text.slice(0, 40)) }, at);
          this.memoPut(Number(text), this.top(op, at), op, at);
          break;
        }
        case 0x71: // BINPUT
          this.need(1, op, at);
          this.memoPut(r.buf[r.pos++]!, this.top(op, at), op, at);
          break;
        case 0x72: // LONG_BINPUT
          this.need(4, op, at);
          this.memoPut(this.u32(), this.top(op, at), op, at);
          break;
        case 0x94: // MEMOIZE
          this.memoPut(this.memo.size, this.top(op, at), op, at);
          break;
        case 0x63: {
          // GLOBAL
          const module = await this.textLine(op, at);
          const name = await this.textLine(op, at);
          this.push(this.importGlobal(module, name, 'GLOBAL', at), op, at);
          break;
        }
        case 0x93: {
          // STACK_GLOBAL
          const nameValue = this.pop(op, at);
          const moduleValue = this.pop(op, at);
          this.push(this.stackGlobal(moduleValue, nameValue, at), op, at);
          break;
        }
        case 0x69: {
          // INST
          const module = await this.textLine(op, at);
          const name = await this.textLine(op, at);
          const cls = this.importGlobal(module, name, 'INST', at);
          this.push(this.call(cls, [container('tuple', this.popMark(op, at))], op, at), op, at);
          break;
        }
        case 0x6f: {
          // OBJ
          const args = this.popMark(op, at);
          const cls = args.shift();
          if (!cls) this.fault('stackUnderflow', { opcode: 'OBJ' }, at);
          this.push(this.call(cls, [container('tuple', args)], op, at), op, at);
          break;
        }
        case 0x52: {
          // REDUCE
          const args = this.pop(op, at);
          const fn = this.pop(op, at);
          this.push(this.call(fn, [args], op, at), op, at);
          break;
        }
        case 0x81: {
          // NEWOBJ
          const args = this.pop(op, at);
          const cls = this.pop(op, at);
          this.push(this.call(cls, [args], op, at), op, at);
          break;
        }
        case 0x92: {
          // NEWOBJ_EX
          const kwargs = this.pop(op, at);
          const args = this.pop(op, at);
          const cls = this.pop(op, at);
          this.push(this.call(cls, [args], op, at, kwargs), op, at);
          break;
        }
        case 0x62: {
          // BUILD: inst.__setstate__(state), or a __dict__ / slot update
          const state = this.pop(op, at);
          const inst = this.top(op, at);
          if (inst.k === 'global') this.mutate(inst, op, at);
          else if (inst.k === 'call') {
            inst.state = state;
            if (inst.global?.path.endsWith('numpy_pickle.NumpyArrayWrapper')) {
              this.opEnd = r.offset;
              this.checkFrame(op, at);
              await skipJoblibArray(this, inst, at);
              continue;
            }
          }
          break;
        }
        case 0x82: // EXT1
        case 0x83: // EXT2
        case 0x84: {
          // EXT4
          const size = op === 0x82 ? 1 : op === 0x83 ? 2 : 4;
          this.need(size, op, at);
          const code = size === 1 ? r.buf[r.pos++]! : size === 2 ? r.buf[r.pos++]! | (r.buf[r.pos++]! << 8) : this.i32();
          this.event(extensionCode, 'ext', { opcode: opcodeName(op), code }, at, { stream: this.options.stream });
          this.push({ k: 'ext', code }, op, at);
          break;
        }
        case 0x80: {
          // PROTO
          this.need(1, op, at);
          const proto = r.buf[r.pos++]!;
          if (proto > HIGHEST_PROTOCOL) this.fault('badProtocol', { protocol: proto }, at);
          this.proto = proto;
          break;
        }
        case 0x95: {
          // FRAME
          this.need(8, op, at);
          const length = this.u64();
          if (this.frameEnd > at) this.event(frameInconsistency, 'nested', { remaining: this.frameEnd - at }, at, { stream: this.options.stream });
          if (length > r.remaining) this.event(frameInconsistency, 'beyondEnd', { length }, at, { stream: this.options.stream });
          this.frameEnd = r.offset + length;
          continue;
        }
        default:
          // Returned, not thrown: an unknown byte is where most data that is no pickle stops the
          // machine, and until V8 has optimised this function, a throw out of it costs ~20 µs
          // (a thousand small files named like pickles: see BENCHMARKS.md).
          this.halted = this.faultAt('invalidOpcode', { byte: op.toString(16).padStart(2, '0') }, at);
          return NONE;
      }
      if (this.frameEnd > at) this.checkFrame(op, at);
    }
  }

  private checkFrame(op: number, at: number): void {
    const end = this.opEnd >= 0 ? this.opEnd : this.r.offset;
    if (this.frameEnd > at && end > this.frameEnd) {
      this.event(frameInconsistency, 'crossed', { opcode: opcodeName(op) }, at, { stream: this.options.stream, frameEnd: this.frameEnd });
    }
  }

  private addTo(target: Value, items: Value[], op: number, at: number): void {
    if (target.k === 'list' || target.k === 'dict' || target.k === 'set') {
      for (const item of items) pushItem(target as ContainerValue, item);
    } else this.mutate(target, op, at);
  }

  private stackGlobal(moduleValue: Value, nameValue: Value, at: number): Value {
    const module = moduleValue.k === 'str' && moduleValue.complete ? moduleValue.text : undefined;
    const name = nameValue.k === 'str' && nameValue.complete ? nameValue.text : undefined;
    if (module === undefined || name === undefined) {
      const part = module === undefined && name === undefined ? 'module and name' : module === undefined ? 'module' : 'name';
      const expr = `${render(moduleValue)}, ${render(nameValue)}`;
      this.event(nonLiteralGlobal, 'computed', { part, expr }, at, { stream: this.options.stream, opcode: 'STACK_GLOBAL' });
      return this.importGlobal(module ?? `<${render(moduleValue)}>`, name ?? `<${render(nameValue)}>`, 'STACK_GLOBAL', at);
    }
    return this.importGlobal(module, name, 'STACK_GLOBAL', at);
  }

  /**
   * Runs a complete inner stream at the reader's position with fresh stack, memo and marks
   * (joblib writes object arrays as a pickle inside its pickle), then restores the outer state.
   */
  async innerStream(at: number): Promise<void> {
    if (this.joblibDepth >= LIMITS.maxNestedDepth) this.limit('nested streams', LIMITS.maxNestedDepth, 0x62, at);
    const saved = { stack: this.stack, marks: this.marks, memo: this.memo, proto: this.proto, frameEnd: this.frameEnd, memoFull: this.memoFull };
    this.stack = [];
    this.marks = [];
    this.memo = new Map();
    this.frameEnd = -1;
    this.memoFull = false;
    this.joblibDepth++;
    try {
      await this.loop();
      if (this.halted) throw this.halted; // the outer stream ends with the inner one's fault
    } finally {
      this.joblibDepth--;
      Object.assign(this, saved);
    }
  }
}

function firstArgument(args: Value[]): Value | undefined {
  const first = args[0];
  if (first && first.k === 'tuple') return first.items[0];
  return first;
}

function intValue(text: string): Value {
  const n = Number(text);
  return { k: 'int', v: Number.isSafeInteger(n) ? n : text };
}

function textValue(text: string): DataValue {
  const head = new TextEncoder().encode(text);
  return { k: 'str', text, head, length: head.length, complete: true, encoding: 'utf8' };
}

/** Two's-complement little-endian integer (LONG1 / LONG4). */
function longValue(bytes: Uint8Array): Value {
  if (bytes.length === 0) return { k: 'int', v: 0 };
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  if (bytes[bytes.length - 1]! & 0x80) n -= 1n << BigInt(bytes.length * 8);
  const small = Number(n);
  return { k: 'int', v: Number.isSafeInteger(small) ? small : n.toString() };
}

