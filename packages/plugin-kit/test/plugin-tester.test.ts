import { describe, expect, it } from 'vitest';
import type { FileScanner, Plugin } from '@modelgate/plugin-api';
import { PluginTester, PluginTestError, type InvalidCase } from '../src/testing/index.js';
import secrets from './fixtures/secret-plugin.mjs';

const modulePath = new URL('./fixtures/secret-plugin.mjs', import.meta.url).pathname;
const good = secrets as Plugin;
const invalid: InvalidCase = { file: { path: 'notes.txt', content: 'the SECRET is out' }, findings: [{ rule: 'secret-word', data: { offset: 4 } }] };

/** The good plugin with one scanner replaced. */
function withScan(scan: FileScanner['scan']): Plugin {
  return { ...good, scanners: [{ ...good.scanners[0]!, scan } as Plugin['scanners'][number]] };
}

async function failure(plugin: Plugin, testCase: InvalidCase, options = {}): Promise<PluginTestError> {
  const error = await new PluginTester(plugin, { abortWithinMs: 100, runTimeoutMs: 500, ...options }).checkCase(testCase, true).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PluginTestError);
  return error as PluginTestError;
}

new PluginTester(good, { describe, it, pool: { module: modulePath } }).run('a well-behaved plugin passes every check', {
  valid: [{ file: { path: 'readme.txt', content: 'nothing to see' } }, { file: { path: 'data.bin', content: new Uint8Array([1, 2, 3]) } }],
  invalid: [invalid],
});

describe('a broken plugin fails the check it breaks', () => {
  it('reports an undeclared rule: declarations', async () => {
    const plugin = withScan((_file, ctx) => ctx.report({ rule: 'nope', messageId: 'found', data: { offset: 1 } }));
    expect((await failure(plugin, invalid)).check).toBe('declarations');
  });

  it('leaves a placeholder empty: declarations', async () => {
    const plugin = withScan((_file, ctx) => ctx.report({ rule: 'secret-word', messageId: 'found' }));
    expect((await failure(plugin, invalid)).message).toMatch(/placeholder \{\{offset\}\}/);
  });

  it('misses or adds findings: findings', async () => {
    expect((await failure(withScan(() => {}), invalid)).check).toBe('findings');
    const error = await failure(good, { ...invalid, findings: [] });
    expect(error.message).toMatch(/unexpected finding secrets\/secret-word/);
  });

  it('reports something different on each run: determinism', async () => {
    let run = 0;
    const plugin = withScan((_file, ctx) => {
      run++;
      ctx.report({ rule: 'secret-word', messageId: 'found', data: { offset: 4 }, evidence: { run } });
    });
    expect((await failure(plugin, invalid)).check).toBe('determinism');
  });

  it('reads the file over and over: read-budget', async () => {
    const plugin = withScan(async (file, ctx) => {
      for (let i = 0; i < 10; i++) await file.read(0, file.size);
      ctx.report({ rule: 'secret-word', messageId: 'found', data: { offset: 4 } });
    });
    expect((await failure(plugin, { ...invalid, file: { path: 'big.txt', content: `the SECRET ${'x'.repeat(100_000)}` } })).check).toBe('read-budget');
  });

  it('keeps going after its signal aborted: abort', async () => {
    const plugin = withScan(async (file, ctx) => {
      await file.read(0, 1);
      if (ctx.signal.aborted) for (;;) await new Promise((resolve) => setTimeout(resolve, 10));
      ctx.report({ rule: 'secret-word', messageId: 'found', data: { offset: 4 } });
    });
    expect((await failure(plugin, invalid)).check).toBe('abort');
  });

  it('crashes on a truncated copy of an invalid input: truncation', async () => {
    const plugin = withScan(async (file, ctx) => {
      const bytes = await file.read(0, file.size);
      if (bytes.length < 10) throw new Error('short file');
      ctx.report({ rule: 'secret-word', messageId: 'found', data: { offset: 4 } });
    });
    expect((await failure(plugin, invalid)).check).toBe('truncation');
  });

  it('behaves differently inside the worker pool: pool', async () => {
    process.env.MISBEHAVE_IN_WORKERS = '1';
    try {
      expect((await failure(good, invalid, { pool: { module: modulePath }, runTimeoutMs: 30_000 })).check).toBe('pool');
    } finally {
      delete process.env.MISBEHAVE_IN_WORKERS;
    }
  });
});
