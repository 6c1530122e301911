import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { dir, ids, scan, sha } from './helpers.js';

const TRAIN = 'text,label\na,1\nb,0\nc,1\n';

describe('cards', () => {
  it('ignores a README without front matter', async () => {
    const run = await scan(dir({ 'README.md': '# Model\n\n---\n' }));
    expect(run).toEqual({ findings: [], inventory: [], errors: [] });
  });

  it('reports invalid front matter with the line in the README', async () => {
    const run = await scan(dir({ 'README.md': '---\nlicense: mit\ntags: [a\n---\n# x\n' }));
    expect(run.errors[0]!.code).toBe('INVALID_YAML');
    expect(run.errors[0]!.message).toMatch(/^README\.md:[3-4]:\d+: invalid YAML/);
  });

  it('checks the split sizes of a dataset card against the rows of its data files', async () => {
    const test = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: [1, 2], type: 'INT32' }] }));
    const card = `---
license: cc-by-4.0
configs:
- config_name: default
  data_files:
  - split: train
    path: data/train-*
  - split: test
    path: data/test.parquet
dataset_info:
  features:
  - name: text
    dtype: string
  splits:
  - name: train
    num_bytes: 100
    num_examples: 5
  - name: test
    num_examples: 2
---
# Dataset
`;
    const run = await scan(dir({ 'README.md': card, 'data/train-00000.csv': TRAIN, 'data/train-00001.csv': 'text,label\nd,0\n', 'data/test.parquet': test }));
    expect(ids(run)).toEqual(['row-count-mismatch/split']);
    expect(run.findings[0]).toMatchObject({ path: 'README.md', location: { line: 17 }, data: { split: 'train', actual: 4, declared: 5 } });
  });

  it('verifies a files list in modelcard.yaml', async () => {
    const run = await scan(dir({ 'modelcard.yaml': `license: mit\nfiles:\n  - path: w.bin\n    sha256: ${sha('w')}\n`, 'w.bin': 'tampered' }));
    expect(ids(run)).toEqual(['digest-mismatch/sha256']);
  });
});
