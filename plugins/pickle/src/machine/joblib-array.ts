import { malformedPickle } from '../rules/index.js';
import { PickleFault } from './events.js';
import type { Machine } from './machine.js';
import { dictGet, literalString, type CallValue, type Value } from './values.js';

const SIZED_KINDS: Readonly<Record<string, number>> = { b: 1, B: 1, '?': 1, h: 2, H: 2, e: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, f: 4, d: 8, g: 16, F: 8, D: 16, G: 32 };

/** Bytes per element of a numpy dtype string (`<f8`, `u1`, `U10`, `V24`); 'object' for `O`. */
export function dtypeItemSize(descr: string): number | 'object' | undefined {
  const m = /^[<>|=]?([a-zA-Z?])(\d*)(?:\[\w+\])?$/.exec(descr);
  if (!m) return undefined;
  const [, kind, digits] = m as unknown as [string, string, string];
  if (kind === 'O') return 'object';
  const n = digits ? Number(digits) : undefined;
  if (kind === 'U') return (n ?? 0) * 4;
  if (kind === 'S' || kind === 'a' || kind === 'V') return n ?? 0;
  if ('fiucbMm'.includes(kind)) return n ?? (kind === 'b' ? 1 : undefined);
  return SIZED_KINDS[kind];
}

function intOf(value: Value | undefined): number | undefined {
  return value?.k === 'int' && typeof value.v === 'number' ? value.v : undefined;
}

function fail(machine: Machine, detail: string, at: number): never {
  throw new PickleFault(malformedPickle, 'badArgument', { opcode: 'BUILD', detail: `joblib array: ${detail}`, stream: machine.options.stream }, at);
}

/**
 * joblib writes each numpy array's data right after the BUILD of its `NumpyArrayWrapper`, outside
 * the pickle: raw bytes (after an alignment pad when the state names one), or, for object
 * arrays, a whole protocol-2 pickle. Skips the raw bytes; analyses the inner pickle.
 */
export async function skipJoblibArray(machine: Machine, wrapper: CallValue, at: number): Promise<void> {
  const state = wrapper.state;
  const dtype = dictGet(state, 'dtype');
  const shape = dictGet(state, 'shape');
  const descr = dtype?.k === 'call' ? literalString(dtype.args[0]?.k === 'tuple' ? dtype.args[0].items[0] : undefined) : undefined;
  const itemSize = descr === undefined ? undefined : dtypeItemSize(descr);
  if (itemSize === undefined) fail(machine, `unknown dtype ${descr ?? '(not literal)'}`, at);
  if (itemSize === 'object') {
    await machine.innerStream(at);
    return;
  }
  if (shape?.k !== 'tuple' || shape.items.length !== shape.count) fail(machine, 'shape is not a literal tuple', at);
  let count = 1;
  for (const dim of shape.items) {
    const n = intOf(dim);
    if (n === undefined || n < 0) fail(machine, 'shape has a non-integer dimension', at);
    count *= n;
  }
  const r = machine.r;
  const alignment = dictGet(state, 'numpy_array_alignment_bytes');
  if (alignment && alignment.k === 'int') {
    if (!(await r.fill(1))) fail(machine, 'data ends before the alignment byte', at);
    r.skip(1 + r.buf[r.pos]!);
  }
  const length = count * itemSize;
  if (!Number.isSafeInteger(length) || length > r.remaining) {
    throw new PickleFault(malformedPickle, 'lengthBeyondEnd', { opcode: 'BUILD (joblib array data)', length: Number.isSafeInteger(length) ? length : String(length), stream: machine.options.stream }, at);
  }
  r.skip(length);
}
