import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { renderMetrics } from '../metrics/prometheus.js';
import { openApiDocument } from '../openapi.js';

/** `GET /healthz` (public), `GET /metrics` (read scope), `GET /openapi.json` (public). */
export function systemRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/healthz', async () => ({
    status: 'ok',
    version: context.version,
    queued: context.manager.queueLength,
    running: context.manager.runningCount,
  }));

  app.get('/metrics', { config: { scope: 'read' } }, async (_request, reply) => {
    const text = renderMetrics({
      scansByStatus: context.store.countByStatus(),
      queueLength: context.manager.queueLength,
      running: context.manager.runningCount,
      counters: context.counters.all(),
    });
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
  });

  const document = openApiDocument(context.version);
  app.get('/openapi.json', async () => document);
}
