import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanWith, tempDir, testPlugin } from './helpers.js';

const misbehaving = testPlugin('misbehaving');

function tree(files: Record<string, string | Buffer>): string {
  const root = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  return root;
}

describe('a plugin that misbehaves on one file', () => {
  it('throws: an error entry for that file, the others are scanned', async () => {
    const root = tree({ 'a.chaos': 'throw', 'b.chaos': 'fine' });
    const { report } = await scanWith([root], { plugins: [misbehaving], concurrency: 2 });
    expect(report.errors).toEqual([expect.objectContaining({ path: 'a.chaos', code: 'PLUGIN_ERROR', message: expect.stringMatching(/plugin exploded/) })]);
    expect(report.findings.map((f) => f.location.path)).toEqual(['b.chaos']);
    expect(report.run.complete).toBe(false);
  });

  it('never settles: the soft timeout ends it', async () => {
    const root = tree({ 'a.chaos': 'hang', 'b.chaos': 'read-forever', 'c.chaos': 'fine' });
    const { report } = await scanWith([root], { plugins: [misbehaving], concurrency: 'off', limits: { timeoutMs: 300 } });
    expect(report.errors.map((e) => [e.path, e.code])).toEqual([
      ['a.chaos', 'TIMEOUT'],
      ['b.chaos', 'TIMEOUT'],
    ]);
    expect(report.findings.map((f) => f.location.path)).toEqual(['c.chaos']);
  });

  it('spins without yielding: the hard timeout kills the thread, the file is retried alone, then recorded', async () => {
    const root = tree({ 'a.chaos': 'spin', 'b.chaos': 'fine', 'c.chaos': 'fine' });
    const { report } = await scanWith([root], { plugins: [misbehaving], concurrency: 1, limits: { timeoutMs: 200 } });
    expect(report.errors).toEqual([expect.objectContaining({ path: 'a.chaos', code: 'HARD_TIMEOUT', message: expect.stringMatching(/twice/) })]);
    expect(report.findings.map((f) => f.location.path)).toEqual(['b.chaos', 'c.chaos']);
  });

  it('runs out of memory: an error entry, and the pool goes on', async () => {
    const root = tree({ 'a.chaos': 'oom', 'b.chaos': 'fine' });
    const { report } = await scanWith([root], { plugins: [misbehaving], concurrency: 1, limits: { workerMemoryMb: 64 } });
    expect(report.errors).toEqual([expect.objectContaining({ path: 'a.chaos', code: 'OUT_OF_MEMORY' })]);
    expect(report.findings.map((f) => f.location.path)).toEqual(['b.chaos']);
  });

  it('reports an undeclared rule or leaves a placeholder empty: an error entry, no finding', async () => {
    const root = tree({ 'a.chaos': 'undeclared', 'b.chaos': 'missing-data' });
    const { report } = await scanWith([root], { plugins: [misbehaving], concurrency: 'off' });
    expect(report.errors.map((e) => [e.path, e.code])).toEqual([
      ['a.chaos', 'PLUGIN_INVALID_REPORT'],
      ['b.chaos', 'PLUGIN_INVALID_REPORT'],
    ]);
    expect(report.errors[0]!.message).toMatch(/undeclared rule "nope"/);
    expect(report.errors[1]!.message).toMatch(/missing data for name/);
  });

  it('gives up on a file through ctx.fail: an error entry, the scan is incomplete', async () => {
    const root = tree({ 'a.chaos': 'give-up' });
    const { report } = await scanWith([root], { plugins: [misbehaving], concurrency: 'off' });
    expect(report.errors).toEqual([{ path: 'a.chaos', code: 'NOT_ANALYSABLE', message: 'test-misbehaving (chaos): cannot read this kind of file' }]);
    expect(report.run.complete).toBe(false);
  });

  it('sees another file vanish between the walk and its scan: an error entry for it', async () => {
    const root = tree({ 'a.chaos': 'vanish', 'victim.bin': 'soon gone' });
    process.env.MODELGATE_TEST_ROOT = root;
    const { report } = await scanWith([root], { plugins: [misbehaving], concurrency: 'off' });
    expect(report.errors).toEqual([expect.objectContaining({ path: 'victim.bin', code: 'ENOENT', message: expect.stringMatching(/cannot open/) })]);
    expect(report.files.find((f) => f.path === 'victim.bin')).toMatchObject({ status: 'error' });
    expect(report.run.complete).toBe(false);
  });

  it('sees its file shrink during the scan: the digest is withheld and the scan is incomplete', async () => {
    const root = tree({ 'a.chaos': Buffer.concat([Buffer.from('shrink'), Buffer.alloc(3 * 1024 * 1024, 32)]) });
    process.env.MODELGATE_TEST_ROOT = root;
    const { report } = await scanWith([root], { plugins: [misbehaving], concurrency: 'off' });
    expect(report.errors).toEqual([expect.objectContaining({ path: 'a.chaos', code: 'FILE_CHANGED' })]);
    expect(report.files[0]!.sha256).toBeUndefined();
  });
});
