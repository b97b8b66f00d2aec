/** The one error handler: AppError → its status; validation → 400 by field; anything else → a bare 500. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from './errors.ts';
import { validationError } from './validation.ts';

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001']);

function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return typeof code === 'string' && CONNECTION_ERRORS.has(code);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
};

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (hasZodFastifySchemaValidationErrors(err)) appError = validationError(err.validationContext, err.validation);
    else if (err.code && FASTIFY_CODES[err.code]) {
      appError = new AppError(FASTIFY_CODES[err.code]!, { ko: '요청 본문을 읽을 수 없습니다.', en: `The request body could not be read: ${err.message}` });
    } else if (err.statusCode === 400 && err.code === 'FST_ERR_VALIDATION') {
      appError = new AppError('VALIDATION_FAILED', { ko: '입력값이 올바르지 않습니다.', en: err.message });
    } else if (isDatabaseUnavailable(err)) {
      req.log.error({ err }, 'database unavailable');
      appError = new AppError('DB_UNAVAILABLE', {
        ko: '데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도하십시오.',
        en: 'The database is unavailable. Please try again shortly.',
      });
    } else {
      req.log.error({ err }, 'unhandled error');
      appError = new AppError('INTERNAL', { ko: '서버 오류가 발생했습니다.', en: 'An internal error occurred.' });
    }
    return reply.status(appError.status).send(appError.toBody());
  });
}

/**
 * One 404 handler: API paths get the JSON error; other GET paths get the front end's
 * index.html when it is served, so client-side routes like /plans/1 load.
 */
export function installNotFoundHandler(app: FastifyInstance, spa: boolean): void {
  app.setNotFoundHandler((req, reply) => {
    // A client-side route (no file extension) gets the app; a missing asset stays a 404.
    if (spa && req.method === 'GET' && !req.url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(req.url.split('?')[0]!)) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    }
    const e = new AppError('NOT_FOUND', { ko: `${req.method} ${req.url}을(를) 찾을 수 없습니다.`, en: `${req.method} ${req.url} was not found.` });
    return reply.status(404).send(e.toBody());
  });
}
