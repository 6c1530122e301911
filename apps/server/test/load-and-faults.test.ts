import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, tempDir, waitForScan, writeTree } from './helpers.js';

describe('load and faults', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let root: string;
  beforeAll(async () => {
    root = writeTree(tempDir(), {
      'model/weights.bin': 'MARK',
      'model/notes.txt': 'text',
      'crash/a.crash': 'throw',
      'crash/b.bin': 'MARK',
      'dies/a.crash': 'exit',
      'dies/b.bin': 'MARK',
      'slow/x.slow': 'sleep 300',
    });
    server = await startTestServer({ roots: [root], maxConcurrentScans: 2 });
  });
  afterAll(() => server.close());

  it('takes 50 concurrent scan requests: every one is accepted, queued and completed, none lost', async () => {
    const api = client(server.url);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? api.upload('/v1/scans', `m${i}.bin`, 'MARK') : api.postJson('/v1/scans', { path: join(root, i % 4 ? 'model' : 'slow') }))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(202));
    const ids = await Promise.all(responses.map(async (r) => (await r.json()).id as string));
    expect(new Set(ids).size).toBe(50);

    // Never more than the configured number at once; the rest visibly queued.
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health.running).toBeLessThanOrEqual(2);
    const metrics = await (await api.get('/metrics')).text();
    expect(metrics).toMatch(/^modelgate_queue_length \d+$/m);

    const finals = await Promise.all(ids.map((id) => waitForScan(server.url, id, undefined, 60_000)));
    expect(finals.map((s) => s.status)).toEqual(Array(50).fill('done'));
    const list = await (await api.get('/v1/scans?status=done&limit=200')).json();
    expect(list.scans.filter((s: { id: string }) => ids.includes(s.id))).toHaveLength(50);
  });

  it('survives a plugin that throws: the scan finishes incomplete with the error, the server keeps serving', async () => {
    const { id } = await (await client(server.url).postJson('/v1/scans', { path: join(root, 'crash') })).json();
    const scan = await waitForScan(server.url, id);
    expect(scan).toMatchObject({ status: 'done', complete: false, worstSeverity: 'high' });
    const report = await (await client(server.url).get(`/v1/scans/${id}/report`)).json();
    expect(report.errors).toEqual([expect.objectContaining({ path: 'a.crash', message: expect.stringContaining('plugin exploded') })]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('survives a plugin that kills its worker thread; later scans still work', async () => {
    const { id } = await (await client(server.url).postJson('/v1/scans', { path: join(root, 'dies') })).json();
    const scan = await waitForScan(server.url, id, undefined, 60_000);
    expect(scan).toMatchObject({ status: 'done', complete: false });
    const report = await (await client(server.url).get(`/v1/scans/${id}/report`)).json();
    expect(report.errors.map((e: { path: string }) => e.path)).toContain('a.crash');
    expect(report.findings.map((f: { location: { path: string } }) => f.location.path)).toContain('b.bin');
    const after = await (await client(server.url).postJson('/v1/scans', { path: join(root, 'model') })).json();
    expect(await waitForScan(server.url, after.id)).toMatchObject({ status: 'done', worstSeverity: 'high' });
  });

  it('answers 503 when the queue is full', async () => {
    const small = await startTestServer({ roots: [root], maxConcurrentScans: 1, maxQueuedScans: 1 });
    try {
      const api = client(small.url);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await api.postJson('/v1/scans', { path: join(root, 'slow') })).status);
      expect(statuses).toEqual([202, 202, 503, 503]);
    } finally {
      await small.close();
    }
  });
});
