import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, tempDir, waitForScan, writeTree } from './helpers.js';

describe('OpenAPI document, metrics, health', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let root: string;
  beforeAll(async () => {
    root = writeTree(tempDir(), { 'm/a.bin': 'MARK', 'm/b.bin': 'MARK', 'c/x.txt': 'clean' });
    server = await startTestServer({ roots: [root] });
  });
  afterAll(() => server.close());

  it('serves an OpenAPI 3.1 document describing every route of the API', async () => {
    const doc = await (await fetch(`${server.url}/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/metrics', '/openapi.json', '/v1/scans', '/v1/scans/{id}', '/v1/scans/{id}/events', '/v1/scans/{id}/report']);
    expect(Object.keys(doc.paths['/v1/scans'])).toEqual(['post', 'get']);
    expect(Object.keys(doc.paths['/v1/scans/{id}']).filter((k) => k !== 'parameters')).toEqual(['get', 'delete']);
    expect(doc.components.securitySchemes.bearer.scheme).toBe('bearer');
    expect(doc.components.schemas.Status.enum).toEqual(['queued', 'running', 'done', 'failed', 'cancelled']);
    // Every $ref resolves.
    for (const ref of JSON.stringify(doc).match(/"#\/components\/schemas\/\w+"/g) ?? []) {
      expect(doc.components.schemas[ref.slice(22, -1)], ref).toBeDefined();
    }
  });

  it('exposes Prometheus metrics: scans by status, files, bytes, findings by severity, queue, durations', async () => {
    const ids = [];
    for (const path of ['m', 'c']) ids.push((await (await client(server.url).postJson('/v1/scans', { path: join(root, path) })).json()).id);
    for (const id of ids) await waitForScan(server.url, id);
    const response = await client(server.url).get('/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^# TYPE modelgate_scans gauge$/m);
    expect(text).toMatch(/^modelgate_scans\{status="done"\} 2$/m);
    expect(text).toMatch(/^modelgate_files_scanned_total 3$/m);
    expect(text).toMatch(/^modelgate_bytes_scanned_total 13$/m);
    expect(text).toMatch(/^modelgate_findings_total\{severity="high"\} 2$/m);
    expect(text).toMatch(/^modelgate_queue_length 0$/m);
    expect(text).toMatch(/^modelgate_scan_duration_seconds_count 2$/m);
    expect(text).toMatch(/^modelgate_scan_duration_seconds_bucket\{le="\+Inf"\} 2$/m);
    // Counters never go backwards when scans are deleted.
    await client(server.url).delete(`/v1/scans/${ids[0]}`);
    const after = await (await client(server.url).get('/metrics')).text();
    expect(after).toMatch(/^modelgate_findings_total\{severity="high"\} 2$/m);
    expect(after).toMatch(/^modelgate_scans\{status="done"\} 1$/m);
    for (const line of after.split('\n').filter((l) => l && !l.startsWith('#'))) expect(line).toMatch(/^[a-z_]+(\{[a-z]+="[^"]*"\})? [0-9.e+-]+$/);
  });

  it('answers /healthz without a token, and unknown routes with a JSON 404', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok', queued: 0 });
    const missing = await fetch(`${server.url}/v2/nothing`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toMatch(/no route GET \/v2\/nothing/);
  });

  it('sends hardening headers with the dashboard', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<table id="scans">');
    expect((await fetch(`${server.url}/scans/not-a-scan`)).status).toBe(404);
    expect((await fetch(`${server.url}/scans/00000000-0000-4000-8000-000000000000`)).status).toBe(200);
  });
});
