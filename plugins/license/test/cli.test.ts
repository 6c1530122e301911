import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, safetensors, spdxText } from './helpers.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(repoRoot, 'apps/cli/dist/bin.js');

function modelgate(args: string[], cwd = repoRoot) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('modelgate scan with the licence plugin (real CLI)', () => {
  let dir: string;

  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm build\` at the repository root first`);
    dir = mkdtempSync(join(tmpdir(), 'modelgate-license-'));
    const files: Record<string, string | Uint8Array> = {
      'model/README.md': card('license: mit\nbase_model: acme/base-nc\nlibrary_name: transformers\npipeline_tag: text-generation'),
      'model/LICENSE': spdxText('Apache-2.0'),
      'model/model.safetensors': safetensors({ format: 'pt' }),
      'base-nc/README.md': card('license: cc-by-nc-4.0\nmodel_name: acme/base-nc\nlibrary_name: transformers'),
      'base-nc/model.safetensors': safetensors({ format: 'pt' }),
      'modelgate.config.yaml': 'license:\n  use: commercial\n',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the card/LICENSE mismatch and the non-commercial base model, and records the inventory', () => {
    const run = modelgate(['scan', join(dir, 'model'), join(dir, 'base-nc'), '--format', 'json', '--no-progress', '--config', join(dir, 'modelgate.config.yaml')]);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    const license = report.findings.filter((f: any) => f.plugin === '@modelgate/plugin-license');
    const found = license.map((f: any) => `${f.ruleId}/${f.messageId} ${f.location.path}:${f.location.line ?? ''}`).sort();
    expect(found).toEqual([
      'license/license-mismatch/fileDiffers model/README.md:2',
      'license/policy-violation/commercial base-nc/README.md:',
      'license/policy-violation/commercial model/README.md:',
      'license/upstream-conflict/baseModel model/README.md:3',
    ]);
    expect(license.find((f: any) => f.ruleId === 'license/upstream-conflict')).toMatchObject({ severity: 'high', message: expect.stringContaining('non-commercial (CC-BY-NC-4.0)') });
    expect(license.find((f: any) => f.ruleId === 'license/license-mismatch')).toMatchObject({ severity: 'medium', message: expect.stringContaining('model/LICENSE is the text of Apache-2.0') });

    const inventory = report.inventory.license;
    expect(inventory).toEqual([
      expect.objectContaining({ kind: 'model', path: 'base-nc', name: 'acme/base-nc', declared: 'CC-BY-NC-4.0', expression: 'CC-BY-NC-4.0' }),
      expect.objectContaining({ kind: 'model', path: 'model', declared: 'MIT', expression: 'MIT AND CC-BY-NC-4.0' }),
    ]);
    expect(inventory[1].sources).toEqual([
      { from: 'card', path: 'model/README.md', line: 2, value: 'mit', expression: 'MIT' },
      { from: 'LICENSE', path: 'model/LICENSE', value: 'Apache-2.0', expression: 'Apache-2.0' },
      { from: 'base_model', path: 'model/README.md', line: 3, value: 'acme/base-nc', expression: 'CC-BY-NC-4.0', via: 'tree', matched: 'base-nc' },
    ]);
  });

  it('lists the plugin\'s rules in `modelgate rules`', () => {
    const run = modelgate(['rules', '--format', 'json']);
    expect(run.status).toBe(0);
    const ids = (JSON.parse(run.stdout) as any[]).map((r) => r.id ?? r.ruleId);
    for (const rule of ['missing-license', 'unknown-license', 'license-mismatch', 'upstream-conflict', 'use-restriction', 'policy-violation', 'invalid-metadata']) expect(ids).toContain(`license/${rule}`);
  });
});
