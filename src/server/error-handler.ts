/** The one error handler: AppError → its status; validation → 400 by field; anything else → a bare 500. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, genericCode, type ErrorCode } from './errors.ts';
import { safeError, scrubMessage } from './safe-error.ts';
import { installInputGuards, validationError } from './validation.ts';
import { isPagePath } from '../web/route-paths.ts';
import { REDIS_CONNECTION_MESSAGES } from './redis.ts';

/** Socket errors and PostgreSQL SQLSTATEs that mean "the database is not there right now". */
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: the server is stopping (pg_ctl stop -m fast/immediate)
  '57P02', // crash_shutdown: another backend crashed and the server is resetting
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
]);
/** node-postgres and pg-pool say these without a code (a connection cut mid-query, the pool's wait running out). */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Connection terminated due to connection timeout$/,
  // Redis (REDIS_URL) holds the rate limits and the sign-in throttle: down, it is answered the same way.
  ...REDIS_CONNECTION_MESSAGES,
];

/**
 * Whether an error (or one it wraps: Drizzle throws DrizzleQueryError with the driver's error as
 * `cause`) means the database is unreachable, so the request may succeed again shortly.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    // Class 08 is "connection exception" (08000, 08001, 08003, 08004, 08006, 08P01 …).
    if (typeof code === 'string' && (CONNECTION_ERRORS.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => m.test(message))) return true;
  }
  return false;
}

/** The 503 a request gets while the database is unreachable: bilingual, and nothing of the cause. */
export function databaseUnavailable(): AppError {
  return new AppError('DB_UNAVAILABLE', {
    ko: '데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도하십시오.',
    en: 'The database is unavailable. Please try again shortly.',
  });
}

/**
 * What to log about a database outage: one line per request, not the stack and query of each —
 * the innermost cause's code and message, scrubbed of values (src/server/safe-error.ts).
 */
export function describeDatabaseError(err: unknown): { code?: string; message: string } {
  let e = err as { code?: string; message?: string; cause?: unknown };
  while (e?.cause && typeof e.cause === 'object') e = e.cause as typeof e;
  return { code: e?.code, message: scrubMessage(String(e?.message ?? err), 200) };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  // A body type no route parses (form-encoded, XML …): 415, as the status table says.
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
};

/** The code of a client error Fastify raised itself (bad Content-Length, bad URL …) by its status: the generic one, never a domain code. */
function clientErrorCode(status: number): ErrorCode {
  return genericCode(status) ?? 'VALIDATION_FAILED';
}

/**
 * For Fastify's `frameworkErrors` option (set where the instance is built, src/server/app.ts):
 * a URL that cannot be decoded (`/api/events/%/registrations`, `%ff`) or a path parameter over
 * `maxParamLength` is refused by the router before any hook or error handler runs, and without
 * this Fastify answers its own `{"error":"Bad Request","code":"FST_ERR_BAD_URL",…}` instead of
 * the bilingual error body.
 */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const e =
    err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? // Fastify's message repeats the URL: not echoed, so every bad address gets the same answer.
        new AppError('VALIDATION_FAILED', {
          ko: '요청 주소(URL)가 올바르지 않습니다(해석할 수 없거나 너무 깁니다).',
          en: 'The request address is not valid (undecodable or too long).',
        })
      : new AppError('INTERNAL', { ko: '서버 오류가 발생했습니다.', en: 'An internal error occurred.' });
  void reply.status(e.status).send(e.toBody());
}

export function installErrorHandler(app: FastifyInstance): void {
  // The input boundary goes with the error policy: one strict JSON parser and the check for text
  // the database cannot store, before any route is registered (src/server/validation.ts).
  installInputGuards(app);
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if (hasZodFastifySchemaValidationErrors(err)) appError = validationError(err.validationContext, err.validation);
    else if (err.code && FASTIFY_CODES[err.code]) {
      appError = new AppError(FASTIFY_CODES[err.code]!, { ko: '요청 본문을 읽을 수 없습니다.', en: `The request body could not be read: ${err.message}` });
    } else if (err.statusCode === 400 && err.code === 'FST_ERR_VALIDATION') {
      appError = new AppError('VALIDATION_FAILED', { ko: '입력값이 올바르지 않습니다.', en: err.message });
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 && err.code?.startsWith('FST_')) {
      // Any other request error Fastify itself raises (a Content-Length that does not match the
      // body, a malformed URL …) is the client's: its 4xx in the bilingual shape, never a 500.
      appError = new AppError(clientErrorCode(err.statusCode), { ko: '요청을 처리할 수 없습니다.', en: `The request could not be processed: ${err.message}` });
    } else if (isDatabaseUnavailable(err)) {
      req.log.warn({ db: describeDatabaseError(err) }, 'database unavailable');
      appError = databaseUnavailable();
      // Clients and proxies may retry; the pool reconnects on the next query once the server is back.
      reply.header('retry-after', '5');
    } else {
      // Never the SQL parameters or a PostgreSQL error's detail: they hold names and phones.
      req.log.error({ error: safeError(err) }, 'unhandled error');
      appError = new AppError('INTERNAL', { ko: '서버 오류가 발생했습니다.', en: 'An internal error occurred.' });
    }
    if (appError.retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(appError.retryAfterSeconds))));
    return reply.status(appError.status).send(appError.toBody());
  });
}

/**
 * One 404 handler: API paths get the JSON error. When the front end is served, a GET for an
 * address without a file extension gets its index.html: with 200 when the web route table has a
 * page there (/plans/1), with 404 otherwise (/nope), the app then showing its not-found page.
 */
export function installNotFoundHandler(app: FastifyInstance, spa: boolean): void {
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0]!;
    // A missing asset (a file extension) stays the plain 404.
    if (spa && (req.method === 'GET' || req.method === 'HEAD') && !/^\/api(\/|$)/i.test(pathname) && !/\.[a-z0-9]+$/i.test(pathname)) {
      return reply
        .status(isPagePath(pathname) ? 200 : 404)
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    // The address is not echoed: every unknown path gets the same answer, whatever it spells.
    const e = new AppError('NOT_FOUND', { ko: '요청한 주소가 없습니다.', en: 'No such address.' });
    return reply.status(404).send(e.toBody());
  });
}
