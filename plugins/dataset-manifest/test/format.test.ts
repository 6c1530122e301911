import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastReadManifest, writeManifest } from '../src/index.js';
import { dir, engineLike, ids, scan, sha } from './helpers.js';

const NAMES = ['a.bin', 'sub dir/b "q".txt', 'c\\d.bin', 'tab\there', 'ünïcödé/😀.bin', 'nel\u0085x', 'ls\u2028ps\u2029', 'bom\ufeff', 'ctl\u0001\u007f', '#hash: x', '- dash', 'null', '123', 'true'];

describe('manifest format', () => {
  it('is deterministic and sorted', () => {
    const files = NAMES.map((path, i) => ({ path, size: i, sha256: sha(path) }));
    const text = writeManifest(files, 'modelgate 0.1.0');
    expect(writeManifest([...files].reverse(), 'modelgate 0.1.0')).toBe(text);
    expect(text.startsWith('# modelgate manifest')).toBe(true);
    expect(text).toContain('manifest_version: 1\ntool: "modelgate 0.1.0"\ncomplete: true\nfiles:\n  - path: "#hash: x"\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\r|\d{4}-\d{2}-\d{2}T/);
  });

  it('is read the same by the fast reader and a YAML parser, for hostile names', () => {
    const files = NAMES.map((path, i) => ({ path, size: i * 1000, sha256: sha(path) }));
    const text = writeManifest(files, 'modelgate 0.1.0');
    const fast = fastReadManifest(text)!;
    expect(fast).toBeDefined();
    const slow = parse(text) as { manifest_version: number; tool: string; complete: boolean; files: { path: string; size: number; sha256: string }[] };
    expect(fast.files.map(({ line: _line, ...f }) => f)).toEqual(slow.files);
    expect([fast.version, fast.tool, fast.complete]).toEqual([slow.manifest_version, slow.tool, slow.complete]);
    expect(fast.files[0]!.line).toBe(7);
  });

  it('writes an empty manifest', () => {
    const text = writeManifest([], 't');
    expect(fastReadManifest(text)).toEqual({ version: 1, tool: 't', complete: true, files: [] });
    expect(parse(text).files).toEqual([]);
  });

  it.each([
    ['a CRLF line', (t: string) => t.replace(/\n/g, '\r\n')],
    ['an extra key', (t: string) => t.replace('    size: 0\n', '    size: 0\n    row_count: 3\n')],
    ['a comment after a value', (t: string) => t.replace('size: 0', 'size: 0 # x')],
    ['a YAML-only escape', (t: string) => t.replace('"a.bin"', '"a\\x41.bin"')],
    ['unquoted digest', (t: string) => t.replace(/sha256: "([0-9a-f]+)"/, 'sha256: $1')],
  ])('falls back to the YAML parser on %s', (_, edit) => {
    expect(fastReadManifest(edit(writeManifest([{ path: 'a.bin', size: 0, sha256: sha('') }], 't')))).toBeUndefined();
  });

  it('verifies a fallback document the same way (YAML escapes included)', async () => {
    const text = writeManifest([{ path: 'a.bin', size: 1, sha256: sha('x') }], 't').replace('"a.bin"', '"a\\x2ebin"');
    expect(ids(await scan(dir({ 'modelgate-manifest.yaml': text, 'a.bin': 'y' })))).toEqual(['digest-mismatch/sha256']);
  });

  it('verifies a 100,000-entry manifest fast: the manifest is not the bottleneck', async () => {
    const files: Record<string, string> = {};
    const listed = [];
    for (let i = 0; i < 100_000; i++) {
      const path = `shards/${String(i).padStart(6, '0')}.bin`;
      files[path] = '';
      listed.push({ path, size: 0, sha256: sha('') });
    }
    listed[500] = { ...listed[500]!, sha256: sha('flipped') };
    files['modelgate-manifest.yaml'] = writeManifest(listed, 'modelgate test');
    files['shards/extra.bin'] = '';
    const d = engineLike(dir(files));
    const started = performance.now();
    const run = await scan(d);
    const elapsed = performance.now() - started;
    expect(ids(run)).toEqual(['digest-mismatch/sha256', 'file-unlisted/unlisted']);
    expect(run.findings[0]!.path).toBe('shards/000500.bin');
    expect(run.inventory[0]).toMatchObject({ entries: 100_000, present: 100_000, verified: 99_999 });
    // ~0.5 s on an idle core; generous for a loaded CI machine. The YAML parser alone takes ~4 s.
    expect(elapsed).toBeLessThan(3000);
  });

  it('caps each rule at 100 findings per document and records how many were dropped', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 250; i++) files[`f${i}.bin`] = String(i);
    const m = `files:\n${Object.keys(files).map((p) => `  - path: ${p}\n    sha256: "${sha('z')}"`).join('\n')}\n`;
    const run = await scan(dir({ ...files, 'MANIFEST.yaml': m }));
    expect(run.findings).toHaveLength(100);
    expect(run.inventory[0]).toMatchObject({ droppedFindings: { 'digest-mismatch': 150 } });
  });
});
