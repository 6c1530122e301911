import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/index.js';
import { scanWith, tempDir, testPlugin } from './helpers.js';

const marker = testPlugin('marker');

function tree(root: string): void {
  mkdirSync(join(root, 'tests', 'deep'), { recursive: true });
  mkdirSync(join(root, 'models'), { recursive: true });
  writeFileSync(join(root, 'models', 'a.bin'), 'MARK a');
  writeFileSync(join(root, 'tests', 'b.bin'), 'MARK b');
  writeFileSync(join(root, 'tests', 'deep', 'c.bin'), 'MARK c');
}

const severities = (findings: { location: { path: string }; severity: string }[]) =>
  Object.fromEntries(findings.map((f) => [f.location.path, f.severity]));

describe('per-path rule overrides', () => {
  it('turn a rule off or change its severity for matching files; the last match wins', async () => {
    const root = tempDir();
    tree(root);
    const { report } = await scanWith([root], {
      plugins: [marker],
      concurrency: 'off',
      rules: { 'marker/found': 'medium' },
      overrides: [
        { files: ['tests/**'], rules: { 'marker/found': 'off' } },
        { files: ['tests/deep/**'], rules: { 'marker/found': 'low' } },
      ],
    });
    expect(severities(report.findings)).toEqual({ 'models/a.bin': 'medium', 'tests/deep/c.bin': 'low' });
    // The rule list keeps the global effective severity.
    expect(report.rules.find((r) => r.id === 'marker/found')?.severity).toBe('medium');
  });

  it('are read from the config file and validated', () => {
    const parsed = parseConfig({ overrides: [{ files: ['tests/**'], rules: { 'safetensors/trailing-data': 'off' } }] }, '/x/modelgate.config.yaml');
    expect(parsed.engine.overrides).toEqual([{ files: ['tests/**'], rules: { 'safetensors/trailing-data': 'off' } }]);
    expect(() => parseConfig({ overrides: [{ files: 'tests/**', rules: {} }] }, 'c.yaml')).toThrow(/overrides\.0\.files/u);
    expect(() => parseConfig({ overrides: [{ files: ['x'], rules: { a: 'severe' } }] }, 'c.yaml')).toThrow(/must be one of/u);
    expect(() => parseConfig({ overrides: [{ rules: {} }] }, 'c.yaml')).toThrow(/files/u);
  });

  it('reject unknown rule ids', async () => {
    const root = tempDir();
    await expect(scanWith([root], { plugins: [marker], concurrency: 'off', overrides: [{ files: ['**'], rules: { 'marker/nope': 'off' } }] })).rejects.toThrow(ConfigError);
  });
});

describe('fingerprints', () => {
  it('do not change when unrelated files are added', async () => {
    const root = tempDir();
    tree(root);
    const before = (await scanWith([root], { plugins: [marker], concurrency: 'off' })).report;
    writeFileSync(join(root, 'models', '0-first.bin'), 'MARK new');
    writeFileSync(join(root, 'aaa.txt'), 'unrelated');
    mkdirSync(join(root, 'tests', 'aaa'));
    writeFileSync(join(root, 'tests', 'aaa', 'z.bin'), 'MARK z');
    const after = (await scanWith([root], { plugins: [marker], concurrency: 2 })).report;
    const byPath = (r: typeof before) => Object.fromEntries(r.findings.map((f) => [f.location.path, f.fingerprint]));
    const old = byPath(before);
    expect(Object.keys(old)).toHaveLength(3);
    expect(byPath(after)).toMatchObject(old);
    expect(after.findings).toHaveLength(5);
  });

  it('do not change when the scan root moves or is given another way', async () => {
    const first = tempDir();
    tree(first);
    const second = join(tempDir(), 'elsewhere', 'copy');
    cpSync(first, second, { recursive: true });
    const a = (await scanWith([first], { plugins: [marker], concurrency: 'off' })).report;
    const b = (await scanWith([second], { plugins: [marker], concurrency: 'off' })).report;
    const c = (await scanWith([`${second}/`], { plugins: [marker], concurrency: 'off' })).report;
    expect(a.run.root).not.toBe(b.run.root);
    const prints = (r: typeof a) => r.findings.map((f) => f.fingerprint);
    expect(prints(b)).toEqual(prints(a));
    expect(prints(c)).toEqual(prints(a));
  });
});
