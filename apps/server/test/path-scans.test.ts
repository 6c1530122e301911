import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, tempDir, waitForScan, writeTree } from './helpers.js';

describe('scans of paths under an allowed root', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let root: string;
  let outside: string;
  beforeAll(async () => {
    const base = tempDir();
    root = join(base, 'models');
    outside = writeTree(join(base, 'secret'), { 'key.bin': 'MARK secret' });
    writeTree(root, { 'bert/weights.bin': 'MARK weights', 'bert/README.md': 'hello', 'slow/x.slow': 'sleep 20000', 'clean/a.txt': 'nothing' });
    mkdirSync(join(root, 'links'));
    symlinkSync(outside, join(root, 'links/escape-dir'));
    symlinkSync(join(outside, 'key.bin'), join(root, 'links/escape-file'));
    symlinkSync(join(root, 'bert'), join(root, 'links/inside'));
    server = await startTestServer({ roots: [root] });
  });
  afterAll(() => server.close());
  const api = () => client(server.url);

  it('scans a directory: 202 with an id, then status, progress, summary, report as JSON and SARIF', async () => {
    const response = await api().postJson('/v1/scans', { path: join(root, 'bert') });
    expect(response.status).toBe(202);
    const { id } = await response.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('location')).toBe(`/v1/scans/${id}`);
    const scan = await waitForScan(server.url, id);
    expect(scan).toMatchObject({ status: 'done', source: 'path', name: join(root, 'bert'), worstSeverity: 'high', complete: true, attempts: 1 });
    expect(scan.progress).toMatchObject({ filesDone: 2, totalFiles: 2 });
    expect(scan.summary).toMatchObject({ findings: 1, bySeverity: { high: 1 } });
    expect(JSON.stringify(scan)).not.toContain(server.settings.dataDir);

    const json = await api().get(`/v1/scans/${id}/report?format=json`);
    expect(json.status).toBe(200);
    const report = await json.json();
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'servertest/marked', severity: 'high', location: expect.objectContaining({ path: 'weights.bin' }) })]);
    const sarif = await api().get(`/v1/scans/${id}/report?format=sarif`);
    expect(sarif.headers.get('content-type')).toContain('application/sarif+json');
    expect((await sarif.json()).version).toBe('2.1.0');
    expect((await api().get(`/v1/scans/${id}/report`)).status).toBe(200);
    expect((await api().get(`/v1/scans/${id}/report?format=xml`)).status).toBe(400);
  });

  it('follows a symlink that stays inside the root', async () => {
    const response = await api().postJson('/v1/scans', { path: join(root, 'links/inside') });
    expect(response.status).toBe(202);
    expect(await waitForScan(server.url, (await response.json()).id)).toMatchObject({ status: 'done', worstSeverity: 'high' });
  });

  it('refuses ../ escapes and symlink escapes with 403', async () => {
    for (const path of [join(root, '../secret'), `${root}/../secret/key.bin`, '/etc/passwd', join(root, 'links/escape-dir'), join(root, 'links/escape-file'), join(root, 'links/escape-dir/key.bin')]) {
      const response = await api().postJson('/v1/scans', { path });
      expect(response.status, path).toBe(403);
      expect((await response.json()).message).toMatch(/outside the allowed roots/);
    }
  });

  it('answers 400 for malformed JSON, wrong shapes, unknown fields and relative paths, with clear messages', async () => {
    const cases: [unknown, RegExp][] = [
      ['{"path": ', /malformed JSON body/],
      ['[1,2]', /must be a JSON object/],
      ['"just a string"', /must be a JSON object/],
      [{}, /missing field "path"/],
      [{ path: 42 }, /"path" must be a non-empty string/],
      [{ path: '' }, /"path" must be a non-empty string/],
      [{ path: 'models/bert' }, /path must be absolute/],
      [{ path: join(root, 'bert'), plugins: ['/tmp/evil.mjs'] }, /unknown field "plugins".*never the request's/],
      [{ path: join(root, 'bert'), config: { plugins: ['x'] } }, /unknown field "config"/],
    ];
    for (const [body, message] of cases) {
      const response = await api().postJson('/v1/scans', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).message).toMatch(message);
    }
    const empty = await fetch(`${server.url}/v1/scans`, { method: 'POST', headers: { authorization: `Bearer full-token-0123456789`, 'content-type': 'application/json' }, body: '' });
    expect(empty.status).toBe(400);
    const text = await fetch(`${server.url}/v1/scans`, { method: 'POST', headers: { authorization: `Bearer full-token-0123456789`, 'content-type': 'text/plain' }, body: '/x' });
    expect(text.status).toBe(415);
  });

  it('answers 404 for a path that does not exist under a root', async () => {
    const response = await api().postJson('/v1/scans', { path: join(root, 'nope') });
    expect(response.status).toBe(404);
  });

  it('answers 404 for unknown scan ids on every route', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '..%2F..%2Fetc']) {
      expect((await api().get(`/v1/scans/${id}`)).status, id).toBe(404);
      expect((await api().get(`/v1/scans/${id}/report`)).status, id).toBe(404);
      expect((await api().get(`/v1/scans/${id}/events`)).status, id).toBe(404);
      expect((await api().delete(`/v1/scans/${id}`)).status, id).toBe(404);
    }
  });

  it('cancels a running scan, refuses to cancel a finished one, deletes finished ones', async () => {
    const { id } = await (await api().postJson('/v1/scans', { path: join(root, 'slow') })).json();
    await waitForScan(server.url, id, (s) => s.status === 'running');
    expect((await api().get(`/v1/scans/${id}/report`)).status).toBe(409);
    expect((await api().delete(`/v1/scans/${id}?mode=delete`)).status).toBe(409);
    const cancel = await api().delete(`/v1/scans/${id}`);
    expect(cancel.status).toBe(202);
    expect(await cancel.json()).toMatchObject({ id, status: 'cancelled', error: 'cancelled by request' });

    const again = await api().delete(`/v1/scans/${id}?mode=cancel`);
    expect(again.status).toBe(409);
    expect((await again.json()).message).toMatch(/already cancelled: nothing to cancel/);

    expect((await api().delete(`/v1/scans/${id}`)).status).toBe(204);
    expect((await api().get(`/v1/scans/${id}`)).status).toBe(404);
    expect((await api().delete(`/v1/scans/${id}`)).status).toBe(404);
  });

  it('lists scans newest first, paginated, filtered by status', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await (await api().postJson('/v1/scans', { path: join(root, 'clean') })).json()).id);
    for (const id of ids) await waitForScan(server.url, id);
    const first = await (await api().get('/v1/scans?limit=2&status=done')).json();
    expect(first.scans.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    expect(first.total).toBeGreaterThanOrEqual(3);
    expect(first.next).toBe('/v1/scans?status=done&limit=2&offset=2');
    const second = await (await api().get(first.next)).json();
    expect(second.scans[0].id).toBe(ids[0]);
    expect(second.scans.every((s: { status: string }) => s.status === 'done')).toBe(true);
    expect((await api().get('/v1/scans?status=bogus')).status).toBe(400);
    expect((await api().get('/v1/scans?limit=0')).status).toBe(400);
    expect((await api().get('/v1/scans?limit=1000')).status).toBe(400);
  });
});

describe('a server without allowed roots', () => {
  it('refuses every path scan with 403 and says to upload instead', async () => {
    const server = await startTestServer();
    try {
      const response = await client(server.url).postJson('/v1/scans', { path: '/tmp' });
      expect(response.status).toBe(403);
      expect((await response.json()).message).toMatch(/no allowed roots/);
    } finally {
      await server.close();
    }
  });
});
