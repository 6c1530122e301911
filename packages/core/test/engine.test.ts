import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_VERSION, type Plugin } from '@modelgate/plugin-api';
import { createEngine } from '../src/index.js';
import { scanWith, stable, tempDir, testPlugin } from './helpers.js';

const marker = testPlugin('marker');

describe('engine', () => {
  for (const concurrency of ['off', 2] as const) {
    it(`scans a tree, hashes each file once and reports findings (concurrency ${concurrency})`, async () => {
      const root = tempDir();
      mkdirSync(join(root, 'sub dir'));
      writeFileSync(join(root, 'a.bin'), 'MARK payload');
      writeFileSync(join(root, 'sub dir', 'b.txt'), 'plain text\n');
      writeFileSync(join(root, 'empty'), '');
      const { report, events } = await scanWith([root], { plugins: [marker], concurrency });
      expect(report.files.map((f) => [f.path, f.format, f.status])).toEqual([
        ['a.bin', 'text', 'scanned'],
        ['empty', 'empty', 'scanned'],
        ['sub dir/b.txt', 'text', 'scanned'],
      ]);
      expect(report.files[0]!.sha256).toBe(createHash('sha256').update('MARK payload').digest('hex'));
      expect(report.findings.map((f) => [f.ruleId, f.severity, f.location.path, f.message])).toEqual([['marker/found', 'high', 'a.bin', 'MARK found in a.bin']]);
      expect(report.run.complete).toBe(true);
      expect(report.summary.bytes.hashed).toBe(23);
      expect(events[0]!.type).toBe('run-start');
      expect(events.at(-1)!.type).toBe('run-end');
      expect(events.filter((e) => e.type === 'progress').at(-1)).toMatchObject({ filesDone: 3, totalFiles: 3, bytesDone: 23, totalBytes: 23 });
    });
  }

  it('gives the same report twice, apart from timings, whatever the concurrency', async () => {
    const root = tempDir();
    for (let i = 0; i < 120; i++) writeFileSync(join(root, `f${i}.bin`), i % 3 === 0 ? `MARK ${i}` : `data ${i}`);
    const first = await scanWith([root], { plugins: [marker], concurrency: 2 });
    const second = await scanWith([root], { plugins: [marker], concurrency: 'off' });
    expect(JSON.stringify(stable(first.report))).toBe(JSON.stringify(stable(second.report)));
    expect(first.report.findings).toHaveLength(40);
  });

  it('streams each file\'s findings with the fingerprints of the final report', async () => {
    const root = tempDir();
    for (let i = 0; i < 10; i++) writeFileSync(join(root, `f${i}.bin`), `MARK ${i}`);
    const { report, events } = await scanWith([root], { plugins: [marker], concurrency: 2 });
    const streamed = events.flatMap((e) => (e.type === 'file' ? e.findings.map((f) => f.fingerprint) : []));
    expect(streamed.sort()).toEqual(report.findings.map((f) => f.fingerprint).sort());
    expect(streamed.every((f) => /^[0-9a-f]{32}$/.test(f))).toBe(true);
  });

  it('streams the final fingerprints also when two tasks report the very same finding', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.txt'), 'text');
    const same = { rule: 'dup', messageId: 'dup', path: 'a.txt' } as const;
    const plugin: Plugin = {
      apiVersion: API_VERSION,
      meta: { name: 'twice', version: '1.0.0', namespace: 'twice' },
      rules: { dup: { description: 'Reported twice.', defaultSeverity: 'low', messages: { dup: 'the same thing' } } },
      scanners: [
        { id: 'file', filter: { include: ['*.txt'] }, scan: (_file, ctx) => ctx.report(same) },
        { id: 'dir', scope: 'directory', filter: { include: ['*.txt'] }, scan: (_dir, ctx) => ctx.report(same) },
      ],
    };
    const { report, events } = await scanWith([root], { plugins: [plugin], concurrency: 'off' });
    const streamed = events.flatMap((e) => (e.type === 'file' ? e.findings.map((f) => f.fingerprint) : []));
    expect(report.findings).toHaveLength(2);
    expect(streamed.sort()).toEqual(report.findings.map((f) => f.fingerprint).sort());
    expect(new Set(streamed).size).toBe(2);
  });

  it('reads a small file once when hashing, and only its head and last byte when not', async () => {
    const root = tempDir();
    const data = Buffer.alloc(10 * 1024, 0x41);
    writeFileSync(join(root, 'notes.txt'), data);
    const hashed = await scanWith([root], { plugins: [marker], concurrency: 1 });
    expect(hashed.report.files[0]!.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(hashed.report.summary.bytes).toMatchObject({ read: data.length, hashed: data.length });
    const unhashed = await scanWith([root], { plugins: [marker], concurrency: 1, hash: false });
    expect(unhashed.report.summary.bytes).toMatchObject({ read: 4096 + 1, hashed: 0 });
  });

  it('gives the digest of the file even when a plugin writes into the bytes it read', async () => {
    const root = tempDir();
    const data = Buffer.from('weights and more weights');
    writeFileSync(join(root, 'model.bin'), data);
    const scribbler: Plugin = {
      apiVersion: API_VERSION,
      meta: { name: 'scribbler', version: '1.0.0', namespace: 'scribbler' },
      rules: {},
      scanners: [{ id: 'scribble', filter: { include: ['*.bin'] }, scan: async (file) => void (await file.read(0, file.size)).fill(0) }],
    };
    const { report } = await scanWith([root], { plugins: [scribbler], concurrency: 'off' });
    expect(report.files[0]!.sha256).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('honours rule overrides: a new severity, or off', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.bin'), 'MARK');
    const low = await scanWith([root], { plugins: [marker], concurrency: 'off', rules: { 'marker/found': 'low' } });
    expect(low.report.findings[0]!.severity).toBe('low');
    const off = await scanWith([root], { plugins: [marker], concurrency: 'off', rules: { 'marker/found': 'off' } });
    expect(off.report.findings).toEqual([]);
    await expect(createEngine({ plugins: [marker], rules: { 'marker/nope': 'off' } })).rejects.toThrow(/unknown rule "marker\/nope"/);
  });

  it('ignores .git, node_modules and configured globs', async () => {
    const root = tempDir();
    for (const dir of ['.git', 'node_modules', 'logs']) {
      mkdirSync(join(root, dir));
      writeFileSync(join(root, dir, 'x.bin'), 'MARK');
    }
    writeFileSync(join(root, 'kept.bin'), 'MARK');
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 'off', ignore: ['logs/**'] });
    expect(report.files.map((f) => f.path)).toEqual(['kept.bin']);
  });

  it('gives directory scanners a listing with the digests already computed', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'listing.txt'), 'x');
    writeFileSync(join(root, 'data', 'one.bin'), 'one');
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 2 });
    expect(report.findings.map((f) => [f.location.path, f.message])).toEqual([['data/listing.txt', '2 files, digests: 2']]);
  });

  it('hashes a large file in a task of its own, and runs digest-less directory scanners without waiting for it', async () => {
    const root = tempDir();
    const big = Buffer.alloc(9 * 1024 * 1024, 0);
    big.write('MARK', 0);
    writeFileSync(join(root, 'big.bin'), big);
    writeFileSync(join(root, 'listing.txt'), 'x');
    writeFileSync(join(root, 'formats.txt'), '{}');
    const { report, events } = await scanWith([root], { plugins: [marker], concurrency: 2 });
    const bigEntry = report.files.find((f) => f.path === 'big.bin');
    expect(bigEntry?.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    expect(report.summary.bytes.hashed).toBe(big.length + 3);
    expect(report.findings.map((f) => [f.location.path, f.message])).toEqual([
      ['big.bin', 'MARK found in big.bin'],
      ['formats.txt', 'big.bin=binary,formats.txt=json,listing.txt=text'],
      ['listing.txt', '3 files, digests: 3'],
    ]);
    // The large file is one 'file' event, with its digest, however its work was split.
    const bigEvents = events.filter((e) => e.type === 'file' && e.path === 'big.bin');
    expect(bigEvents).toHaveLength(1);
    expect(bigEvents[0]?.type === 'file' && bigEvents[0].entries[0]?.sha256).toBe(bigEntry?.sha256);
  });

  it('runs root-scope directory scanners once at the root with the whole tree, wherever the trigger file is', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'deep', 'er'), { recursive: true });
    writeFileSync(join(root, 'deep', 'er', 'file.bin'), 'x');
    writeFileSync(join(root, 'deep', 'TREE'), 'x');
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 'off' });
    expect(report.findings.map((f) => f.message)).toEqual(['root files, digests: deep/TREE,deep/er/file.bin']);
  });

  it('collects plugins\' inventory entries by namespace, sorted and without duplicates', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'b.bin'), 'MARK');
    writeFileSync(join(root, 'a.bin'), 'MARK');
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 2 });
    expect(report.inventory).toEqual({ marker: [{ marked: 'a.bin' }, { marked: 'b.bin' }] });
  });

  it('with --no-hash reads only what the plugins and sniffing need', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'big.bin'), Buffer.alloc(20 * 1024 * 1024, 1));
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 'off', hash: false });
    expect(report.files[0]!.sha256).toBeUndefined();
    expect(report.summary.bytes.hashed).toBe(0);
  });

  it('reports symlinks as skipped with their reason and never follows one out of the root', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.bin'), 'MARK');
    const root = tempDir();
    writeFileSync(join(root, 'real.bin'), 'data');
    symlinkSync(join(outside, 'secret.bin'), join(root, 'escape.bin'));
    symlinkSync(join(root, 'loop-a'), join(root, 'loop-b'));
    symlinkSync(join(root, 'loop-b'), join(root, 'loop-a'));
    symlinkSync(join(root, 'real.bin'), join(root, 'inside.bin'));
    symlinkSync(join(root, 'missing'), join(root, 'dangling'));
    for (const followSymlinks of [false, true]) {
      const { report } = await scanWith([root], { plugins: [marker], concurrency: 'off', followSymlinks });
      const reasons = Object.fromEntries(report.files.map((f) => [f.path, f.reason ?? f.status]));
      expect(reasons['escape.bin']).toMatch(/outside the scan root/);
      expect(reasons['loop-a']).toBe('symlink loop');
      expect(reasons['dangling']).toBe('dangling symlink');
      expect(reasons['inside.bin']).toBe(followSymlinks ? 'scanned' : 'symlink not followed (to real.bin)');
      expect(report.findings).toEqual([]);
      expect(report.run.complete).toBe(true);
    }
  });

  it('scans names with spaces, newlines and bytes that are not UTF-8', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'with space.bin'), 'MARK');
    writeFileSync(join(root, 'new\nline.bin'), 'MARK');
    writeFileSync(Buffer.concat([Buffer.from(`${root}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.bin')]), 'MARK');
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 2 });
    expect(report.findings.map((f) => f.location.path).sort()).toEqual(['bad-\\xff\\xfe.bin', 'new\nline.bin', 'with space.bin']);
    expect(report.files.every((f) => f.status === 'scanned' && f.sha256)).toBe(true);
  });

  it('scans a single file target relative to its directory', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'one.bin'), 'MARK');
    const { report } = await scanWith([join(root, 'one.bin')], { plugins: [marker], concurrency: 'off' });
    expect(report.files.map((f) => f.path)).toEqual(['one.bin']);
    expect(report.run.root).toBe(root);
  });

  it('rejects a missing target before scanning', async () => {
    const engine = await createEngine({ plugins: [marker], concurrency: 'off' });
    await expect(engine.scan(['/definitely/not/here']).report).rejects.toThrow(/no such file or directory/);
    await engine.close();
  });

  it('turns a file over the size limit into a skipped file and an incomplete scan', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'big.bin'), Buffer.alloc(2048));
    const { report } = await scanWith([root], { plugins: [marker], concurrency: 'off', limits: { maxFileSize: 1024 } });
    expect(report.files[0]).toMatchObject({ status: 'skipped' });
    expect(report.errors[0]).toMatchObject({ path: 'big.bin', code: 'LIMIT_FILE_SIZE' });
    expect(report.run.complete).toBe(false);
  });

  it('can be cancelled: the report says what was not scanned', async () => {
    const root = tempDir();
    for (let i = 0; i < 50; i++) writeFileSync(join(root, `f${i}.bin`), 'x');
    const engine = await createEngine({ plugins: [marker], concurrency: 'off' });
    const controller = new AbortController();
    const run = engine.scan([root], { signal: controller.signal });
    for await (const event of run) if (event.type === 'file') controller.abort();
    const report = await run.report;
    await engine.close();
    expect(report.run.complete).toBe(false);
    expect(report.files.filter((f) => f.status === 'scanned')).toHaveLength(1);
    expect(report.files.filter((f) => f.reason === 'scan cancelled')).toHaveLength(49);
  });
});
