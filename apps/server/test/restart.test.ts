import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_BIN, client, TEST_PLUGIN, tempDir, waitForScan, writeTree } from './helpers.js';

const TOKEN = 'restart-test-token';

interface Child {
  process: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts `modelgate serve` as a child process with a config file; resolves once it listens. */
async function serve(configPath: string): Promise<Child> {
  const child = spawn(process.execPath, [CLI_BIN, 'serve', '--config', configPath, '--port', '0', '--log-level', 'silent'], {
    env: { ...process.env, MODELGATE_TOKEN: TOKEN },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { process: child, url, stderr: () => stderr, exited };
}

function setup() {
  const base = tempDir();
  const root = writeTree(join(base, 'models'), { 'slow/x.slow': 'sleep 3000', 'slow/m.bin': 'MARK' });
  const dataDir = join(base, 'data');
  const config = join(base, 'modelgate.config.yaml');
  writeFileSync(
    config,
    [`plugins: [${JSON.stringify(TEST_PLUGIN)}]`, 'concurrency: 1', 'server:', `  dataDir: ${JSON.stringify(dataDir)}`, `  roots: [${JSON.stringify(root)}]`, '  maxConcurrentScans: 2', ''].join('\n'),
  );
  return { root, dataDir, config };
}

function inspectDb(dataDir: string) {
  const db = new Database(join(dataDir, 'modelgate.db'), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      version: db.pragma('user_version', { simple: true }),
      scans: db.prepare('SELECT id, status, attempts, source FROM scans ORDER BY seq').all() as { id: string; status: string; attempts: number; source: string }[],
    };
  } finally {
    db.close();
  }
}

describe('killing the server in the middle of a scan', () => {
  it('keeps the database intact; on restart the scan resumes and finishes', async () => {
    const { root, dataDir, config } = setup();
    const first = await serve(config);
    const api = client(first.url, TOKEN);
    const done = await (await api.postJson('/v1/scans', { path: join(root, 'slow/m.bin') })).json();
    await waitForScan(first.url, done.id, undefined, 30_000, TOKEN);
    const { id } = await (await api.postJson('/v1/scans', { path: join(root, 'slow') })).json();
    await waitForScan(first.url, id, (s) => s.status === 'running', 30_000, TOKEN);
    first.process.kill('SIGKILL');
    await first.exited;

    const db = inspectDb(dataDir);
    expect(db.integrity).toBe('ok');
    expect(db.version).toBe(2);
    expect(db.scans).toEqual([
      expect.objectContaining({ id: done.id, status: 'done' }),
      expect.objectContaining({ id, status: 'running', attempts: 1 }),
    ]);

    const second = await serve(config);
    expect(second.stderr()).toMatch(/1 scan\(s\) resumed, 0 failed/);
    const scan = await waitForScan(second.url, id, undefined, 30_000, TOKEN);
    expect(scan).toMatchObject({ status: 'done', attempts: 2, worstSeverity: 'high' });
    expect(scan.error).toBeNull();
    expect(scan.note).toMatch(/^resumed: the server stopped during the scan \(attempt 1 of 2/);
    const report = await (await client(second.url, TOKEN).get(`/v1/scans/${id}/report`)).json();
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['servertest/marked', 'servertest/slept']);
    // The scan finished before the crash is still there with its report.
    expect((await client(second.url, TOKEN).get(`/v1/scans/${done.id}/report`)).status).toBe(200);
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('marks a scan failed, with the reason, when it cannot be resumed (its upload is gone)', async () => {
    const { dataDir, config } = setup();
    const first = await serve(config);
    const { id } = await (await client(first.url, TOKEN).upload('/v1/scans', 'x.slow', 'sleep 5000')).json();
    await waitForScan(first.url, id, (s) => s.status === 'running', 30_000, TOKEN);
    first.process.kill('SIGKILL');
    await first.exited;
    for (const dir of readdirSync(join(dataDir, 'uploads'))) rmSync(join(dataDir, 'uploads', dir), { recursive: true });

    const second = await serve(config);
    expect(second.stderr()).toMatch(/0 scan\(s\) resumed, 1 failed/);
    const scan = await waitForScan(second.url, id, undefined, 30_000, TOKEN);
    expect(scan.status).toBe('failed');
    expect(scan.error).toMatch(/the server stopped during the scan .*cannot resume: the uploaded file is gone/);
    expect(inspectDb(dataDir).integrity).toBe('ok');
  });

  it('on SIGTERM puts the running scan back in the queue; the next start runs it', async () => {
    const { root, dataDir, config } = setup();
    const first = await serve(config);
    const { id } = await (await client(first.url, TOKEN).postJson('/v1/scans', { path: join(root, 'slow') })).json();
    await waitForScan(first.url, id, (s) => s.status === 'running', 30_000, TOKEN);
    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(inspectDb(dataDir).scans).toEqual([expect.objectContaining({ id, status: 'queued', attempts: 0 })]);
    const second = await serve(config);
    expect(await waitForScan(second.url, id, undefined, 30_000, TOKEN)).toMatchObject({ status: 'done', attempts: 1, note: expect.stringMatching(/server shutdown/) });
  });
});
