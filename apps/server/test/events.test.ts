import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, tempDir, waitForScan, writeTree } from './helpers.js';

interface SseEvent {
  event: string;
  data: any;
}

/** Reads a whole event stream (until the server closes it). */
async function readEvents(response: Response): Promise<SseEvent[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.includes('event:'))
    .map((block) => {
      const lines = block.split('\n');
      return { event: lines.find((l) => l.startsWith('event: '))!.slice(7), data: JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)) };
    });
}

describe('GET /v1/scans/{id}/events', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let root: string;
  beforeAll(async () => {
    root = writeTree(tempDir(), { 'run/a.slow': 'sleep 600', 'run/b.bin': 'MARK b', 'run/c.txt': 'plain' });
    server = await startTestServer({ roots: [root] });
  });
  afterAll(() => server.close());

  it('streams status, run-start, files with findings, progress and end for a running scan', async () => {
    const { id } = await (await client(server.url).postJson('/v1/scans', { path: join(root, 'run') })).json();
    const response = await client(server.url).get(`/v1/scans/${id}/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = await readEvents(response);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('status');
    expect(names).toContain('run-start');
    expect(names).toContain('progress');
    expect(names.at(-1)).toBe('end');
    expect(events.at(-1)!.data).toMatchObject({ id, status: 'done', worstSeverity: 'high' });
    const findings = events.filter((e) => e.event === 'file').flatMap((e) => e.data.findings);
    expect(findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['servertest/marked', 'servertest/slept']);
    expect(events.find((e) => e.event === 'run-start')!.data).toMatchObject({ totalFiles: 3 });
  });

  it('gives a finished scan its status and end at once, then closes', async () => {
    const { id } = await (await client(server.url).postJson('/v1/scans', { path: join(root, 'run/b.bin') })).json();
    await waitForScan(server.url, id);
    const events = await readEvents(await client(server.url).get(`/v1/scans/${id}/events`));
    expect(events.map((e) => e.event)).toEqual(['status', 'end']);
    expect(events[1]!.data.status).toBe('done');
  });

  it('follows a queued scan until it ends, and ends the stream of a cancelled scan', async () => {
    const slow = await (await client(server.url).postJson('/v1/scans', { path: join(root, 'run/a.slow') })).json();
    const stream = client(server.url).get(`/v1/scans/${slow.id}/events`).then(readEvents);
    await waitForScan(server.url, slow.id, (s) => s.status === 'running');
    await client(server.url).delete(`/v1/scans/${slow.id}`);
    const events = await stream;
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { status: 'cancelled' } });
  });
});
