import { describe, expect, it } from 'vitest';
import { SAFETENSORS_DTYPE_BITS, buildSafetensors, safetensorsFile } from '@modelgate/plugin-kit/testing';
import { ids, scanFile } from './scan.js';

describe('valid files', () => {
  it('yields no findings for every dtype, sub-byte types, scalars and empty tensors', async () => {
    const built = buildSafetensors(
      {
        f32: { dtype: 'F32', shape: [2, 3] },
        bf16: { dtype: 'BF16', shape: [4] },
        e4m3: { dtype: 'F8_E4M3', shape: [3, 3] },
        e5m2: { dtype: 'F8_E5M2', shape: [5] },
        e8m0: { dtype: 'F8_E8M0', shape: [1] },
        e4m3fnuz: { dtype: 'F8_E4M3FNUZ', shape: [2] },
        e5m2fnuz: { dtype: 'F8_E5M2FNUZ', shape: [2] },
        fp4: { dtype: 'F4', shape: [3, 2] }, // 6 × 4 bits = 3 bytes
        fp6a: { dtype: 'F6_E2M3', shape: [4] }, // 4 × 6 bits = 3 bytes
        fp6b: { dtype: 'F6_E3M2', shape: [2, 4] },
        c64: { dtype: 'C64', shape: [2] },
        scalar: { dtype: 'I64', shape: [] },
        empty: { dtype: 'F16', shape: [0, 7] },
        empty2: { dtype: 'U8', shape: [3, 0] },
        bool: { dtype: 'BOOL', shape: [3] },
      },
      { metadata: { format: 'pt', note: 'ok' } },
    );
    expect(await scanFile(safetensorsFile(built))).toEqual([]);
  });

  it('accepts every dtype the loader knows', async () => {
    const tensors = Object.fromEntries(Object.keys(SAFETENSORS_DTYPE_BITS).map((dtype) => [dtype.toLowerCase(), { dtype, shape: [8] }]));
    expect(await scanFile(safetensorsFile(buildSafetensors(tensors)))).toEqual([]);
  });

  it('accepts a header with no tensors and no data', async () => {
    expect(await scanFile(safetensorsFile(buildSafetensors({})))).toEqual([]);
  });

  it('accepts tensors listed out of offset order and unknown extra fields', async () => {
    const built = buildSafetensors(
      { a: { dtype: 'F32', shape: [2] }, b: { dtype: 'U8', shape: [3] } },
      {
        edit: (h) => {
          const a = h.a;
          delete h.a;
          h.a = { ...a, extra: { anything: [1, 2] } };
        },
      },
    );
    expect(await scanFile(safetensorsFile(built))).toEqual([]);
  });

  it('accepts __metadata__ null', async () => {
    expect(await scanFile(safetensorsFile(buildSafetensors({ w: { dtype: 'U8', shape: [1] } }, { metadata: null })))).toEqual([]);
  });
});

describe('invalid-tensor-entry', () => {
  const w = { w: { dtype: 'F32', shape: [2] } };
  const corrupt = (edit: (e: Record<string, any>) => void) =>
    scanFile(safetensorsFile(buildSafetensors(w, { edit: (h) => edit(h.w) })));

  it('reports an unknown dtype', async () => {
    const findings = await corrupt((e) => (e.dtype = 'F128'));
    expect(ids(findings)).toEqual(['invalid-tensor-entry/unknownDtype']);
    expect(findings[0]).toMatchObject({ severity: 'high', data: { name: 'w', dtype: 'F128' }, location: { logical: ['w'] } });
  });

  it('reports dtype names in the wrong case (the loader is case-sensitive)', async () => {
    expect(ids(await corrupt((e) => (e.dtype = 'f32')))).toEqual(['invalid-tensor-entry/unknownDtype']);
  });

  it('reports a dtype that is not a string', async () => {
    expect(ids(await corrupt((e) => (e.dtype = 32)))).toEqual(['invalid-tensor-entry/dtypeNotString']);
  });

  it.each([
    ['negative', [-2]],
    ['fraction', [2.5]],
    ['string', ['2']],
    ['not an array', 2],
    ['null item', [null]],
  ])('reports a bad shape: %s', async (_, shape) => {
    expect(ids(await corrupt((e) => (e.shape = shape)))).toEqual(['invalid-tensor-entry/invalidShape']);
  });

  it('reports shape values written with an exponent or beyond 2^64-1 (serde_json makes them floats)', async () => {
    for (const dim of ['2e0', '18446744073709551616', '-0']) {
      const text = `{"w":{"dtype":"F32","shape":[${dim}],"data_offsets":[0,8]}}`;
      const findings = await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text, dataLength: 8 })));
      expect(ids(findings)).toEqual(['invalid-tensor-entry/invalidShape']);
    }
  });

  it.each([
    ['one value', [0]],
    ['three values', [0, 8, 8]],
    ['negative', [-1, 7]],
    ['not an array', '0-8'],
  ])('reports bad data_offsets: %s', async (_, offsets) => {
    expect(ids(await corrupt((e) => (e.data_offsets = offsets)))).toEqual(['invalid-tensor-entry/invalidOffsets']);
  });

  it('reports missing fields', async () => {
    const findings = await corrupt((e) => {
      delete e.dtype;
      delete e.data_offsets;
    });
    expect(ids(findings)).toEqual(['invalid-tensor-entry/missingField', 'invalid-tensor-entry/missingField']);
    expect(findings.map((f) => f.data?.field)).toEqual(['dtype', 'data_offsets']);
  });

  it('reports an entry that is not an object', async () => {
    const built = buildSafetensors(w, { edit: (h) => (h.w = 'F32') });
    expect(ids(await scanFile(safetensorsFile(built)))).toEqual(['invalid-tensor-entry/notObject']);
  });

  it('reports an array entry of the wrong length', async () => {
    const built = buildSafetensors(w, { edit: (h) => (h.w = ['F32', [2]]) });
    const findings = await scanFile(safetensorsFile(built));
    expect(ids(findings)).toEqual(['invalid-tensor-entry/notObject']);
    expect(findings[0]!.data).toMatchObject({ type: 'an array of 2 items' });
  });
});

describe('nonstandard-tensor-entry', () => {
  it('reports the array form serde accepts, and still validates it', async () => {
    const built = buildSafetensors({ w: { dtype: 'F32', shape: [2] } }, { edit: (h) => (h.w = ['F32', [2], [0, 8]]) });
    const findings = await scanFile(safetensorsFile(built));
    expect(ids(findings)).toEqual(['nonstandard-tensor-entry/entryAsArray']);
    expect(findings[0]!.severity).toBe('medium');
    const wrong = buildSafetensors({ w: { dtype: 'F32', shape: [2] } }, { edit: (h) => (h.w = ['F32', [3], [0, 8]]) });
    expect(ids(await scanFile(safetensorsFile(wrong)))).toEqual(['nonstandard-tensor-entry/entryAsArray', 'tensor-size-mismatch/sizeMismatch']);
  });

  it('reports the {"F32": null} dtype form', async () => {
    const built = buildSafetensors({ w: { dtype: 'F32', shape: [2] } }, { edit: (h) => (h.w.dtype = { F32: null }) });
    expect(ids(await scanFile(safetensorsFile(built)))).toEqual(['nonstandard-tensor-entry/dtypeAsMap']);
  });
});

describe('tensor-size-mismatch', () => {
  it('reports offsets that do not match shape × dtype size', async () => {
    const built = buildSafetensors(
      { a: { dtype: 'F32', shape: [2, 2] }, b: { dtype: 'U8', shape: [4] } },
      { edit: (h) => (h.a.shape = [2, 3]) },
    );
    const findings = await scanFile(safetensorsFile(built));
    expect(ids(findings)).toEqual(['tensor-size-mismatch/sizeMismatch']);
    expect(findings[0]).toMatchObject({
      severity: 'high',
      data: { name: 'a', dtype: 'F32', shape: '2, 3', expected: '24', actual: '16' },
      location: { logical: ['a'] },
    });
  });

  it('reports a shape product that overflows 64 bits', async () => {
    const text = '{"a":{"dtype":"U8","shape":[4294967296,4294967296],"data_offsets":[0,0]}}';
    const findings = await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text })));
    expect(ids(findings)).toEqual(['tensor-size-mismatch/overflow']);
  });

  it('reports an overflow before a zero dimension, as the checked fold does', async () => {
    const text = '{"a":{"dtype":"U8","shape":[4294967296,4294967296,0],"data_offsets":[0,0]}}';
    expect(ids(await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text }))))).toEqual(['tensor-size-mismatch/overflow']);
    const fine = '{"a":{"dtype":"U8","shape":[0,4294967296,4294967296],"data_offsets":[0,0]}}';
    expect(await scanFile(safetensorsFile(buildSafetensors({}, { headerText: fine })))).toEqual([]);
  });

  it('reports elements × bits overflowing even when the byte count would fit', async () => {
    // 2^62 elements fit in u64; × 32 bits does not.
    const text = '{"a":{"dtype":"F32","shape":[4611686018427387904],"data_offsets":[0,0]}}';
    expect(ids(await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text }))))).toEqual(['tensor-size-mismatch/overflow']);
  });

  it('reports sub-byte tensors that do not fill whole bytes', async () => {
    for (const [dtype, count] of [['F4', 3], ['F6_E2M3', 2], ['F6_E3M2', 5]] as const) {
      const text = `{"a":{"dtype":"${dtype}","shape":[${count}],"data_offsets":[0,1]}}`;
      const findings = await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text, dataLength: 1 })));
      expect(ids(findings)).toEqual(['tensor-size-mismatch/misaligned']);
    }
  });
});

describe('invalid-metadata', () => {
  it('reports a non-string value', async () => {
    const findings = await scanFile(safetensorsFile(buildSafetensors({ w: { dtype: 'U8', shape: [1] } }, { metadata: { epoch: 3 } })));
    expect(ids(findings)).toEqual(['invalid-metadata/nonStringValue']);
    expect(findings[0]).toMatchObject({ severity: 'high', data: { key: 'epoch', type: 'number' }, location: { logical: ['__metadata__', 'epoch'] } });
  });

  it('reports nested objects', async () => {
    expect(ids(await scanFile(safetensorsFile(buildSafetensors({}, { metadata: { a: { b: 'c' } } }))))).toEqual(['invalid-metadata/nonStringValue']);
  });

  it.each([[['a']], ['text'], [1]])('reports __metadata__ that is not an object: %j', async (metadata) => {
    expect(ids(await scanFile(safetensorsFile(buildSafetensors({}, { metadata }))))).toEqual(['invalid-metadata/notObject']);
  });
});

describe('suspicious-tensor-name', () => {
  it('reports an empty tensor name', async () => {
    const findings = await scanFile(safetensorsFile(buildSafetensors({ '': { dtype: 'U8', shape: [1] } })));
    expect(ids(findings)).toEqual(['suspicious-tensor-name/empty']);
    expect(findings[0]!.severity).toBe('low');
  });

  it('reports a huge tensor name, truncated in the report', async () => {
    const name = 'x'.repeat(5000);
    const findings = await scanFile(safetensorsFile(buildSafetensors({ [name]: { dtype: 'U8', shape: [1] } })));
    expect(ids(findings)).toEqual(['suspicious-tensor-name/tooLong']);
    expect(findings[0]!.data).toMatchObject({ length: 5000, limit: 1024 });
    expect(JSON.stringify(findings[0]).length).toBeLessThan(1000);
  });

  it('does not report ordinary long names', async () => {
    const name = 'model.layers.31.self_attn.q_proj.weight'.repeat(20);
    expect(await scanFile(safetensorsFile(buildSafetensors({ [name]: { dtype: 'U8', shape: [1] } })))).toEqual([]);
  });
});
