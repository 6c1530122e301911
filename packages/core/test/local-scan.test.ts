import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildZip } from '../../plugin-kit/src/testing/fixtures/zip.js';
import { resolveConfig } from '../src/config.js';
import { importPlugin } from '../src/plugin-loader.js';
import { ScannerRuntime } from '../src/scanner-runtime.js';
import { SNIFF_BYTES } from '../src/sniff.js';
import type { FileTask } from '../src/tasks.js';
import { scanWith, stable, tempDir, testPlugin } from './helpers.js';

const marker = testPlugin('marker');

async function markerRuntime(limits = {}): Promise<ScannerRuntime> {
  const plugin = await importPlugin(marker, marker, false);
  return new ScannerRuntime([plugin], { hash: true, limits: resolveConfig({ limits }).limits, pluginOptions: {} });
}

function file(root: string, name: string, content: string | Uint8Array): FileTask {
  writeFileSync(join(root, name), content);
  return { fsPath: join(root, name), path: name, size: Buffer.byteLength(content) };
}

describe('ScannerRuntime.scanWithoutPlugins', () => {
  it('gives a file no scanner wants the outcome a full scan gives it, digest included', async () => {
    const runtime = await markerRuntime();
    const root = tempDir();
    // Largest first: each later file is read over the bytes of the one before it.
    const contents = { 'full.txt': 'z'.repeat(64 * 1024), 'notes.txt': 'plain text\n', 'config.json': '{"a": 1}', empty: '' };
    for (const [name, content] of Object.entries(contents)) {
      const task = file(root, name, content);
      const local = runtime.scanWithoutPlugins(task, true);
      expect(local).toEqual(await runtime.scanFile(task, undefined, true));
      expect(local!.entries[0]!.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    }
  });

  it('without hashing, reads only the sniffing window and the last byte, and gives what a full scan gives', async () => {
    const runtime = await markerRuntime();
    const root = tempDir();
    for (const [name, content] of Object.entries({ 'long.txt': 'line of text\n'.repeat(2000), 'short.txt': 'hi\n', empty: '' })) {
      const task = file(root, name, content);
      const local = runtime.scanWithoutPlugins(task, false);
      expect(local).toEqual(await runtime.scanFile(task, undefined, false));
      expect(local!.entries[0]!.sha256).toBeUndefined();
      expect(local!.bytesRead).toBe(Math.min(Buffer.byteLength(content), SNIFF_BYTES + (Buffer.byteLength(content) > SNIFF_BYTES ? 1 : 0)));
    }
  });

  it('leaves to a worker what a scanner wants, containers, large, missing and over-limit files', async () => {
    const root = tempDir();
    const runtime = await markerRuntime({ maxFileSize: 50 });
    expect(runtime.scanWithoutPlugins(file(root, 'marked.bin', 'MARK here'), true)).toBeUndefined();
    expect(runtime.scanWithoutPlugins(file(root, 'inner.zip', buildZip([{ name: 'a.txt', data: Buffer.from('x') }])), true)).toBeUndefined();
    expect(runtime.scanWithoutPlugins(file(root, 'big.txt', 'x'.repeat(60)), true)).toBeUndefined();
    expect(runtime.scanWithoutPlugins({ fsPath: join(root, 'gone.txt'), path: 'gone.txt', size: 3 }, true)).toBeUndefined();
    const unlimited = await markerRuntime();
    expect(unlimited.scanWithoutPlugins(file(root, 'large.txt', 'y'.repeat(64 * 1024 + 1)), true)).toBeUndefined();
  });
});

describe('a pool scan without hashing', () => {
  it('reports small files scanned on the main thread exactly as an in-process scan does', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'sub'));
    for (let i = 0; i < 300; i++) writeFileSync(join(root, 'sub', `f${i}.txt`), `file ${i}\n`.repeat(i));
    writeFileSync(join(root, 'sub', 'marked.bin'), 'MARK inside');
    writeFileSync(join(root, 'sub', 'pack.zip'), buildZip([{ name: 'm.txt', data: Buffer.from('MARK member') }]));
    const options = { plugins: [marker], hash: false };
    const local = vi.spyOn(ScannerRuntime.prototype, 'scanWithoutPlugins');
    const pooled = await scanWith([root], { ...options, concurrency: 2 });
    expect(local.mock.results.filter((r) => r.value !== undefined).length).toBeGreaterThan(0); // this thread took a share
    local.mockRestore();
    const inProcess = await scanWith([root], { ...options, concurrency: 'off' });
    expect(JSON.stringify(stable(pooled.report))).toBe(JSON.stringify(stable(inProcess.report)));
    expect(pooled.report.files).toHaveLength(303);
    expect(pooled.report.files.filter((f) => f.sha256)).toEqual([]);
    expect(pooled.report.findings.map((f) => [f.location.path, f.location.member])).toEqual([
      ['sub/marked.bin', undefined],
      ['sub/pack.zip', 'm.txt'],
    ]);
  });
});

describe('a pool scan with large files to hash', () => {
  it('reports small files scanned on the main thread exactly as an in-process scan does', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'shard.bin'), Buffer.alloc(9 * 1024 * 1024, 7)); // hashed in a worker
    for (let i = 0; i < 150; i++) writeFileSync(join(root, 'sub', `f${i}.txt`), `file ${i}\n`);
    writeFileSync(join(root, 'sub', 'marked.bin'), 'MARK inside');
    writeFileSync(join(root, 'sub', 'pack.zip'), buildZip([{ name: 'm.txt', data: Buffer.from('MARK member') }]));
    writeFileSync(join(root, 'sub', 'empty'), '');
    const pooled = await scanWith([root], { plugins: [marker], concurrency: 2 });
    const inProcess = await scanWith([root], { plugins: [marker], concurrency: 'off' });
    expect(JSON.stringify(stable(pooled.report))).toBe(JSON.stringify(stable(inProcess.report)));
    expect(pooled.report.files).toHaveLength(155); // 154 files and the zip's member
    expect(pooled.report.findings.map((f) => [f.location.path, f.location.member])).toEqual([
      ['sub/marked.bin', undefined],
      ['sub/pack.zip', 'm.txt'],
    ]);
    expect(pooled.events.filter((e) => e.type === 'file')).toHaveLength(154);
    expect(pooled.events.filter((e) => e.type === 'progress').at(-1)).toMatchObject({ filesDone: 154, totalFiles: 154 });
  });
});
