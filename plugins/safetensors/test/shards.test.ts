import { describe, expect, it } from 'vitest';
import { buildSafetensors, safetensorsFile, type TensorSpec } from '@modelgate/plugin-kit/testing';
import { MemoryDirectory, MemoryFile, type MemoryNode } from '@modelgate/plugin-kit/testing';
import { ids, scanDirectory } from './scan.js';

const DIR = 'repo';
const INDEX = `${DIR}/model.safetensors.index.json`;
const S1 = 'model-00001-of-00002.safetensors';
const S2 = 'model-00002-of-00002.safetensors';
const spec: TensorSpec = { dtype: 'F32', shape: [4] };

function shard(names: string[], path: string): MemoryFile {
  return safetensorsFile(buildSafetensors(Object.fromEntries(names.map((n) => [n, spec]))), path);
}

function json(path: string, value: unknown): MemoryFile {
  return new MemoryFile(path, new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)), { format: 'json' });
}

/** A directory with an index mapping `weightMap` and shards holding the given tensors. */
function checkpoint(weightMap: Record<string, unknown>, shards: Record<string, string[]>, extra: Record<string, MemoryNode> = {}) {
  const files: Record<string, MemoryNode> = { [INDEX]: json(INDEX, { metadata: { total_size: 32 }, weight_map: weightMap }), ...extra };
  for (const [name, tensors] of Object.entries(shards)) files[`${DIR}/${name}`] = shard(tensors, `${DIR}/${name}`);
  return new MemoryDirectory(DIR, files);
}

describe('sharded checkpoints', () => {
  it('accepts a consistent index and reads only shard headers', async () => {
    const dir = checkpoint({ a: S1, b: S1, c: S2 }, { [S1]: ['a', 'b'], [S2]: ['c'] });
    expect(await scanDirectory(dir)).toEqual([]);
    for (const name of [S1, S2]) {
      const file = dir.file(`${DIR}/${name}`);
      expect(file.bytesRead).toBe(file.reads.reduce((n, [offset, length]) => (offset === 0 ? n + 8 : n + length), 0));
      expect(file.bytesRead).toBeLessThan(file.size);
    }
  });

  it('accepts shards in a subdirectory and "./" prefixes', async () => {
    const dir = checkpoint({ a: `./sub/${S1}` }, {}, { [`${DIR}/sub/${S1}`]: shard(['a'], `${DIR}/sub/${S1}`) });
    expect(await scanDirectory(dir)).toEqual([]);
  });

  it('treats "x" and "./x" as one shard (no false duplicates, one read)', async () => {
    const dir = checkpoint({ a: S1, b: `./${S1}` }, { [S1]: ['a', 'b'] });
    expect(await scanDirectory(dir)).toEqual([]);
    expect(dir.opened.filter((p) => p.endsWith(S1))).toHaveLength(1);
  });

  it('reports an index that is not JSON', async () => {
    const dir = new MemoryDirectory(DIR, { [INDEX]: json(INDEX, '{"weight_map": {') });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toEqual(['shard-index-invalid/notJson']);
    expect(findings[0]).toMatchObject({ severity: 'high', path: INDEX });
  });

  it.each([[{ metadata: {} }, 'nothing'], [{ weight_map: [] }, 'array']])('reports an index without a weight_map object', async (index, type) => {
    const findings = await scanDirectory(new MemoryDirectory(DIR, { [INDEX]: json(INDEX, index) }));
    expect(ids(findings)).toEqual(['shard-index-invalid/noWeightMap']);
    expect(findings[0]!.data).toEqual({ type });
  });

  it('reports an index that is not an object', async () => {
    expect(ids(await scanDirectory(new MemoryDirectory(DIR, { [INDEX]: json(INDEX, []) })))).toEqual(['shard-index-invalid/notObject']);
  });

  it('reports weight_map values that are not strings', async () => {
    const dir = checkpoint({ a: S1, b: 3 }, { [S1]: ['a'] });
    expect(ids(await scanDirectory(dir))).toEqual(['shard-index-invalid/nonStringShard']);
  });

  it('reports an index too large to read, without reading it', async () => {
    const index = new MemoryFile(INDEX, new Uint8Array(0), { size: 65 * 1024 * 1024, format: 'json' });
    const findings = await scanDirectory(new MemoryDirectory(DIR, { [INDEX]: index }));
    expect(ids(findings)).toEqual(['shard-index-invalid/tooLarge']);
    expect(index.bytesRead).toBe(0);
  });

  it('reports a missing shard against the index', async () => {
    const dir = checkpoint({ a: S1, b: S2, c: S2 }, { [S1]: ['a'] });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toEqual(['shard-missing/missing']);
    expect(findings[0]).toMatchObject({ severity: 'high', path: INDEX, data: { shard: S2, count: 2 }, location: { logical: ['b'] } });
  });

  it('reports a shard that is not a loadable safetensors file', async () => {
    const dir = checkpoint({ a: S1 }, {}, { [`${DIR}/${S1}`]: new MemoryFile(`${DIR}/${S1}`, Uint8Array.from([1, 2, 3])) });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toEqual(['shard-missing/unreadable']);
    expect(findings[0]!.data).toMatchObject({ reason: 'shorter than 8 bytes' });
  });

  it.each([
    ['../other/model.safetensors', 'traversal'],
    ['sub/../../x.safetensors', 'traversal'],
    ['..\\x.safetensors', 'traversal'],
    ['/etc/passwd', 'absolute'],
    ['\\\\server\\share\\x.safetensors', 'absolute'],
    ['C:\\models\\x.safetensors', 'absolute'],
    ['c:x.safetensors', 'absolute'],
    ['https://example.com/x.safetensors', 'url'],
    ['file:///etc/passwd', 'url'],
    ['', 'invalid'],
    ['x\u0000.safetensors', 'invalid'],
  ])('reports unsafe shard path %j as %s and never opens it', async (name, messageId) => {
    const dir = checkpoint({ a: S1, b: name }, { [S1]: ['a'] });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toEqual([`shard-path-unsafe/${messageId}`]);
    expect(findings[0]).toMatchObject({ severity: 'high', path: INDEX });
    expect(dir.opened).toEqual([INDEX, `${DIR}/${S1}`]);
  });

  it('does not treat ".." inside a file name as traversal', async () => {
    const name = 'model..v2.safetensors';
    const dir = checkpoint({ a: name }, { [name]: ['a'] });
    expect(await scanDirectory(dir)).toEqual([]);
  });

  it("reports a tensor absent from its shard's header", async () => {
    const dir = checkpoint({ a: S1, b: S1 }, { [S1]: ['a'] });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toEqual(['shard-tensor-missing/missing']);
    expect(findings[0]).toMatchObject({ severity: 'high', path: INDEX, data: { name: 'b', shard: S1 }, location: { logical: ['b'] } });
  });

  it('reports a tensor defined in two shards', async () => {
    const dir = checkpoint({ a: S1, b: S2 }, { [S1]: ['a', 'b'], [S2]: ['b'] });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toEqual(['shard-tensor-duplicate/duplicate']);
    expect(findings[0]).toMatchObject({ severity: 'high', path: INDEX, data: { name: 'b', count: 2, mapped: S2 } });
  });

  it('reports a shard tensor the index does not list, against the shard', async () => {
    const dir = checkpoint({ a: S1 }, { [S1]: ['a', 'hidden'] });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toEqual(['shard-tensor-unlisted/unlisted']);
    expect(findings[0]).toMatchObject({ severity: 'medium', path: `${DIR}/${S1}`, location: { logical: ['hidden'] } });
  });

  it('reports a shard tensor the index maps to another shard', async () => {
    const dir = checkpoint({ a: S1, b: S1, c: S2 }, { [S1]: ['a'], [S2]: ['b', 'c'] });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toEqual(['shard-tensor-missing/missing', 'shard-tensor-unlisted/mappedElsewhere']);
    expect(findings[1]).toMatchObject({ path: `${DIR}/${S2}`, data: { name: 'b', shard: S2, mapped: S1 } });
  });

  it('reports shards named like the index but not referenced, without opening them', async () => {
    const S3 = 'model-00003-of-00003.safetensors';
    const dir = checkpoint({ a: S1 }, { [S1]: ['a'], [S3]: ['z'] }, { [`${DIR}/other.safetensors`]: shard(['q'], `${DIR}/other.safetensors`) });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toEqual(['shard-unreferenced/unreferenced']);
    expect(findings[0]).toMatchObject({ severity: 'low', path: `${DIR}/${S3}` });
    expect(dir.opened).not.toContain(`${DIR}/${S3}`);
  });

  it('reports duplicate weight_map keys in the index', async () => {
    const text = `{"weight_map":{"a":"${S1}","a":"${S2}"}}`;
    const dir = new MemoryDirectory(DIR, { [INDEX]: json(INDEX, text), [`${DIR}/${S1}`]: shard(['a'], `${DIR}/${S1}`), [`${DIR}/${S2}`]: shard([], `${DIR}/${S2}`) });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toContain('duplicate-key/duplicateKey');
    expect(findings.find((f) => f.rule === 'duplicate-key')).toMatchObject({ path: INDEX, data: { key: 'a', at: '/weight_map' } });
  });

  it('checks every index in a directory on its own naming', async () => {
    const fp16 = `${DIR}/model.fp16.safetensors.index.json`;
    const dir = checkpoint({ a: S1 }, { [S1]: ['a'] }, {
      [fp16]: json(fp16, { weight_map: { a: 'model.fp16-00001-of-00001.safetensors' } }),
    });
    const findings = await scanDirectory(dir);
    expect(ids(findings)).toEqual(['shard-missing/missing']);
    expect(findings[0]!.path).toBe(fp16);
  });

  it('works for a checkpoint at the scan root', async () => {
    const index = 'model.safetensors.index.json';
    const dir = new MemoryDirectory('', { [index]: json(index, { weight_map: { a: S1 } }), [S1]: shard(['a'], S1) });
    expect(await scanDirectory(dir)).toEqual([]);
  });
});
