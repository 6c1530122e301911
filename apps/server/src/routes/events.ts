import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import type { HubEvent } from '../scans/event-hub.js';
import { isFinal, toView } from '../scans/scan-record.js';
import { findScan } from './scan-params.js';

/** Interval of SSE comment lines that keep proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/** One event in the `text/event-stream` format; data is one JSON line. */
export function formatSse(event: HubEvent, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/**
 * `GET /v1/scans/{id}/events`: server-sent events. First `status` (the scan as `GET` shows it),
 * then for a running scan everything it streamed so far and what follows (`run-start`, `file` with
 * findings, `progress`), and finally `end` with the final scan; the stream then closes.
 */
export function eventRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { id: string } }>('/v1/scans/:id/events', { config: { scope: 'read' } }, async (request, reply) => {
    const scan = findScan(context, request.params.id);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
      'x-accel-buffering': 'no',
    });
    let sequence = 0;
    const send = (event: HubEvent) => raw.write(formatSse(event, sequence++));
    send({ event: 'status', data: toView(scan) });
    const finish = (event?: HubEvent) => {
      if (event) send(event);
      raw.end();
    };
    if (isFinal(scan.status)) return finish({ event: 'end', data: toView(scan) });
    let unsubscribe: (() => void) | undefined;
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe?.();
    };
    raw.on('close', cleanup);
    const listener = (event: HubEvent) => {
      if (event.event === 'end') {
        cleanup();
        finish(event);
      } else {
        send(event);
      }
    };
    unsubscribe = context.manager.hub.subscribe(scan.id, listener);
    if (!unsubscribe) {
      // Queued (no channel yet): poll until it starts or ends, then follow it.
      const wait = setInterval(() => {
        const now = context.store.get(scan.id);
        if (!now || isFinal(now.status)) {
          clearInterval(wait);
          cleanup();
          finish(now ? { event: 'end', data: toView(now) } : undefined);
          return;
        }
        const off = context.manager.hub.subscribe(scan.id, listener);
        if (off) {
          clearInterval(wait);
          unsubscribe = off;
        }
      }, 200);
      raw.on('close', () => clearInterval(wait));
    }
  });
}
