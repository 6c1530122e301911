import { HttpError } from '../http/errors.js';

/**
 * Validates the JSON body of `POST /v1/scans`: exactly `{ "path": string }`. Any other field is
 * refused, so a request can never choose plugins, config or other code to load.
 */
export function parseScanRequest(body: unknown): { path: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'body must be a JSON object like {"path": "/models/bert"}');
  }
  const extra = Object.keys(body).filter((key) => key !== 'path');
  if (extra.length) {
    throw new HttpError(400, `unknown field ${extra.map((k) => `"${k.slice(0, 50)}"`).join(', ')}: the body takes only "path" (plugins and config are the server's, never the request's)`);
  }
  const path = (body as { path?: unknown }).path;
  if (path === undefined) throw new HttpError(400, 'missing field "path"');
  if (typeof path !== 'string' || !path.length) throw new HttpError(400, '"path" must be a non-empty string');
  if (path.length > 4096) throw new HttpError(400, '"path" is longer than 4096 characters');
  return { path };
}
