import { describe, expect, it } from 'vitest';
import { dir, ids, scan, sha, yamlEntry } from './helpers.js';

const A = 'id,date\n1,2024-01-05\n2,2024-02-10\n';
const B = '{"id":1}\n{"id":2}\n{"id":3}\n';

function manifest(entries: string[], extra = ''): string {
  return `name: sales\nversion: "1.0"\n${extra}files:\n${entries.join('\n')}\n`;
}

describe('MANIFEST.yaml', () => {
  it('passes when every digest, size and row count matches', async () => {
    const m = manifest([yamlEntry('data/a.csv', { sha256: sha(A), size: A.length, row_count: 2 }), yamlEntry('data/b.jsonl', { sha256: sha(B) })]);
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'data/a.csv': A, 'data/b.jsonl': B }));
    expect(ids(run)).toEqual([]);
    expect(run.errors).toEqual([]);
    expect(run.inventory).toEqual([{ document: 'MANIFEST.yaml', documentKind: 'dataset-manifest', entries: 2, present: 2, verified: 2, complete: false }]);
  });

  it('reports a digest that differs from the engine sha256 against the file, critical, with the manifest line', async () => {
    const m = manifest([yamlEntry('data/a.csv', { sha256: sha('other') })]);
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'data/a.csv': A }));
    expect(ids(run)).toEqual(['digest-mismatch/sha256']);
    expect(run.findings[0]).toMatchObject({ severity: 'critical', path: 'data/a.csv', evidence: { document: 'MANIFEST.yaml', line: 4 } });
    expect(run.findings[0]!.message).toContain(sha(A));
  });

  it('accepts upper-case hex and `digest: sha256:<hex>`', async () => {
    const m = manifest([yamlEntry('data/a.csv', { sha256: sha(A).toUpperCase() }), yamlEntry('data/b.jsonl', { digest: `sha256:${sha(B)}` })]);
    expect(ids(await scan(dir({ 'MANIFEST.yaml': m, 'data/a.csv': A, 'data/b.jsonl': B })))).toEqual([]);
  });

  it('accepts the mapping form path → digest', async () => {
    const m = `files:\n  data/a.csv: ${sha(A)}\n  data/b.jsonl: ${sha('x')}\n`;
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'data/a.csv': A, 'data/b.jsonl': B }));
    expect(ids(run)).toEqual(['digest-mismatch/sha256']);
    expect(run.findings[0]!.path).toBe('data/b.jsonl');
  });

  it('reports a size that differs when no digest is declared', async () => {
    const run = await scan(dir({ 'MANIFEST.yaml': manifest([yamlEntry('data/a.csv', { size: 3, md5: 'a'.repeat(32) })]), 'data/a.csv': A }));
    expect(ids(run)).toEqual(['digest-mismatch/size', 'digest-weak/weak']);
  });

  it('reports missing files and directories listed as files, high', async () => {
    const m = manifest([yamlEntry('data/gone.csv', { sha256: sha(A) }), yamlEntry('data', { sha256: sha(A) })]);
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'data/a.csv': A }));
    expect(ids(run)).toEqual(['file-missing/directory', 'file-missing/missing']);
    expect(run.findings.every((f) => f.severity === 'high' && f.path === 'MANIFEST.yaml')).toBe(true);
  });

  it.each([
    ['../outside.csv', 'path-unsafe/traversal'],
    ['data/../../outside.csv', 'path-unsafe/traversal'],
    ['..\\outside.csv', 'path-unsafe/traversal'],
    ['/etc/passwd', 'path-unsafe/absolute'],
    ['C:\\data\\a.csv', 'path-unsafe/absolute'],
    ['\\\\server\\share\\a.csv', 'path-unsafe/absolute'],
    ['https://example.com/a.csv', 'path-unsafe/url'],
    ['', 'path-unsafe/invalid'],
    ['a\u0000.csv', 'path-unsafe/invalid'],
  ])('reports the unsafe path %j and never looks it up', async (path, id) => {
    const d = dir({ 'sub/MANIFEST.yaml': manifest([yamlEntry(path, { sha256: sha(A) })]), 'outside.csv': A });
    const run = await scan(d);
    expect(ids(run)).toEqual([id]);
    expect(run.findings[0]).toMatchObject({ severity: 'high', path: 'sub/MANIFEST.yaml' });
    expect(d.opened).toEqual(['sub/MANIFEST.yaml']);
  });

  it('resolves paths against the manifest directory; "./x" and "x" are one entry', async () => {
    const m = manifest([yamlEntry('./a.csv', { sha256: sha(A) }), yamlEntry('a.csv', { sha256: sha(A) }), yamlEntry('a..b.csv', { sha256: sha(A) })]);
    const run = await scan(dir({ 'ds/MANIFEST.yaml': m, 'ds/a.csv': A, 'ds/a..b.csv': A }));
    expect(ids(run)).toEqual(['entry-duplicate/duplicate']);
    expect(run.findings[0]!.location).toEqual({ line: 6, logical: ['files', '1'] });
  });

  it('reports duplicates with conflicting digests', async () => {
    const m = manifest([yamlEntry('a.csv', { sha256: sha(A) }), yamlEntry('a.csv', { sha256: sha('evil') })]);
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'a.csv': A }));
    expect(ids(run)).toEqual(['digest-mismatch/sha256', 'entry-duplicate/conflicting']);
    expect(run.findings.find((f) => f.rule === 'entry-duplicate')!.severity).toBe('medium');
  });

  it('reports entries without digest (low) and with only md5/sha1 (medium)', async () => {
    const m = manifest([yamlEntry('a.csv', {}), yamlEntry('b.jsonl', { md5: 'a'.repeat(32), sha1: 'b'.repeat(40) })]);
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'a.csv': A, 'b.jsonl': B }));
    expect(ids(run)).toEqual(['digest-missing/missing', 'digest-weak/weak']);
    expect(run.findings.map((f) => f.severity).sort()).toEqual(['low', 'medium']);
    expect(run.findings.find((f) => f.rule === 'digest-weak')!.message).toContain('md5 and sha1');
  });

  it.each([
    [sha(A).slice(0, 63), 'length'],
    [`${sha(A)}0`, 'length'],
    [`${sha(A).slice(0, 63)}g`, 'alphabet'],
    [`sha256-${sha(A)}`.replace('sha256-', ' '), 'alphabet'],
  ])('reports a sha256 of the wrong length or alphabet (%s)', async (digest, messageId) => {
    const run = await scan(dir({ 'MANIFEST.yaml': manifest([yamlEntry('a.csv', { sha256: digest })]), 'a.csv': A }));
    expect(ids(run)).toEqual([`digest-invalid/${messageId}`]);
    expect(run.findings[0]!.severity).toBe('medium');
  });

  it('reports a digest that is not a string, and entries without a path', async () => {
    const m = `files:\n  - path: a.csv\n    sha256: 12345\n  - sha256: ${sha(A)}\n  - path: [x]\n  - path: a.csv\n    size: -1\n    sha256: ${sha(A)}\n`;
    const run = await scan(dir({ 'MANIFEST.yaml': m, 'a.csv': A }));
    expect(ids(run)).toEqual(['digest-invalid/type', 'entry-duplicate/conflicting', 'entry-invalid/field', 'entry-invalid/field', 'entry-invalid/noPath']);
  });

  it('reports files missing from a manifest that claims to be complete, but not the manifest itself or ignored paths', async () => {
    const m = manifest([yamlEntry('a.csv', { sha256: sha(A) })], 'complete: true\nignore: [logs]\n');
    const run = await scan(dir({ 'ds/MANIFEST.yaml': m, 'ds/a.csv': A, 'ds/extra.bin': 'x', 'ds/logs/run.txt': 'log', 'other/x.bin': 'y' }));
    expect(ids(run)).toEqual(['file-unlisted/unlisted']);
    expect(run.findings[0]).toMatchObject({ path: 'ds/extra.bin', severity: 'medium' });
  });

  it('does not claim completeness without complete: true', async () => {
    const run = await scan(dir({ 'MANIFEST.yaml': manifest([yamlEntry('a.csv', { sha256: sha(A) })]), 'a.csv': A, 'extra.bin': 'x' }));
    expect(ids(run)).toEqual([]);
  });

  it('never passes silently when the engine computed no digests (--no-hash)', async () => {
    const run = await scan(dir({ 'MANIFEST.yaml': manifest([yamlEntry('a.csv', { sha256: sha('tampered') })]), 'a.csv': A }, { hash: false }));
    expect(ids(run)).toEqual([]);
    expect(run.errors).toEqual([{ code: 'DIGESTS_UNAVAILABLE', message: expect.stringContaining('1 declared sha256 digest(s) not verified') }]);
  });

  it('reports digests it cannot check (sha512 only) as an error, not a pass', async () => {
    const run = await scan(dir({ 'MANIFEST.yaml': manifest([yamlEntry('a.csv', { sha512: 'a'.repeat(128) })]), 'a.csv': A }));
    expect(ids(run)).toEqual([]);
    expect(run.errors.map((e) => e.code)).toEqual(['DIGEST_UNSUPPORTED']);
  });
});

describe('bad documents', () => {
  it('reports invalid YAML with file, line and column', async () => {
    const run = await scan(dir({ 'data/MANIFEST.yaml': 'files:\n  - path: a.csv\n    sha256: [unclosed\n' }));
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]!.code).toBe('INVALID_YAML');
    expect(run.errors[0]!.message).toMatch(/^data\/MANIFEST\.yaml:\d+:\d+: invalid YAML/);
  });

  it('gives the exact line and column of a YAML error', async () => {
    const run = await scan(dir({ 'MANIFEST.yaml': 'name: x\nfiles:\n  - path: a\n   bad: indent\n' }));
    expect(run.errors[0]!.message).toMatch(/^MANIFEST\.yaml:4:1: invalid YAML \(MISSING_CHAR\)/);
  });

  it('reports duplicate YAML keys as invalid', async () => {
    const run = await scan(dir({ 'MANIFEST.yaml': `files: []\nfiles:\n  - path: a\n` }));
    expect(run.errors[0]!.message).toMatch(/^MANIFEST\.yaml:2:1: invalid YAML \(DUPLICATE_KEY\)/);
  });

  it('stops YAML alias bombs quickly', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    lines.push('files: *i');
    const started = performance.now();
    const run = await scan(dir({ 'MANIFEST.yaml': `${lines.join('\n')}\n` }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(run.errors).toEqual([{ code: 'YAML_ALIAS_LIMIT', message: expect.stringMatching(/^MANIFEST\.yaml: YAML aliases expand too much/) }]);
  });

  it('allows a few aliases', async () => {
    const m = `defaults: &d\n  size: ${A.length}\nfiles:\n  - path: a.csv\n    sha256: ${sha(A)}\n    <<: *d\n`;
    expect((await scan(dir({ 'MANIFEST.yaml': m, 'a.csv': A }))).errors).toEqual([]);
  });

  it('refuses documents over the size limit without parsing them', async () => {
    const run = await scan(dir({ 'MANIFEST.yaml': `files: []\n${'#'.repeat(2000)}\n` }), { maxDocumentBytes: 1000 });
    expect(run.errors.map((e) => e.code)).toEqual(['DOCUMENT_TOO_LARGE']);
  });

  it('reports a manifest whose top level is not a mapping', async () => {
    const run = await scan(dir({ 'MANIFEST.yaml': '- a\n- b\n' }));
    expect(run.errors).toEqual([{ code: 'INVALID_MANIFEST', message: 'MANIFEST.yaml:1:1: the top level is a list, not a mapping' }]);
  });
});
