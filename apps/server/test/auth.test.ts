import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, loadTokens } from '../src/index.js';
import { client, startTestServer, tempDir, TOKENS, writeTree } from './helpers.js';

describe('authentication and scopes', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let root: string;
  beforeAll(async () => {
    root = writeTree(tempDir(), { 'model/a.bin': 'MARK' });
    server = await startTestServer({ roots: [root] });
  });
  afterAll(() => server.close());

  it('answers 401 without a token, with a challenge and a clear message', async () => {
    const response = await client(server.url, '').get('/v1/scans');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect((await response.json()).message).toMatch(/missing bearer token/);
  });

  it('answers 401 for a wrong token and a malformed header', async () => {
    expect((await client(server.url, 'not-the-token').get('/v1/scans')).status).toBe(401);
    const basic = await fetch(`${server.url}/v1/scans`, { headers: { authorization: 'Basic Zm9vOmJhcg==' } });
    expect(basic.status).toBe(401);
    const post = await client(server.url, 'wrong').postJson('/v1/scans', { path: join(root, 'model') });
    expect(post.status).toBe(401);
  });

  it('answers 403 when the token lacks the scope: read cannot scan, scan cannot read', async () => {
    const readOnly = await client(server.url, TOKENS.read).postJson('/v1/scans', { path: join(root, 'model') });
    expect(readOnly.status).toBe(403);
    expect((await readOnly.json()).message).toMatch(/lacks the "scan" scope/);
    expect((await client(server.url, TOKENS.read).get('/v1/scans')).status).toBe(200);
    const scanOnly = await client(server.url, TOKENS.scan).postJson('/v1/scans', { path: join(root, 'model') });
    expect(scanOnly.status).toBe(202);
    expect((await client(server.url, TOKENS.scan).get('/v1/scans')).status).toBe(403);
    expect((await client(server.url, TOKENS.scan).get('/metrics')).status).toBe(403);
  });

  it('keeps /healthz, /openapi.json and the dashboard public, /metrics behind a token', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
  });
});

describe('rate limit', () => {
  it('limits each token separately and answers 429', async () => {
    const server = await startTestServer({ rateLimit: { max: 5, windowMs: 60_000 } });
    try {
      const full = client(server.url, TOKENS.full);
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await full.get('/v1/scans')).status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const limited = await full.get('/v1/scans');
      expect((await limited.json()).message).toMatch(/rate limit/i);
      // Another token has its own budget.
      expect((await client(server.url, TOKENS.read).get('/v1/scans')).status).toBe(200);
      // Public routes are not counted.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('token files', () => {
  it('loads hashed tokens with scopes, plus MODELGATE_TOKEN as a full-access token', async () => {
    const file = join(tempDir(), 'tokens.yaml');
    writeFileSync(file, `tokens:\n  - name: ci\n    sha256: ${hashToken('ci-secret')}\n    scopes: [scan]\n  - name: viewer\n    sha256: ${hashToken('view').toUpperCase()}\n    scopes: [read]\n`);
    const store = await loadTokens({ tokenFile: file, envToken: 'from-env' });
    expect(store.size).toBe(3);
    expect(store.verify('ci-secret')).toMatchObject({ name: 'ci', scopes: ['scan'] });
    expect(store.verify('view')).toMatchObject({ name: 'viewer', scopes: ['read'] });
    expect(store.verify('from-env')).toMatchObject({ name: 'env', scopes: ['read', 'scan'] });
    expect(store.verify('nope')).toBeUndefined();
  });

  it('refuses plain tokens, bad hashes, unknown scopes and running without any token', async () => {
    const dir = tempDir();
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    await expect(loadTokens({ tokenFile: write('a.yaml', 'tokens:\n  - name: x\n    token: secret\n') })).rejects.toThrow(/unknown key "token".*sha256/);
    await expect(loadTokens({ tokenFile: write('b.yaml', 'tokens:\n  - name: x\n    sha256: abc\n') })).rejects.toThrow(/64 hex digits/);
    await expect(loadTokens({ tokenFile: write('c.yaml', `tokens:\n  - name: x\n    sha256: ${hashToken('a')}\n    scopes: [admin]\n`) })).rejects.toThrow(/scopes must be/);
    await expect(loadTokens({ tokenFile: join(dir, 'missing.yaml') })).rejects.toThrow(/cannot read token file/);
    await expect(loadTokens({})).rejects.toThrow(/no API tokens/);
  });
});
