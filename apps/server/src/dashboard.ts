import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { SCAN_ID } from './routes/scan-params.js';

/** The dashboard's files: plain HTML, JS and CSS, served as they are (no build step). */
export const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

/**
 * Serves the dashboard: `/` lists scans, `/scans/{id}` shows one scan's findings. The pages are
 * public; the data comes from the API with the token the user enters (kept in sessionStorage).
 */
export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/', index: ['index.html'], wildcard: false, cacheControl: false });
  app.get<{ Params: { id: string } }>('/scans/:id', async (request, reply) => {
    if (!SCAN_ID.test(request.params.id)) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').sendFile('scan.html');
  });
}
