import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { hashToken, resolveSettings, startServer, TokenStore, type RunningServer, type ServerSettings } from '../src/index.js';

/** The test plugin (findings, slow files, crashes). */
export const TEST_PLUGIN = fileURLToPath(new URL('./fixtures/server-test-plugin.mjs', import.meta.url));

/** The built CLI, for tests that run the server as a child process. */
export const CLI_BIN = fileURLToPath(new URL('../../cli/dist/bin.js', import.meta.url));

/** Tokens every in-process test server accepts. */
export const TOKENS = { full: 'full-token-0123456789', read: 'read-token-0123456789', scan: 'scan-token-0123456789' } as const;

/** A fresh temporary directory. */
export function tempDir(prefix = 'modelgate-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (path → content) under `root`, creating directories. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A server on 127.0.0.1 with a random port, the test plugin, and the three test tokens. */
export async function startTestServer(settings: Partial<ServerSettings> = {}): Promise<RunningServer & { settings: ServerSettings }> {
  const resolved = resolveSettings({ dataDir: join(tempDir(), 'data'), port: 0, rateLimit: { max: 1_000_000, windowMs: 60_000 }, ...settings });
  const tokens = new TokenStore([
    { name: 'full', sha256: hashToken(TOKENS.full), scopes: ['read', 'scan'] },
    { name: 'reader', sha256: hashToken(TOKENS.read), scopes: ['read'] },
    { name: 'scanner', sha256: hashToken(TOKENS.scan), scopes: ['scan'] },
  ]);
  const server = await startServer({ settings: resolved, engine: { plugins: [TEST_PLUGIN], concurrency: 1, limits: { timeoutMs: 5_000 } }, tokens });
  return { ...server, settings: resolved };
}

/** A tiny HTTP client for one server. */
export function client(base: string, token: string | undefined = TOKENS.full) {
  const headers = (extra: Record<string, string> = {}) => ({ ...(token && { authorization: `Bearer ${token}` }), ...extra });
  return {
    get: (path: string, extra?: Record<string, string>) => fetch(`${base}${path}`, { headers: headers(extra) }),
    delete: (path: string) => fetch(`${base}${path}`, { method: 'DELETE', headers: headers() }),
    postJson: (path: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: typeof body === 'string' ? body : JSON.stringify(body) }),
    upload: (path: string, name: string, content: string | Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.append('file', new Blob([content]), name);
      return fetch(`${base}${path}`, { method: 'POST', headers: headers(), body: form });
    },
  };
}

/** Polls a scan until it is final (or `until` says so); returns the last view. */
export async function waitForScan(base: string, id: string, until: (scan: Record<string, any>) => boolean = (s) => ['done', 'failed', 'cancelled'].includes(s.status), timeoutMs = 30_000, token: string = TOKENS.full): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await client(base, token).get(`/v1/scans/${id}`);
    expect(response.status).toBe(200);
    const scan = (await response.json()) as Record<string, any>;
    if (until(scan)) return scan;
    if (Date.now() > deadline) throw new Error(`scan ${id} still ${scan.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Retries `check` until it passes or `timeoutMs` passes (then throws its last error). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
