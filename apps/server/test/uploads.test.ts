import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeFileName } from '../src/uploads.js';
import { client, eventually, startTestServer, TOKENS, waitForScan } from './helpers.js';

/** Sends a raw multipart request; returns status and body, or the socket error. */
function rawPost(url: string, body: Buffer, headers: Record<string, string | number>, abortAfter?: number): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(`${url}/v1/scans`, { method: 'POST', headers: { authorization: `Bearer ${TOKENS.full}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (error) => resolve({ error: error.message }));
    if (abortAfter !== undefined) {
      req.write(body.subarray(0, abortAfter));
      setTimeout(() => req.destroy(), 100);
    } else {
      req.end(body);
    }
  });
}

const BOUNDARY = '----modelgate-test-boundary';
function multipart(name: string, content: string, close = true): Buffer {
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n${close ? `--${BOUNDARY}--\r\n` : ''}`,
  );
}

describe('uploads', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const uploads = () => join(server.settings.dataDir, 'uploads');
  const leftovers = () => (existsSync(uploads()) ? readdirSync(uploads()) : []);
  beforeAll(async () => {
    server = await startTestServer({ maxUploadBytes: 64 * 1024 });
  });
  afterAll(() => server.close());

  it('scans an uploaded file under its client name and deletes it after the scan', async () => {
    const response = await client(server.url).upload('/v1/scans', 'weights.bin', 'MARK payload');
    expect(response.status).toBe(202);
    const { id } = await response.json();
    const scan = await waitForScan(server.url, id);
    expect(scan).toMatchObject({ status: 'done', source: 'upload', name: 'weights.bin', worstSeverity: 'high' });
    const report = await (await client(server.url).get(`/v1/scans/${id}/report`)).json();
    expect(report.findings[0].location.path).toBe('weights.bin');
    await eventually(() => expect(leftovers()).toEqual([]));
  });

  it('keeps a hostile file name as data only: stored under a random directory with a safe name', async () => {
    const hostile = '../../<img src=x onerror=alert(1)>\u202e.bin';
    const response = await client(server.url).upload('/v1/scans', hostile, 'MARK');
    expect(response.status).toBe(202);
    const scan = await waitForScan(server.url, (await response.json()).id);
    // busboy drops the directory part; the rest is kept verbatim as the display name.
    expect(scan.name).toBe('<img src=x onerror=alert(1)>\u202e.bin');
    const report = await (await client(server.url).get(`/v1/scans/${scan.id}/report`)).json();
    expect(report.findings[0].location.path).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('..')).toBe('upload.bin');
    expect(safeFileName('.bashrc')).toBe('bashrc');
  });

  it('refuses an upload over the limit with 413 and leaves nothing on disk', async () => {
    const response = await client(server.url).upload('/v1/scans', 'big.bin', 'x'.repeat(200 * 1024));
    expect(response.status).toBe(413);
    expect((await response.json()).message).toMatch(/upload too large/);
    expect(leftovers()).toEqual([]);
  });

  it('answers 400 to a truncated multipart body and leaves nothing on disk', async () => {
    const body = multipart('model.bin', 'MARK truncated', false);
    const result = await rawPost(server.url, body, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': body.length });
    expect(result).toMatchObject({ status: 400 });
    expect(JSON.parse((result as { body: string }).body).message).toMatch(/multipart/);
    expect(leftovers()).toEqual([]);
  });

  it('survives a client that disconnects mid-upload, and keeps serving', async () => {
    const body = multipart('model.bin', 'MARK'.repeat(4096));
    await rawPost(server.url, body, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': body.length }, 2000);
    await eventually(() => expect(leftovers()).toEqual([]));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers 400 to multipart without a file part, and to a missing boundary', async () => {
    const form = new FormData();
    form.append('path', '/etc');
    const noFile = await fetch(`${server.url}/v1/scans`, { method: 'POST', headers: { authorization: `Bearer ${TOKENS.full}` }, body: form });
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).message).toMatch(/no file part/);
    const noBoundary = await rawPost(server.url, Buffer.from('garbage'), { 'content-type': 'multipart/form-data', 'content-length': 7 });
    expect(noBoundary).toMatchObject({ status: 400 });
  });
});

describe('keepUploads', () => {
  it('keeps the uploaded file when configured', async () => {
    const server = await startTestServer({ keepUploads: true });
    try {
      const { id } = await (await client(server.url).upload('/v1/scans', 'kept.bin', 'MARK')).json();
      await waitForScan(server.url, id);
      const dirs = readdirSync(join(server.settings.dataDir, 'uploads'));
      expect(dirs).toHaveLength(1);
      expect(dirs[0]).toMatch(/^[0-9a-f]{32}$/);
      expect(readdirSync(join(server.settings.dataDir, 'uploads', dirs[0]!))).toEqual(['kept.bin']);
    } finally {
      await server.close();
    }
  });
});
