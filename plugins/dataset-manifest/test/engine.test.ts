import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '@modelgate/core';
import type { Report } from '@modelgate/plugin-api';
import { afterEach, describe, expect, it } from 'vitest';
import plugin, { writeManifest } from '../src/index.js';
import { sha } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mg-manifest-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function scanTree(root: string, options: { hash?: boolean; pluginOptions?: Record<string, unknown> } = {}): Promise<Report> {
  const engine = await createEngine({ plugins: [plugin], concurrency: 'off', hash: options.hash ?? true, ...(options.pluginOptions && { pluginOptions: { manifest: options.pluginOptions } }) });
  try {
    return await engine.scan([root]).report;
  } finally {
    await engine.close();
  }
}

const rules = (report: Report) => report.findings.map((f) => `${f.ruleId}@${f.location.path}`).sort();

describe('with the real engine', () => {
  it('uses the engine sha256 and reports a flipped byte, critical', async () => {
    const root = tree({ 'a.bin': 'hello', 'sub/b.bin': 'world' });
    writeFileSync(join(root, 'modelgate-manifest.yaml'), writeManifest([{ path: 'a.bin', size: 5, sha256: sha('hello') }, { path: 'sub/b.bin', size: 5, sha256: sha('world') }], 't'));
    expect(rules(await scanTree(root))).toEqual([]);
    writeFileSync(join(root, 'sub/b.bin'), 'worle');
    const report = await scanTree(root);
    expect(rules(report)).toEqual(['manifest/digest-mismatch@sub/b.bin']);
    expect(report.findings[0]!.severity).toBe('critical');
  });

  it('reports symlinks out of the root as missing and never reads through them', async () => {
    const outside = tree({ 'secret.bin': 'secret' });
    const root = tree({ 'a.bin': 'a' });
    symlinkSync(join(outside, 'secret.bin'), join(root, 'link.bin'));
    const m = `complete: true\nfiles:\n  - path: a.bin\n    sha256: ${sha('a')}\n  - path: link.bin\n    sha256: ${sha('secret')}\n  - path: ../${outside.split('/').pop()}/secret.bin\n    sha256: ${sha('secret')}\n`;
    writeFileSync(join(root, 'MANIFEST.yaml'), m);
    const report = await scanTree(root);
    expect(rules(report)).toEqual(['manifest/file-missing@MANIFEST.yaml', 'manifest/path-unsafe@MANIFEST.yaml']);
    expect(report.files.find((f) => f.path === 'link.bin')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('outside the scan root') });
    expect(report.summary.bytes.read).toBeLessThan(1000);
  });

  it('marks the scan incomplete with --no-hash instead of passing', async () => {
    const root = tree({ 'a.bin': 'a', 'SHA256SUMS': `${sha('tampered')}  a.bin\n` });
    const report = await scanTree(root, { hash: false });
    expect(report.findings).toEqual([]);
    expect(report.run.complete).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ code: 'DIGESTS_UNAVAILABLE' })]);
  });

  it('checks one manifest given by option, inside or outside the scan, and no other document', async () => {
    const root = tree({ 'a.bin': 'a', 'SHA256SUMS': `${sha('other')}  a.bin\n` });
    const outside = tree({ 'ref.yaml': writeManifest([{ path: 'a.bin', size: 1, sha256: sha('a') }, { path: 'SHA256SUMS', size: 72, sha256: sha(`${sha('other')}  a.bin\n`) }], 't') });
    const external = await scanTree(root, { pluginOptions: { manifest: join(outside, 'ref.yaml') } });
    expect(rules(external)).toEqual([]);
    expect(external.inventory.manifest).toEqual([expect.objectContaining({ document: join(outside, 'ref.yaml'), verified: 2 })]);
    const missing = await scanTree(root, { pluginOptions: { manifest: 'nope.yaml' } });
    expect(missing.errors).toEqual([expect.objectContaining({ code: 'MANIFEST_NOT_FOUND' })]);
  });

  it('reports invalid YAML with file, line and column in the report errors', async () => {
    const root = tree({ 'data/MANIFEST.yaml': 'files:\n  - path: a\n  sha256: [x\n' });
    const report = await scanTree(root);
    expect(report.errors).toEqual([expect.objectContaining({ code: 'INVALID_YAML', message: expect.stringMatching(/data\/MANIFEST\.yaml:\d+:\d+: invalid YAML/) })]);
  });
});
