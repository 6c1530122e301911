import { MemoryFile } from '@modelgate/plugin-kit/testing';
import { describe, expect, it } from 'vitest';
import { GGUF_READ_LIMIT, readGgufLicense } from '../src/sources/gguf.js';
import { readSafetensorsLicense } from '../src/sources/safetensors-metadata.js';
import { card, entry, gguf, ids, safetensors, scan } from './helpers.js';

describe('GGUF general.license', () => {
  it('is read past a vocabulary array, from the header only', async () => {
    const bytes = gguf({ 'general.name': 'Acme Coder 7B', 'general.license': 'apache-2.0' }, { vocabulary: 20_000 });
    const file = new MemoryFile('m.gguf', bytes, { size: bytes.length + 4_000_000_000, format: 'gguf' });
    expect(await readGgufLicense(file)).toEqual({ name: 'Acme Coder 7B', license: 'apache-2.0' });
    expect(file.bytesRead).toBeLessThanOrEqual(bytes.length + 64 * 1024);
  });

  it('stops at the read limit', async () => {
    const bytes = gguf({ 'general.license': 'mit' }, { vocabulary: 10 });
    const file = new MemoryFile('m.gguf', bytes, { size: 10 * GGUF_READ_LIMIT });
    const big = gguf({ 'general.license': 'mit' }, { vocabulary: 1_000_000 });
    expect(big.length).toBeGreaterThan(GGUF_READ_LIMIT);
    const result = await readGgufLicense(new MemoryFile('big.gguf', big));
    expect(result?.license).toBeUndefined();
    expect(result?.incomplete).toMatch(/read limit/);
    expect((await readGgufLicense(file))?.license).toBe('mit');
  });

  it('gives the model its licence and name when nothing else does', async () => {
    const run = await scan({ 'acme-7b.Q4_K_M.gguf': gguf({ 'general.name': 'Acme 7B', 'general.license': 'apache-2.0' }) });
    expect(ids(run)).toEqual([]);
    expect(entry(run, '.')).toMatchObject({ name: 'Acme 7B', expression: 'Apache-2.0', sources: [{ from: 'gguf', path: 'acme-7b.Q4_K_M.gguf', value: 'apache-2.0' }] });
  });
});

describe('safetensors __metadata__', () => {
  it('reads license and modelspec.license', async () => {
    expect(await readSafetensorsLicense(new MemoryFile('a', safetensors({ license: 'openrail++' })))).toEqual({ key: 'license', value: 'openrail++' });
    expect(await readSafetensorsLicense(new MemoryFile('a', safetensors({ 'modelspec.license': 'CreativeML Open RAIL-M' })))).toEqual({ key: 'modelspec.license', value: 'CreativeML Open RAIL-M' });
    expect(await readSafetensorsLicense(new MemoryFile('a', safetensors({ format: 'pt' })))).toBeUndefined();
  });

  it('never reads past a header that claims more than the limit', async () => {
    const prefix = new Uint8Array(8);
    new DataView(prefix.buffer).setBigUint64(0, 2n ** 40n, true);
    const file = new MemoryFile('a.safetensors', prefix, { size: 2 ** 41 });
    expect(await readSafetensorsLicense(file)).toBeUndefined();
    expect(file.bytesRead).toBe(8);
  });
});

describe('datasets matched by name', () => {
  it('matches a card dataset to a manifest and a Hub dataset card, and leaves unknown ones unresolved', async () => {
    const run = await scan({
      'README.md': card('license: cc-by-sa-4.0\ndatasets:\n  - acme/reviews\n  - wikipedia\n  - acme/not-in-tree'),
      'data/reviews/MANIFEST.yaml': 'name: reviews\nlicense: CC-BY-SA-4.0\n',
      'data/wiki/README.md': card('license: cc-by-sa-3.0\npretty_name: wikipedia\nsize_categories: [1M<n<10M]'),
      'data/wiki/dataset_info.json': '{"dataset_name": "wikipedia", "license": "cc-by-sa-3.0"}',
    });
    expect(ids(run)).toEqual([]);
    const sources = entry(run, '.').sources.filter((s: any) => s.from === 'dataset');
    expect(sources).toEqual([
      expect.objectContaining({ value: 'acme/reviews', matched: 'data/reviews', expression: 'CC-BY-SA-4.0', via: 'tree' }),
      expect.objectContaining({ value: 'wikipedia', matched: 'data/wiki', expression: 'CC-BY-SA-3.0' }),
      expect.objectContaining({ value: 'acme/not-in-tree', expression: null }),
    ]);
    expect(entry(run, 'data/wiki')).toMatchObject({ kind: 'dataset', declared: 'CC-BY-SA-3.0' });
  });

  it('matches provenance training_data by relative path', async () => {
    const run = await scan({
      'model/provenance.yaml': 'name: m\nlicense: apache-2.0\ntraining_data:\n  - source: ../data/crawl\n    sha256: ' + 'b'.repeat(64) + '\n',
      'data/crawl/MANIFEST.yaml': 'name: web-crawl-2024\nlicense: cc-by-nc-4.0\n',
    });
    expect(ids(run)).toEqual(['upstream-conflict/dataset']);
  });
});
