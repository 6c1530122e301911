import { describe, expect, it } from 'vitest';
import { buildSafetensors, safetensorsFile } from '@modelgate/plugin-kit/testing';
import { ids, scanFile } from './scan.js';

const two = { a: { dtype: 'F32', shape: [2] }, b: { dtype: 'F32', shape: [2] } }; // a: [0,8], b: [8,16]

describe('invalid-offsets', () => {
  it('reports a first tensor that does not start at 0', async () => {
    const built = buildSafetensors(two, { edit: (h) => ((h.a.data_offsets = [4, 12]), (h.b.data_offsets = [12, 20])), dataLength: 20 });
    const findings = await scanFile(safetensorsFile(built));
    expect(ids(findings)).toEqual(['invalid-offsets/notAtZero']);
    expect(findings[0]).toMatchObject({ severity: 'high', data: { name: 'a', begin: '4', count: '4' }, location: { logical: ['a'] } });
  });

  it('reports a gap between tensors', async () => {
    const built = buildSafetensors(two, { edit: (h) => (h.b.data_offsets = [12, 20]), dataLength: 20 });
    const findings = await scanFile(safetensorsFile(built));
    expect(ids(findings)).toEqual(['invalid-offsets/gap']);
    expect(findings[0]!.data).toEqual({ name: 'b', begin: '12', expected: '8', count: '4' });
  });

  it('reports overlapping tensors', async () => {
    const built = buildSafetensors(two, { edit: (h) => (h.b.data_offsets = [4, 12]), dataLength: 12 });
    const findings = await scanFile(safetensorsFile(built));
    expect(ids(findings)).toEqual(['invalid-offsets/overlap']);
    expect(findings[0]!.data).toEqual({ name: 'b', begin: '4', previous: 'a', expected: '8' });
  });

  it('reports two tensors sharing the same bytes (aliasing)', async () => {
    const built = buildSafetensors(two, { edit: (h) => (h.b.data_offsets = [0, 8]), dataLength: 8 });
    expect(ids(await scanFile(safetensorsFile(built)))).toEqual(['invalid-offsets/overlap']);
  });

  it('reports an end before the begin', async () => {
    const built = buildSafetensors(
      { a: { dtype: 'U8', shape: [0] } },
      { edit: (h) => (h.a.data_offsets = [0, 0]) },
    );
    expect(await scanFile(safetensorsFile(built))).toEqual([]);
    const reversed = buildSafetensors(two, { edit: (h) => (h.b.data_offsets = [16, 8]) });
    expect(ids(await scanFile(safetensorsFile(reversed)))).toContain('invalid-offsets/endBeforeBegin');
  });

  it('accepts empty tensors sharing an offset', async () => {
    const built = buildSafetensors(
      { e1: { dtype: 'F32', shape: [0] }, a: { dtype: 'F32', shape: [1] }, e2: { dtype: 'F32', shape: [0] } },
      { edit: (h) => ((h.e1.data_offsets = [0, 0]), (h.e2.data_offsets = [4, 4])) },
    );
    expect(await scanFile(safetensorsFile(built))).toEqual([]);
  });

  it('reads offsets beyond 2^53 exactly', async () => {
    const big = 2n ** 60n;
    const text = `{"a":{"dtype":"U8","shape":[${big}],"data_offsets":[0,${big}]},"b":{"dtype":"U8","shape":[1],"data_offsets":[${big + 1n},${big + 2n}]}}`;
    const findings = await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text })));
    expect(ids(findings)).toEqual(['invalid-offsets/gap']);
    expect(findings[0]!.data).toMatchObject({ begin: String(big + 1n), expected: String(big), count: '1' });
  });
});

describe('buffer coverage', () => {
  it('reports bytes after the last tensor as trailing data', async () => {
    const built = buildSafetensors(two);
    const findings = await scanFile(safetensorsFile(built, 'model.safetensors', 5));
    expect(ids(findings)).toEqual(['trailing-data/trailingData']);
    expect(findings[0]).toMatchObject({
      severity: 'high',
      data: { count: '5', offset: String(8 + built.headerLength + 16) },
      location: { byteOffset: 8 + built.headerLength + 16 },
    });
  });

  it('reports trailing data after a header with no tensors', async () => {
    const built = buildSafetensors({}, { dataLength: 3 });
    expect(ids(await scanFile(safetensorsFile(built)))).toEqual(['trailing-data/trailingData']);
  });

  it('reports a data section shorter than the tensors need', async () => {
    const built = buildSafetensors(two, { dataLength: 10 });
    const findings = await scanFile(safetensorsFile(built));
    expect(ids(findings)).toEqual(['buffer-truncated/truncated']);
    expect(findings[0]!.data).toEqual({ needed: '16', available: '10' });
  });

  it('reports a file cut inside the data', async () => {
    const built = buildSafetensors({ w: { dtype: 'F32', shape: [1024] } }, { dataLength: 100 });
    expect(ids(await scanFile(safetensorsFile(built)))).toEqual(['buffer-truncated/truncated']);
  });
});

describe('duplicate-key', () => {
  it('reports a tensor defined twice, pointing at the second definition', async () => {
    const text = '{"w":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"w":{"dtype":"U8","shape":[4],"data_offsets":[0,4]}}';
    const findings = await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text, dataLength: 4 })));
    expect(ids(findings)).toEqual(['duplicate-key/duplicateTensor']);
    expect(findings[0]).toMatchObject({
      severity: 'high',
      data: { name: 'w', count: 2 },
      location: { byteOffset: 8 + text.lastIndexOf('"w"'), logical: ['w'] },
    });
  });

  it('judges the layout with the last definition, like the Rust loader', async () => {
    // First "w" claims 8 bytes, the last claims 4: the file holds 4, so only the duplicate shows.
    const text = '{"w":{"dtype":"U8","shape":[8],"data_offsets":[0,8]},"w":{"dtype":"U8","shape":[4],"data_offsets":[0,4]}}';
    expect(ids(await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text, dataLength: 4 }))))).toEqual(['duplicate-key/duplicateTensor']);
  });

  it('reports duplicate fields inside a tensor entry and inside __metadata__', async () => {
    const text = '{"__metadata__":{"a":"1","a":"2"},"w":{"dtype":"U8","dtype":"I8","shape":[1],"data_offsets":[0,1]}}';
    const findings = await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text, dataLength: 1 })));
    expect(ids(findings)).toEqual(['duplicate-key/duplicateKey', 'duplicate-key/duplicateKey']);
    expect(findings.map((f) => f.data?.at)).toEqual(['/__metadata__', '/w']);
  });

  it('reports a duplicated __metadata__ key as a key, not a tensor', async () => {
    const text = '{"__metadata__":{},"__metadata__":{}}';
    const findings = await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text })));
    expect(ids(findings)).toEqual(['duplicate-key/duplicateKey']);
    expect(findings[0]!.data).toMatchObject({ key: '__metadata__', at: 'the top-level object' });
  });

  it('sees keys that differ only in escapes as the same key', async () => {
    const text = '{"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"\\u0077":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}';
    expect(ids(await scanFile(safetensorsFile(buildSafetensors({}, { headerText: text, dataLength: 1 }))))).toEqual(['duplicate-key/duplicateTensor']);
  });
});
