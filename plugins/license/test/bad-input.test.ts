import { MemoryFile } from '@modelgate/plugin-kit/testing';
import { describe, expect, it } from 'vitest';
import { LICENSE_READ_BYTES } from '../src/sources/license-file.js';
import { card, entry, gguf, ids, scan, spdxText, tree } from './helpers.js';

describe('bad input', () => {
  it('malformed front matter: unclosed, not a mapping, alias bomb', async () => {
    const unclosed = await scan({ 'README.md': '---\nlicense: mit\n# forgot the closing line\n' });
    expect(ids(unclosed)).toEqual(['invalid-metadata/invalidYaml']);
    expect(unclosed.findings[0]!.location).toEqual({ line: 1 });
    const list = await scan({ 'README.md': '---\n- license\n- mit\n---\n' });
    expect(ids(list)).toEqual(['invalid-metadata/invalidYaml']);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`), 'license: *i'].join('\n');
    const started = Date.now();
    const run = await scan({ 'README.md': `---\n${bomb}\n---\n` });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(ids(run)).toContain('invalid-metadata/invalidYaml');
  });

  it('reads only the first 64 KiB of a 50 MB LICENSE file', async () => {
    const text = new TextEncoder().encode(`${spdxText('Apache-2.0')}\n`);
    const huge = new MemoryFile('LICENSE', text, { size: 50 * 1024 * 1024, format: 'text' });
    const dir = tree({ 'README.md': card('license: apache-2.0'), LICENSE: huge });
    const run = await scan(dir);
    expect(huge.bytesRead).toBeLessThanOrEqual(LICENSE_READ_BYTES);
    expect(huge.reads.every(([, length]) => length <= LICENSE_READ_BYTES)).toBe(true);
    // The zeros after the text make it binary: a huge LICENSE padded with NULs is not a licence.
    expect(ids(run)).toEqual(['invalid-metadata/notText']);
  });

  it('compares a 50 MB text LICENSE on its start', async () => {
    const body = `${spdxText('MIT')}\n\n${'Appendix: list of contributors. '.repeat(5000)}`;
    const bytes = new TextEncoder().encode(body.repeat(1 + Math.floor(70_000 / body.length)));
    const huge = new MemoryFile('LICENSE', bytes, { size: bytes.length, format: 'text' });
    const run = await scan(tree({ 'README.md': card('license: mit'), LICENSE: huge }));
    expect(huge.bytesRead).toBeLessThanOrEqual(LICENSE_READ_BYTES);
    expect(ids(run)).toEqual([]);
  });

  it('binary files named LICENSE are not licences', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const run = await scan({ LICENSE: png, 'model.safetensors': new Uint8Array(16) });
    expect(ids(run)).toEqual(['invalid-metadata/notText', 'missing-license/model']);
    expect(run.findings.find((f) => f.rule === 'invalid-metadata')!.message).toContain('NUL bytes');
    const latin1 = new Uint8Array([...new TextEncoder().encode('Licence '), 0xe9, 0xe9, 0x20, 0x41]);
    expect(ids(await scan({ 'README.md': card('license: mit'), COPYING: latin1 }))).toEqual(['invalid-metadata/notText']);
  });

  it('licence expressions that do not parse', async () => {
    const run = await scan({ 'README.md': card('license: "MIT AND (Apache-2.0 OR"') });
    expect(ids(run)).toEqual(['unknown-license/unparsable']);
    expect(run.findings[0]).toMatchObject({ location: { line: 2 }, data: { value: 'MIT AND (Apache-2.0 OR' } });
    expect(entry(run, '.')).toMatchObject({ declared: null, expression: null });
    const gguf1 = await scan({ 'm.gguf': gguf({ 'general.license': 'apache-2.0 WITH' }) });
    expect(ids(gguf1)).toEqual(['unknown-license/unparsable']);
  });

  it('conflicting declarations in the same card', async () => {
    const run = await scan({ 'README.md': card('license: apache-2.0\nlicense: mit\nlicense: apache-2.0\nlibrary_name: peft') });
    expect(ids(run)).toEqual(['license-mismatch/cardConflict']);
    expect(run.findings[0]!.data).toMatchObject({ values: 'apache-2.0, mit, apache-2.0', lines: '2, 3, 4' });
  });

  it('a file that cannot be read is reported and the rest of the tree is still analysed', async () => {
    const dir = tree({ 'README.md': card('license: mit'), LICENSE: spdxText('MIT'), 'data/MANIFEST.yaml': 'name: d\nlicense: cc0-1.0\n' });
    const open = dir.open.bind(dir);
    dir.open = async (path: string) => {
      if (path === 'LICENSE') throw new Error('EIO: i/o error, read');
      return open(path);
    };
    const run = await scan(dir);
    expect(ids(run)).toEqual(['invalid-metadata/unreadable']);
    expect(run.findings[0]).toMatchObject({ path: 'LICENSE', data: { detail: 'EIO: i/o error, read' } });
    expect(run.inventory.map((e) => [e.path, e.expression])).toEqual([['.', 'MIT'], ['data', 'CC0-1.0']]);
  });

  it('a truncated GGUF header and an unsupported version yield no licence, without throwing', async () => {
    const full = gguf({ 'general.license': 'mit' }, { vocabulary: 3 });
    expect(ids(await scan({ 'm.gguf': full.subarray(0, full.length - 5) }))).toEqual(['missing-license/model']);
    expect(ids(await scan({ 'm.gguf': gguf({ 'general.license': 'mit' }, { version: 1 }) }))).toEqual(['missing-license/model']);
  });
});
