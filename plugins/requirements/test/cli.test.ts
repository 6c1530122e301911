import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { PYPA_DB, REPO_ROOT } from './helpers.js';

const CLI = join(REPO_ROOT, 'apps/cli/dist/bin.js');
const SHA = 'd'.repeat(64);

/** Runs the built CLI with no network but 127.0.0.1 (the test server) and a private cache home. */
function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, XDG_CACHE_HOME: join(cwd, 'xdg'), NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** An OSV `all.zip` as OSV publishes it (one JSON file per advisory), built from the shared PyPA YAML. */
function buildAllZip(packages: string[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const pkg of packages) {
    for (const name of readdirSync(join(PYPA_DB, 'vulns', pkg))) {
      files[name.replace(/\.yaml$/, '.json')] = new TextEncoder().encode(JSON.stringify(parseYaml(readFileSync(join(PYPA_DB, 'vulns', pkg, name), 'utf8'))));
    }
  }
  return zipSync(files);
}

/** A model directory whose environment has most of the problems the plugin looks for. */
function writeModel(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), '{"model_type": "bert"}\n');
  writeFileSync(join(dir, 'requirements.txt'), ['--extra-index-url https://download.pytorch.org/whl/nightly/cu118', 'torch==2.1.0+cu121', 'torchvision==0.17.0', 'pillow==9.0.0', 'tensorflow==2.4.0', 'llama-index==0.7.0', 'transfromers==4.30.0', '-r requirements-dev.txt', ''].join('\n'));
  writeFileSync(join(dir, 'requirements-dev.txt'), `pytest>=7\n-r requirements.txt\n`);
  writeFileSync(join(dir, 'Dockerfile'), `FROM nvidia/cuda:12.1.0-cudnn8-runtime-ubuntu22.04\nRUN pip install --require-hashes -r requirements.txt && pip install numpy==1.26.4 --hash=sha256:${SHA}\n`);
}

describe('modelgate db + scan (real CLI)', () => {
  let work: string;
  let server: Server;
  let baseUrl: string;
  let requests = 0;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "pnpm build" first`);
    work = mkdtempSync(join(tmpdir(), 'mg-req-cli-'));
    const zip = buildAllZip(['pillow', 'tensorflow', 'torch', 'llama-index']);
    server = createServer((req, res) => {
      requests++;
      if (req.url === '/PyPI/all.zip') {
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length });
        res.end(Buffer.from(zip));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeModel(join(work, 'model'));
  });

  afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
  });

  it('db import indexes the PyPA database; scan --format json reports findings and the advisory provenance', async () => {
    const cache = join(work, 'cache-import');
    const imported = await cli(['db', 'import', PYPA_DB, '--cache-dir', cache], work);
    expect(imported.stderr).toMatch(/indexed 2651 advisories for 660 packages .*data up to 2024-10-10/);
    expect(imported.code).toBe(0);
    writeFileSync(join(work, 'import.yaml'), `requirements:\n  cacheDir: ${JSON.stringify(cache)}\n`);
    const scanned = await cli(['scan', 'model', '--format', 'json', '-c', 'import.yaml', '--no-progress'], work);
    expect(scanned.code).toBe(1);
    const report = JSON.parse(scanned.stdout);
    const found = new Set(report.findings.map((f: { ruleId: string; location: { path: string } }) => `${f.ruleId}@${f.location.path}`));
    for (const expected of [
      'requirements/extra-index@requirements.txt',
      'requirements/torch-mismatch@requirements.txt',
      'requirements/cuda-mismatch@requirements.txt',
      'requirements/vulnerable-pin-high@requirements.txt',
      'requirements/vulnerable-pin-critical@requirements.txt',
      'requirements/typosquat@requirements.txt',
      'requirements/include-cycle@requirements-dev.txt',
      'requirements/unpinned@requirements-dev.txt',
      'requirements/hash-mode-broken@requirements.txt',
    ]) expect(found).toContain(expected);
    const pillow = report.findings.find((f: { evidence?: { advisory?: string } }) => f.evidence?.advisory === 'PYSEC-2022-168');
    expect(pillow).toMatchObject({ ruleId: 'requirements/vulnerable-pin-high', severity: 'high', location: { path: 'requirements.txt', line: 4 } });
    const llama = report.findings.find((f: { ruleId: string }) => f.ruleId === 'requirements/vulnerable-pin-critical');
    expect(llama).toMatchObject({ location: { line: 6 }, evidence: { advisory: 'PYSEC-2023-148', cvssScore: 9.8, severitySource: 'CVSS_V3', fixed: '0.7.14' } });
    const advisoryData = report.inventory.requirements.find((e: { type: string }) => e.type === 'advisory-data');
    expect(advisoryData).toMatchObject({ status: 'loaded', source: 'osv-directory', location: PYPA_DB, date: '2024-10-10T17:22:00.587279Z', count: 2651, cacheDir: cache });
    expect(advisoryData.importedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(report.errors).toEqual([]);
  });

  it('db import of an all.zip, then the default cache location ($XDG_CACHE_HOME/modelgate)', async () => {
    const zipPath = join(work, 'all.zip');
    writeFileSync(zipPath, buildAllZip(['pillow']));
    const imported = await cli(['db', 'import', zipPath], work);
    expect(imported.code).toBe(0);
    expect(existsSync(join(work, 'xdg', 'modelgate', 'osv-pypi-index.json'))).toBe(true);
    const scanned = await cli(['scan', 'model', '--format', 'json', '--no-progress'], work);
    const report = JSON.parse(scanned.stdout);
    expect(report.inventory.requirements).toContainEqual(expect.objectContaining({ type: 'advisory-data', source: 'osv-zip', location: zipPath, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    expect(report.findings.some((f: { evidence?: { advisory?: string } }) => f.evidence?.advisory === 'PYSEC-2022-168')).toBe(true);
  });

  it('db update downloads an all.zip from the configured URL (a local server) and indexes it', async () => {
    const cache = join(work, 'cache-update');
    const before = requests;
    const updated = await cli(['db', 'update', '--url', `${baseUrl}/PyPI/all.zip`, '--cache-dir', cache], work);
    expect(updated.stderr).toContain(`downloaded`);
    expect(updated.code).toBe(0);
    expect(requests).toBe(before + 1);
    const scanned = await cli(['scan', 'model', '--format', 'json', '--no-progress', '--advisories', join(cache, 'osv-pypi-index.json')], work);
    const report = JSON.parse(scanned.stdout);
    expect(report.inventory.requirements).toContainEqual(expect.objectContaining({ type: 'advisory-data', source: 'download', location: `${baseUrl}/PyPI/all.zip` }));
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === 'requirements/vulnerable-pin-critical')).toBe(true);
  });

  it('db update uses requirements.updateUrl from the config, and fails with exit 2 on HTTP errors', async () => {
    writeFileSync(join(work, 'update.yaml'), `requirements:\n  updateUrl: ${baseUrl}/missing.zip\n  cacheDir: ${JSON.stringify(join(work, 'cache-x'))}\n`);
    const failed = await cli(['db', 'update', '-c', 'update.yaml'], work);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('HTTP 404');
    const bad = await cli(['db', 'import', join(work, 'nope')], work);
    expect(bad.code).toBe(2);
  });

  it('scan --advisories reads an OSV directory directly; with no data at all the table says so', async () => {
    const direct = await cli(['scan', 'model', '--format', 'json', '--no-progress', '--advisories', PYPA_DB], work);
    expect(JSON.parse(direct.stdout).inventory.requirements).toContainEqual(expect.objectContaining({ source: 'osv-directory', count: 2651 }));
    const empty = mkdtempSync(join(tmpdir(), 'mg-req-nodata-'));
    writeModel(join(empty, 'model'));
    const table = await cli(['scan', 'model', '--no-progress'], empty);
    expect(table.stdout).toContain('requirements/no-advisory-data');
    expect(table.stdout).toContain('No advisory data');
  });
});
