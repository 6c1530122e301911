import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatBytes, pk, type PickleBuilder } from '@modelgate/plugin-kit/testing';
import { first, ids, scan, serious } from './helpers.js';

const evil = () => pk().proto(2).call('os', 'system', (b) => b.str('id')).stop().build();

/** A `.npy` file: magic, version 1.0, header dict padded to 64 bytes, then the data. */
function npy(descr: string, data: Uint8Array): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (2,), }`;
  header += ' '.repeat(64 - ((10 + header.length + 1) % 64)) + '\n';
  const prefix = Buffer.alloc(10);
  Buffer.from('\x93NUMPY\x01\x00', 'latin1').copy(prefix);
  prefix.writeUInt16LE(header.length, 8);
  return concatBytes(prefix, Buffer.from(header, 'latin1'), data);
}

/** A joblib NumpyArrayWrapper for `dtype` and `shape`, as joblib pickles it (protocol 4). */
function wrapper(b: PickleBuilder, dtype: string, shape: number[], aligned: boolean): PickleBuilder {
  b.global('joblib.numpy_pickle', 'NumpyArrayWrapper').emptyTuple().newobj().emptyDict().mark();
  b.str('subclass').global('numpy', 'ndarray').str('shape').mark();
  for (const d of shape) b.int(d);
  b.tuple().str('order').str('C').str('dtype').global('numpy', 'dtype').str(dtype).bool(false).bool(true).tuple3().reduce();
  b.mark().int(3).str('<').none().none().none().int(-1).int(-1).int(0).tuple().buildState();
  b.str('allow_mmap').bool(aligned);
  if (aligned) b.str('numpy_array_alignment_bytes').int(16);
  return b.setitems().buildState();
}

describe('formats', () => {
  it('numpy .npy with an object dtype carries a pickle', async () => {
    const run = await scan(npy('|O', evil()), { path: 'arr.npy', format: 'npy' });
    expect(first(run, 'object-array').severity).toBe('low');
    expect(first(run, 'dangerous-global').location?.byteOffset).toBeGreaterThan(64);
  });

  it('numpy .npy with a numeric dtype is not a pickle', async () => {
    const run = await scan(npy('<f8', new Uint8Array(16)), { path: 'arr.npy', format: 'npy' });
    expect(run.findings).toEqual([]);
  });

  it('joblib: raw array data after each wrapper is skipped, a payload after it is found', async () => {
    const data = Uint8Array.from(Buffer.from('cos\nsystem\n(S"x"\ntR.\x80\x02\x80\x02\x80\x02', 'latin1'));
    const head = wrapper(pk().proto(4).mark(), 'u1', [data.length], true).build();
    const padding = 16 - ((head.length + 1) % 16);
    const rest = pk().call('os', 'system', (b) => b.str('id')).list().stop().build();
    const file = concatBytes(head, Uint8Array.from([padding, ...new Array(padding).fill(0xff)]), data, rest);
    const run = await scan(file, { path: 'model.joblib' });
    expect(ids(run)).toEqual(['dangerous-global/call']);
  });

  it('joblib: object arrays are a pickle inside the pickle', async () => {
    const head = wrapper(pk().proto(4), 'O8', [1], false).build();
    const inner = pk().proto(2).global('numpy.core.multiarray', '_reconstruct').mark().call('posix', 'system', (b) => b.str('id')).tuple().stop().build();
    const run = await scan(concatBytes(head, inner, pk().stop().build()), { path: 'model.joblib' });
    expect(first(run, 'dangerous-global', 'call').data?.['global']).toBe('posix.system (os.system)');
    expect(ids(run)).not.toContain('malformed-pickle/invalidOpcode');
  });

  it('joblib: an unknown opcode in the pickle of an object array ends the outer stream, payload kept', async () => {
    const head = wrapper(pk().proto(4), 'O8', [1], false).build();
    const inner = pk().proto(2).call('posix', 'system', (b) => b.str('id')).raw([0xff]).build();
    // What follows the fault is no longer the outer stream: analysed as a stream of its own.
    const after = pk().call('posix', 'system', (b) => b.str('after')).stop().build();
    const run = await scan(concatBytes(head, inner, after), { path: 'model.joblib' });
    expect(first(run, 'malformed-pickle', 'invalidOpcode').data).toMatchObject({ byte: 'ff', stream: 0 });
    const calls = run.findings.filter((f) => f.rule === 'dangerous-global' && f.messageId === 'call');
    expect(calls.map((f) => [String(f.evidence?.['call']), f.evidence?.['stream']])).toEqual([
      ["posix.system('id')", 0],
      ["posix.system('after')", 1],
    ]);
  });

  it('joblib zlib compression (raw zlib stream and the old ZF header)', async () => {
    const compressed = deflateSync(evil());
    const run = await scan(compressed, { path: 'model.joblib', format: 'binary' });
    expect(ids(run)).toContain('dangerous-global/call');
    const zf = concatBytes(Buffer.from('ZF' + '0x1c'.padEnd(19), 'latin1'), compressed);
    expect(ids(await scan(zf, { path: 'model.pkl', format: 'binary' }))).toContain('dangerous-global/call');
  });

  it('joblib LZMA-alone is reported as not analysable, never clean', async () => {
    const lzma = Uint8Array.from([0x5d, 0x00, 0x00, 0x80, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x33, 0x1b]);
    const run = await scan(lzma, { path: 'model.joblib.lzma', format: 'binary' });
    expect(run.errors[0]?.code).toBe('NOT_ANALYSABLE');
  });

  it('7z archives make the scan incomplete', async () => {
    const run = await scan(Uint8Array.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), { path: 'model.7z', format: '7z' });
    expect(run.errors).toEqual([expect.objectContaining({ code: 'NOT_ANALYSABLE' })]);
  });

  it('a pickle disguised as .safetensors or with no extension is found by content', async () => {
    for (const path of ['model.safetensors', 'weights', 'archive/data/0']) {
      expect(ids(await scan(evil(), { path })), path).toContain('dangerous-global/call');
    }
  });

  it('protocol-0 pickle sniffed as text but named .pkl (truncated, no final STOP)', async () => {
    const run = await scan(Buffer.from("cos\nsystem\n(S'id'\ntR", 'latin1'), { path: 'x.pkl', format: 'text' });
    expect(ids(run)).toContain('dangerous-global/call');
  });

  it('PyTorch legacy file: five streams, then raw storage data; payload in the fourth stream', async () => {
    const magic = pk().proto(2).long1(0x1950a86a20f9469cfc6cn).stop().build();
    const version = pk().proto(2).int(1001).stop().build();
    const sysInfo = pk().proto(2).emptyDict().str('little_endian').bool(true).setitem().stop().build();
    const keys = pk().proto(2).emptyList().str('0').append().stop().build();
    const storage = Uint8Array.from({ length: 100_000 }, (_, i) => (i % 97 === 0 ? 0x80 : i % 97 === 1 ? 0x02 : (i * 31) & 0xff));
    const run = await scan(concatBytes(magic, version, sysInfo, evil(), keys, new Uint8Array(8), storage), { path: 'legacy.pt' });
    expect(first(run, 'dangerous-global').evidence).toMatchObject({ stream: 3 });
    expect(serious(run)).toHaveLength(1);
  });
});
