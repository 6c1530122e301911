import { describe, expect, it } from 'vitest';
import { dir, ids, scan, sha } from './helpers.js';

describe('sha256sum files', () => {
  it('reads text and binary mode lines, escaped names and BSD lines', async () => {
    const sums = [`${sha('a')}  a.bin`, `${sha('b')} *sub/b.bin`, `\\${sha('c')}  odd\\\\name.bin`, `SHA256 (d.bin) = ${sha('d')}`, '# comment', ''].join('\n');
    const run = await scan(dir({ 'SHA256SUMS': sums, 'a.bin': 'a', 'sub/b.bin': 'b', 'odd\\name.bin': 'c', 'd.bin': 'd' }));
    expect(ids(run)).toEqual([]);
    expect(run.inventory[0]).toMatchObject({ entries: 4, verified: 4 });
  });

  it('reports mismatches, missing files, bad digests and lines that are not sha256sum format', async () => {
    const sums = [`${sha('x')}  a.bin`, `${sha('b')}  gone.bin`, `${sha('a').slice(2)}  a.bin`, 'not a checksum line', `${'z'.repeat(64)}  a.bin`, `${sha('a')}  ../etc/passwd`].join('\r\n');
    const run = await scan(dir({ 'sha256sums.txt': sums, 'a.bin': 'a' }));
    expect(ids(run)).toEqual(['digest-invalid/alphabet', 'digest-invalid/length', 'digest-mismatch/sha256', 'entry-duplicate/conflicting', 'entry-invalid/line', 'file-missing/missing', 'path-unsafe/traversal']);
    expect(run.findings.find((f) => f.rule === 'entry-invalid')!.location).toEqual({ line: 4 });
  });

  it('reads a lone digest in x.sha256 as the digest of x', async () => {
    const ok = await scan(dir({ 'w.bin.sha256': `${sha('w')}\n`, 'w.bin': 'w' }));
    expect(ids(ok)).toEqual([]);
    const bad = await scan(dir({ 'w.bin.sha256': `${sha('w')}\n`, 'w.bin': 'x' }));
    expect(ids(bad)).toEqual(['digest-mismatch/sha256']);
  });
});
