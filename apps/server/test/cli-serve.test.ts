import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, client, tempDir, waitForScan, writeTree } from './helpers.js';

const TOKEN = 'cli-serve-token';
/** A protocol-0 pickle that calls os.system on load. */
const EVIL_PICKLE = "cos\nsystem\n(S'echo pwned'\ntR.";

describe('modelgate serve with the built-in plugins', () => {
  let url: string;
  let child: ReturnType<typeof spawn>;
  let root: string;
  beforeAll(async () => {
    const base = tempDir();
    root = writeTree(join(base, 'models'), { 'bert/model.pkl': EVIL_PICKLE });
    child = spawn(process.execPath, [CLI_BIN, 'serve', '--port', '0', '--data-dir', join(base, 'data'), '--root', root, '--log-level', 'silent'], {
      cwd: base,
      env: { ...process.env, MODELGATE_TOKEN: TOKEN },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
  });
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('finds a malicious pickle by path and by upload, as the README shows with curl', async () => {
    const api = client(url, TOKEN);
    const byPath = (await (await api.postJson('/v1/scans', { path: join(root, 'bert') })).json()).id;
    const byUpload = (await (await api.upload('/v1/scans', 'model.pkl', EVIL_PICKLE)).json()).id;
    for (const id of [byPath, byUpload]) {
      const scan = await waitForScan(url, id, undefined, 60_000, TOKEN);
      expect(scan).toMatchObject({ status: 'done', worstSeverity: 'critical' });
      const report = await (await api.get(`/v1/scans/${id}/report`)).json();
      expect(report.findings[0]).toMatchObject({ severity: 'critical', location: { path: 'model.pkl' } });
    }
  });

  it('refuses to start without any token, with exit code 2 and the reason', () => {
    const env = { ...process.env };
    delete env.MODELGATE_TOKEN;
    const result = spawnSync(process.execPath, [CLI_BIN, 'serve', '--port', '0', '--data-dir', join(tempDir(), 'd')], { env, encoding: 'utf8', cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no API tokens: set MODELGATE_TOKEN or give --token-file/);
  });

  it('refuses a root that does not exist and a bad port, with exit code 2', () => {
    const env = { ...process.env, MODELGATE_TOKEN: TOKEN };
    const missing = spawnSync(process.execPath, [CLI_BIN, 'serve', '--port', '0', '--data-dir', join(tempDir(), 'd'), '--root', '/nonexistent/models'], { env, encoding: 'utf8', cwd: tempDir() });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/allowed root \/nonexistent\/models cannot be used/);
    const port = spawnSync(process.execPath, [CLI_BIN, 'serve', '--port', '99999'], { env, encoding: 'utf8', cwd: tempDir() });
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/port number/);
  });
});
