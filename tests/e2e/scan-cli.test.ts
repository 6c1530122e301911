import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, modelgate, repoRoot, safetensors, tempDir, writeTree } from './cli.js';

const valid = () => safetensors({ 'a.weight': { dtype: 'F16', shape: [4, 4] }, 'b.bias': { dtype: 'F32', shape: [4] } });
/** A safetensors file whose second tensor claims more bytes than it has: the loader refuses it. */
const broken = () => {
  const bytes = valid();
  const header = JSON.parse(Buffer.from(bytes.subarray(8, 8 + Number(new DataView(bytes.buffer).getBigUint64(0, true)))).toString());
  header['b.bias'].shape = [5];
  const text = Buffer.from(JSON.stringify(header).padEnd(Number(new DataView(bytes.buffer).getBigUint64(0, true)), ' '));
  const out = Buffer.from(bytes);
  text.copy(out, 8);
  return out;
};

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('modelgate scan', () => {
  it('prints help and version with exit 0', () => {
    expect(modelgate(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('scan') });
    expect(modelgate(['--version'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(modelgate(['scan', '--help']).stdout).toMatch(/--fail-on/);
  });

  it('exits 2 for a missing path, an unknown flag and a bad flag value', () => {
    const missing = modelgate(['scan', '/no/such/model']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot scan \/no\/such\/model: no such file or directory/);
    expect(modelgate(['scan', '--bogus', '.']).status).toBe(2);
    expect(modelgate(['scan', '--fail-on', 'severe', '.']).stderr).toMatch(/critical, high, medium, low, info/);
    expect(modelgate(['scan', '--format', 'xml', '.']).status).toBe(2);
  });

  it('writes the JSON report to --output through `pnpm modelgate` from the repo root, exit 0 when clean', () => {
    const dir = tempDir();
    writeTree(dir, { 'model.safetensors': valid(), 'config.json': '{"hidden_size": 4}', 'README.md': '---\nlicense: apache-2.0\n---\n# tiny\n' });
    const out = join(dir, 'report.json');
    const result = spawnSync('pnpm', ['--silent', 'modelgate', 'scan', dir, '--format', 'json', '--output', out], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const report = json(out);
    expect(report.schemaVersion).toBe(1);
    expect(report.files.map((f: { path: string; format: string }) => [f.path, f.format])).toEqual([
      ['README.md', 'text'],
      ['config.json', 'json'],
      ['model.safetensors', 'safetensors'],
    ]);
    expect(report.files[2].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
  });

  it('exits 1 on a high finding, and --fail-on moves the threshold', () => {
    const dir = tempDir();
    writeTree(dir, { 'model.safetensors': broken() });
    const table = modelgate(['scan', dir]);
    expect(table.status).toBe(1);
    expect(table.stdout).toMatch(/safetensors\/tensor-size-mismatch/);
    expect(modelgate(['scan', dir, '--fail-on', 'critical']).status).toBe(0);
  });

  it('writes SARIF with rules, locations and fingerprints', () => {
    const dir = tempDir();
    writeTree(dir, { 'model.safetensors': broken() });
    const sarif = JSON.parse(modelgate(['scan', dir, '--format', 'sarif']).stdout);
    const run = sarif.runs[0];
    expect(sarif.version).toBe('2.1.0');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'safetensors/tensor-size-mismatch');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('model.safetensors');
    expect(run.tool.driver.rules[result.ruleIndex].properties['security-severity']).toBe('8.0');
  });

  it('exits 3 when a file cannot be read, and 1 when a finding is there too: an error never hides a detection', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeTree(dir, { 'locked.bin': 'secret', 'ok.txt': 'fine' });
    chmodSync(join(dir, 'locked.bin'), 0o000);
    // root reads everything: drop to nobody so the permission bits bite
    const prefix = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const result = modelgate(['scan', dir, '--format', 'json', '--no-progress'], { prefix, cwd: dir });
    expect(result.status).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report.errors).toEqual([expect.objectContaining({ path: 'locked.bin', code: 'EACCES' })]);
    expect(report.run.complete).toBe(false);
    expect(result.stderr).toMatch(/scan incomplete/);
    writeTree(dir, { 'model.safetensors': broken() });
    chmodSync(join(dir, 'model.safetensors'), 0o644);
    expect(modelgate(['scan', dir, '--no-progress'], { prefix, cwd: dir }).status).toBe(1);
  });

  it('reads a config file from the working directory or --config, and names a bad key', () => {
    const dir = tempDir();
    writeTree(dir, { 'm/model.safetensors': broken(), 'modelgate.config.yaml': 'rules:\n  safetensors/tensor-size-mismatch: low\n' });
    expect(modelgate(['scan', 'm'], { cwd: dir }).status).toBe(0);
    writeTree(dir, { 'strict.json': JSON.stringify({ failOn: 'low' }) });
    expect(modelgate(['scan', 'm', '--config', 'strict.json'], { cwd: dir }).status).toBe(1);
    writeTree(dir, { 'bad.yaml': 'limits:\n  maxFileSise: 10MB\n' });
    const bad = modelgate(['scan', 'm', '--config', 'bad.yaml'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown key "limits.maxFileSise"/);
    writeTree(dir, { 'bad-rule.yaml': 'rules:\n  safetensors/nope: off\n' });
    expect(modelgate(['scan', 'm', '--config', 'bad-rule.yaml'], { cwd: dir }).stderr).toMatch(/unknown rule "safetensors\/nope"/);
  });

  it('loads a third-party plugin by path from the config, and rejects an invalid one with exit 2', () => {
    const dir = tempDir();
    const marker = new URL('../../packages/core/test/fixtures/plugins/marker.mjs', import.meta.url).pathname;
    writeTree(dir, { 'x/a.bin': 'MARK here', 'ok.yaml': `plugins:\n  - ${marker}\n` });
    const result = modelgate(['scan', 'x', '--config', 'ok.yaml', '--format', 'json'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).findings[0].ruleId).toBe('marker/found');
    writeTree(dir, { 'bad-plugin.mjs': 'export default { apiVersion: 2, meta: { name: "bad", version: "1", namespace: "bad" }, rules: {}, scanners: [] };', 'bad.yaml': 'plugins: [./bad-plugin.mjs]\n' });
    const bad = modelgate(['scan', 'x', '--config', 'bad.yaml'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/plugin \.\/bad-plugin\.mjs: apiVersion 2 is not supported/);
  });

  it('lists every rule with `modelgate rules`', () => {
    const result = modelgate(['rules', '--format', 'json']);
    const ids = JSON.parse(result.stdout).map((r: { id: string }) => r.id);
    expect(ids).toContain('safetensors/header-too-large');
    expect(ids).toContain('container/depth-limit');
  });

  it('shows a progress bar on stderr when it is a terminal, and none otherwise', () => {
    const dir = tempDir();
    writeTree(dir, Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, `file ${i}`])));
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${cliPath} scan ${dir} --output ${join(dir, 'r.txt')}`, '/dev/null'], { encoding: 'utf8' });
    expect(tty.stdout).toMatch(/Scanning \|/);
    expect(tty.stdout).toMatch(/files/);
    const piped = modelgate(['scan', dir]);
    expect(piped.stderr).not.toMatch(/Scanning/);
    expect(piped.stdout).toMatch(/No findings/);
  });

  it('writes nothing else to stderr on a scan of many files (hundreds of tasks waiting for a thread)', () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) files[`d${i % 10}/f${i}.txt`] = `file ${i}\n`;
    writeTree(dir, files);
    const out = join(tempDir(), 'report.json');
    for (const flags of [['--concurrency', '2'], ['--concurrency', '2', '--no-hash']]) {
      const result = modelgate(['scan', dir, '--format', 'json', '--output', out, '--no-progress', ...flags]);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe(`modelgate: json report written to ${out}\n`);
      expect(json(out).files).toHaveLength(1500);
    }
  });

  it('with --no-hash leaves digests out', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'model.safetensors'), valid());
    const report = JSON.parse(modelgate(['scan', dir, '--format', 'json', '--no-hash']).stdout);
    expect(report.files[0].sha256).toBeUndefined();
  });
});
