import { SEVERITIES } from '@modelgate/plugin-api';
import { SCAN_STATUSES } from './scans/scan-record.js';

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const read = [{ bearer: ['read'] }];
const scan = [{ bearer: ['scan'] }];
const common = { '401': errorResponse('No or invalid bearer token.'), '403': errorResponse('The token lacks the scope.'), '429': errorResponse('Rate limit of the token exceeded.') };
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });

/** The OpenAPI 3.1 description of the HTTP API, served at `/openapi.json`. */
export function openApiDocument(version: string): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'modelgate server',
      version,
      description: 'Scan ML model files and directories statically. Every /v1 route and /metrics need `Authorization: Bearer <token>`; tokens have the scopes `read` and/or `scan`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Scopes: read (list, get, events, report, metrics), scan (create, cancel, delete).' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['statusCode', 'error', 'message'],
          properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
        },
        Status: { type: 'string', enum: [...SCAN_STATUSES] },
        Severity: { type: 'string', enum: [...SEVERITIES] },
        Scan: {
          type: 'object',
          required: ['id', 'status', 'source', 'name', 'createdAt', 'progress', 'attempts', 'links'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            status: { $ref: '#/components/schemas/Status' },
            source: { type: 'string', enum: ['path', 'upload'] },
            name: { type: 'string', description: 'The requested path or the uploaded file name (client input: escape it).' },
            createdAt: { type: 'string', format: 'date-time' },
            startedAt: nullable({ type: 'string', format: 'date-time' }),
            finishedAt: nullable({ type: 'string', format: 'date-time' }),
            error: nullable({ type: 'string', description: 'Why the scan failed or was cancelled.' }),
            note: nullable({ type: 'string', description: 'How the scan was interrupted and resumed (server restart or shutdown).' }),
            attempts: { type: 'integer', description: 'Times the scan was started; above 1 it was resumed after a server restart.' },
            progress: {
              type: 'object',
              properties: { filesDone: { type: 'integer' }, totalFiles: nullable({ type: 'integer' }), bytesDone: { type: 'integer' }, totalBytes: nullable({ type: 'integer' }) },
            },
            durationMs: nullable({ type: 'integer' }),
            complete: nullable({ type: 'boolean', description: 'False when a file errored, timed out or hit a limit.' }),
            worstSeverity: nullable({ $ref: '#/components/schemas/Severity' }),
            summary: nullable({
              type: 'object',
              properties: {
                bySeverity: { type: 'object', additionalProperties: { type: 'integer' } },
                files: { type: 'object', properties: { scanned: { type: 'integer' }, skipped: { type: 'integer' }, errored: { type: 'integer' } } },
                errors: { type: 'integer' },
                findings: { type: 'integer' },
              },
            }),
            links: { type: 'object', properties: { self: { type: 'string' }, events: { type: 'string' }, report: { type: 'string' } } },
          },
        },
      },
    },
    paths: {
      '/v1/scans': {
        post: {
          summary: 'Start a scan of a path under an allowed root, or of an uploaded file or archive',
          security: scan,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', additionalProperties: false, required: ['path'], properties: { path: { type: 'string', description: 'Absolute path inside an allowed root (symlinks are resolved first).' } } },
              },
              'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } },
            },
          },
          responses: {
            '202': {
              description: 'Queued.',
              headers: { Location: { schema: { type: 'string' } } },
              content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' }, status: { $ref: '#/components/schemas/Status' } } } } },
            },
            '400': errorResponse('Malformed JSON, unknown fields, relative path, or a malformed or truncated upload.'),
            ...common,
            '403': errorResponse('The token lacks the scan scope, or the path (after resolving symlinks) is outside the allowed roots.'),
            '404': errorResponse('The path does not exist.'),
            '413': errorResponse('The upload is larger than the limit.'),
            '415': errorResponse('Neither JSON nor multipart.'),
            '503': errorResponse('The queue is full.'),
          },
        },
        get: {
          summary: 'List scans, newest first',
          security: read,
          parameters: [
            { name: 'status', in: 'query', schema: { $ref: '#/components/schemas/Status' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: {
            '200': {
              description: 'A page of scans.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { scans: { type: 'array', items: { $ref: '#/components/schemas/Scan' } }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, next: nullable({ type: 'string' }) },
                  },
                },
              },
            },
            '400': errorResponse('Invalid query.'),
            ...common,
          },
        },
      },
      '/v1/scans/{id}': {
        parameters: [idParam],
        get: { summary: 'One scan: status, progress, summary', security: read, responses: { '200': { description: 'The scan.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Scan' } } } }, '404': errorResponse('Unknown id.'), ...common } },
        delete: {
          summary: 'Cancel a queued or running scan, or delete a finished one',
          security: scan,
          parameters: [{ name: 'mode', in: 'query', schema: { type: 'string', enum: ['auto', 'cancel', 'delete'], default: 'auto' }, description: '`cancel` refuses (409) to act on a finished scan, `delete` refuses on an unfinished one.' }],
          responses: {
            '202': { description: 'Cancelled (the scan as it is now).', content: { 'application/json': { schema: { $ref: '#/components/schemas/Scan' } } } },
            '204': { description: 'Deleted with its report.' },
            '404': errorResponse('Unknown id.'),
            '409': errorResponse('mode=cancel on a finished scan, or mode=delete on a running one.'),
            ...common,
          },
        },
      },
      '/v1/scans/{id}/events': {
        parameters: [idParam],
        get: {
          summary: 'Server-sent events: status, run-start, file (with findings), progress, end',
          security: read,
          responses: { '200': { description: 'An event stream that closes after `end`.', content: { 'text/event-stream': { schema: { type: 'string' } } } }, '404': errorResponse('Unknown id.'), ...common },
        },
      },
      '/v1/scans/{id}/report': {
        parameters: [idParam, { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'sarif'], default: 'json' } }],
        get: {
          summary: 'The report of a finished scan, as modelgate JSON or SARIF 2.1.0',
          security: read,
          responses: {
            '200': { description: 'The report.', content: { 'application/json': { schema: { type: 'object' } }, 'application/sarif+json': { schema: { type: 'object' } } } },
            '404': errorResponse('Unknown id, or the scan ended without a report.'),
            '409': errorResponse('The scan has not finished.'),
            ...common,
          },
        },
      },
      '/healthz': { get: { summary: 'Liveness (public)', security: [], responses: { '200': { description: 'Serving.' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics', security: read, responses: { '200': { description: 'Text exposition format 0.0.4.', content: { 'text/plain': { schema: { type: 'string' } } } }, ...common } } },
      '/openapi.json': { get: { summary: 'This document (public)', security: [], responses: { '200': { description: 'OpenAPI 3.1.' } } } },
    },
  };
}
