import type { FastifyError, FastifyInstance } from 'fastify';

/** An error with the HTTP status and message the client should see. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return `malformed JSON body: ${error.message}`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported content type: send application/json ({"path": ...}) or multipart/form-data (a file)';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'request body too large';
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'upload too large';
    default:
      return error.message;
  }
}

/** Answers every error as `{ statusCode, error, message }`; 5xx details go to the log, not the client. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500);
    if (error.validation) status = 400;
    if (status < 400 || status > 599) status = 500;
    let message = status >= 500 ? 'internal error' : clientMessage(error);
    if (error.validation) message = `invalid request: ${error.message}`;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const body: ErrorBody = { statusCode: status, error: REASONS[status] ?? 'Error', message };
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = { statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` };
    return reply.status(404).send(body);
  });
}
