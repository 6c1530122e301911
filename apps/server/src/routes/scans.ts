import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { relative } from 'node:path';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { QueueFullError } from '../scans/scan-manager.js';
import { isFinal, SCAN_STATUSES, toView, type ScanStatus } from '../scans/scan-record.js';
import type { NewScan } from '../scans/scan-store.js';
import { storeUpload } from '../uploads.js';
import { findScan } from './scan-params.js';
import { parseScanRequest } from './scan-request.js';

/** How long `DELETE` waits for a running scan to stop before answering 202 anyway. */
const CANCEL_WAIT_MS = 10_000;

async function newScanFromRequest(context: ServerContext, request: FastifyRequest): Promise<{ scan: NewScan; cleanup?: () => Promise<void> }> {
  const base = { id: randomUUID(), tokenName: request.token!.name };
  if (request.isMultipart()) {
    let part;
    try {
      part = await request.file();
    } catch (error) {
      throw new HttpError(400, `malformed multipart upload: ${(error as Error).message}`);
    }
    if (!part) throw new HttpError(400, 'multipart upload has no file part: send the model as a file field (curl -F file=@model.pt)');
    const upload = await storeUpload(part, context.uploadsDir);
    return {
      scan: { ...base, source: 'upload', name: upload.clientName.slice(0, 500), target: upload.path, uploadDir: upload.dir },
      cleanup: () => rm(upload.dir, { recursive: true, force: true }),
    };
  }
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'unsupported content type: send application/json ({"path": ...}) or multipart/form-data (a file)');
  const { path } = parseScanRequest(request.body);
  const target = await context.roots.resolve(path);
  return { scan: { ...base, source: 'path', name: path, target, uploadDir: null } };
}

async function createScan(context: ServerContext, request: FastifyRequest, reply: FastifyReply) {
  const { scan, cleanup } = await newScanFromRequest(context, request);
  try {
    const record = context.manager.submit(scan);
    request.log.info({ scan: record.id, source: record.source, token: scan.tokenName, target: scan.source === 'path' ? scan.target : relative(context.uploadsDir, scan.target) }, 'scan queued');
    return reply.status(202).header('location', `/v1/scans/${record.id}`).send({ id: record.id, status: record.status, links: toView(record).links });
  } catch (error) {
    await cleanup?.();
    if (error instanceof QueueFullError) throw new HttpError(503, error.message);
    throw error;
  }
}

/** `POST/GET /v1/scans`, `GET/DELETE /v1/scans/{id}`. */
export function scanRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post('/v1/scans', { config: { scope: 'scan' } }, (request, reply) => createScan(context, request, reply));

  app.get<{ Querystring: { status?: ScanStatus; limit: number; offset: number } }>(
    '/v1/scans',
    {
      config: { scope: 'read' },
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: [...SCAN_STATUSES] },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (request) => {
      const { status, limit, offset } = request.query;
      const { scans, total } = context.store.list({ status, limit, offset });
      const next = offset + scans.length < total ? `/v1/scans?${new URLSearchParams({ ...(status && { status }), limit: String(limit), offset: String(offset + limit) })}` : null;
      return { scans: scans.map(toView), total, limit, offset, next };
    },
  );

  app.get<{ Params: { id: string } }>('/v1/scans/:id', { config: { scope: 'read' } }, async (request) => toView(findScan(context, request.params.id)));

  app.delete<{ Params: { id: string }; Querystring: { mode: 'auto' | 'cancel' | 'delete' } }>(
    '/v1/scans/:id',
    {
      config: { scope: 'scan' },
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: { mode: { type: 'string', enum: ['auto', 'cancel', 'delete'], default: 'auto' } } },
      },
    },
    async (request, reply) => {
      const scan = findScan(context, request.params.id);
      const { mode } = request.query;
      if (isFinal(scan.status)) {
        if (mode === 'cancel') throw new HttpError(409, `scan is already ${scan.status}: nothing to cancel (DELETE without ?mode=cancel removes it)`);
        context.store.delete(scan.id);
        return reply.status(204).send();
      }
      if (mode === 'delete') throw new HttpError(409, `scan is ${scan.status}: cancel it first (DELETE without ?mode=delete)`);
      context.manager.cancel(scan.id);
      await Promise.race([context.manager.settled(scan.id), new Promise((resolve) => setTimeout(resolve, CANCEL_WAIT_MS).unref())]);
      return reply.status(202).send(toView(context.store.get(scan.id)!));
    },
  );
}
