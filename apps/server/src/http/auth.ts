import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Scope, TokenEntry, TokenStore } from '../tokens.js';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs; routes without one are public. */
    scope?: Scope;
  }
  interface FastifyRequest {
    /** The token that authenticated the request, when the route needs one. */
    token?: TokenEntry;
  }
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/**
 * Checks bearer tokens on every route that declares `config.scope`: 401 without a valid token,
 * 403 when the token lacks the scope. Runs before rate limiting, so limits are per token.
 */
export function installAuth(app: FastifyInstance, tokens: TokenStore): void {
  app.addHook('onRequest', async (request, reply) => {
    const scope = request.routeOptions.config?.scope;
    if (!scope) return;
    const presented = bearer(request);
    const token = presented === undefined ? undefined : tokens.verify(presented);
    if (!token) {
      reply.header('www-authenticate', 'Bearer realm="modelgate"');
      throw new HttpError(401, presented === undefined ? 'missing bearer token: send "Authorization: Bearer <token>"' : 'invalid token');
    }
    if (!token.scopes.includes(scope)) throw new HttpError(403, `token "${token.name}" lacks the "${scope}" scope`);
    request.token = token;
  });
}
