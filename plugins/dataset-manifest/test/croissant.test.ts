import { describe, expect, it } from 'vitest';
import { dir, ids, scan, sha } from './helpers.js';
import { createHash } from 'node:crypto';

const DATA = 'a,b\n1,2\n';

function croissant(distribution: unknown[]): string {
  return JSON.stringify({ '@context': { '@vocab': 'https://schema.org/', cr: 'http://mlcommons.org/croissant/' }, '@type': 'sc:Dataset', conformsTo: 'http://mlcommons.org/croissant/1.0', name: 'x', distribution }, null, 2);
}

describe('Croissant metadata.json', () => {
  it('checks FileObject sha256 digests and skips remote files and FileSets', async () => {
    const meta = croissant([
      { '@type': 'cr:FileObject', '@id': 'data', contentUrl: 'data/a.csv', encodingFormat: 'text/csv', sha256: sha('other') },
      { '@type': 'cr:FileObject', '@id': 'remote', contentUrl: 'https://example.com/big.zip', sha256: sha('zip') },
      { '@type': 'cr:FileSet', '@id': 'set', includes: '*.csv' },
    ]);
    const run = await scan(dir({ 'metadata.json': meta, 'data/a.csv': DATA }));
    expect(ids(run)).toEqual(['digest-mismatch/sha256']);
    expect(run.findings[0]!.evidence).toMatchObject({ document: 'metadata.json', logical: ['distribution', '0', 'data'] });
  });

  it('checks the digest length against the algorithm, and flags md5-only files', async () => {
    const md5 = createHash('md5').update(DATA).digest('hex');
    const meta = croissant([
      { '@type': 'cr:FileObject', '@id': 'a', contentUrl: 'a.csv', md5 },
      { '@type': 'cr:FileObject', '@id': 'b', contentUrl: 'b.csv', sha256: md5 },
      { '@type': 'cr:FileObject', '@id': 'c', contentUrl: 'c.csv', md5: sha(DATA) },
      { '@type': 'cr:FileObject', '@id': 'd', contentUrl: 'd.csv' },
    ]);
    const run = await scan(dir({ 'metadata.json': meta, 'a.csv': DATA, 'b.csv': DATA, 'c.csv': DATA, 'd.csv': DATA }));
    expect(ids(run)).toEqual(['digest-invalid/length', 'digest-invalid/length', 'digest-missing/missing', 'digest-weak/weak']);
    expect(run.findings.find((f) => f.data?.algorithm === 'sha256')!.message).toBe('b.csv: the sha256 in metadata.json has 32 hex digits, expected 64');
  });

  it('ignores a metadata.json that is not Croissant', async () => {
    expect(await scan(dir({ 'metadata.json': '{"framework": "pytorch"}' }))).toEqual({ findings: [], inventory: [], errors: [] });
  });

  it('reports invalid JSON with file, line and column', async () => {
    const run = await scan(dir({ 'sub/metadata.json': '{\n  "@context": {},\n  "distribution": [,]\n}' }));
    expect(run.errors).toEqual([{ code: 'INVALID_JSON', message: expect.stringMatching(/^sub\/metadata\.json:3:20: invalid JSON/) }]);
  });
});
