import type { FastifyInstance } from 'fastify';
import { formatReport } from '@modelgate/formatters';
import type { Report } from '@modelgate/plugin-api';
import type { ServerContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import { isFinal } from '../scans/scan-record.js';
import { findScan } from './scan-params.js';

const MEDIA_TYPES = { json: 'application/json; charset=utf-8', sarif: 'application/sarif+json; charset=utf-8' } as const;

/** `GET /v1/scans/{id}/report?format=json|sarif`: the stored report, formatted like the CLI does. */
export function reportRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { id: string }; Querystring: { format: 'json' | 'sarif' } }>(
    '/v1/scans/:id/report',
    {
      config: { scope: 'read' },
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: ['json', 'sarif'], default: 'json' } } },
      },
    },
    async (request, reply) => {
      const scan = findScan(context, request.params.id);
      if (!isFinal(scan.status)) throw new HttpError(409, `report not ready: the scan is ${scan.status}`);
      const text = context.store.reportText(scan.id);
      if (!text) throw new HttpError(404, `the scan ${scan.status} without a report${scan.error ? `: ${scan.error}` : ''}`);
      const { format } = request.query;
      return reply.type(MEDIA_TYPES[format]).send(formatReport(JSON.parse(text) as Report, format));
    },
  );
}
