/**
 * Tokens never reach the logs. A citizen's registration, survey and school-application links
 * carry a secret token in the path (`/api/registrations/<token>/cancel`, `/surveys/<token>`,
 * `/school/applications/<token>`), and anyone holding it may act on the booking; Fastify logs
 * `req.url` with every request ('incoming request', and at trace level). The request serializer
 * here replaces such path segments and any token-like query value with `[redacted]`:
 *
 * - a matched route decides by its declared parameters: each segment standing where the route
 *   has a `:token`-like parameter (`req.routeOptions.url`) is redacted;
 * - an unmatched URL (a 404, a misspelling, the web front end's catch-all) is redacted by its
 *   text: everything after a `registrations`, `surveys` or `applications` segment, compared
 *   decoded and in any case, so `/API/%72egistrations/<token>` is redacted too.
 *
 * The cookie and authorization headers are never logged: the serializer logs no headers, and
 * `redact` censors them wherever else a logged object carries them, and the raw bytes of a
 * request Node could not parse (pino redacts nothing by default).
 */
import type { FastifyRequest } from 'fastify';

export const REDACTED = '[redacted]';

/** Route parameters that hold a secret. */
const SECRET_PARAM = /token|secret|code|key|password|session|sig/i;
/** Query parameters whose value is a secret (`?token=…`, `access_token`, `invite_code`, `key` …). */
const SECRET_QUERY = /token|secret|code|key|password|passwd|session|sig|auth|otp/i;
/** Unmatched URLs: the segments after one of these hold a token (web pages and API alike). */
const TOKEN_PARENTS = new Set(['registrations', 'surveys', 'applications', 'track']);

const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decode((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
      return eq >= 0 && SECRET_QUERY.test(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join('&');
}

/** The path with the segments at the route's secret parameters redacted; null if they do not line up. */
function redactByRoute(path: string, route: string): string | null {
  const routeSegments = route.split('/');
  const segments = path.split('/');
  if (routeSegments.length !== segments.length) return null;
  return segments.map((s, i) => (routeSegments[i]!.includes(':') && SECRET_PARAM.test(routeSegments[i]!) ? REDACTED : s)).join('/');
}

/** The path with every segment after a token-bearing one (`registrations`, `surveys`, `applications`) collapsed to one `[redacted]`. */
function redactByPattern(path: string): string {
  const segments = path.split('/');
  const at = segments.findIndex((s, i) => i < segments.length - 1 && TOKEN_PARENTS.has(decode(s).toLowerCase()));
  return at < 0 ? path : [...segments.slice(0, at + 1), REDACTED].join('/');
}

/** A URL as it may be logged: secret path segments and query values replaced by `[redacted]`. */
export function redactUrl(url: string, route?: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? null : url.slice(q + 1);
  // A matched route decides by its parameters; a wildcard (the web front end), no match, or a
  // path that does not line up with its route falls back to the text.
  const matched = route && !route.includes('*') ? route : undefined;
  const secretParams = matched?.split('/').some((s) => s.includes(':') && SECRET_PARAM.test(s));
  const safePath = matched && !secretParams ? path : ((matched && redactByRoute(path, matched)) ?? redactByPattern(path));
  return query === null ? safePath : `${safePath}?${redactQuery(query)}`;
}

/**
 * The request as Fastify logs it (its default fields), with the URL redacted. Pino applies it
 * to any logged `req`, so it expects anything and never copies headers.
 */
function serializeRequest(req: FastifyRequest) {
  if (!req || typeof req !== 'object' || typeof req.url !== 'string') return { method: req?.method };
  return {
    method: req.method,
    url: redactUrl(req.url, req.routeOptions?.url),
    version: [req.headers?.['accept-version']].flat()[0],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * Logged objects that may carry headers: their cookies and credentials are censored. And the raw
 * bytes of a request Node could not parse: Fastify logs that error at trace ('client error') with
 * its `rawPacket` — the request line (token and all) and every header, cookie included.
 */
const REDACT_PATHS = [
  'err.rawPacket',
  'error.rawPacket',
  'req.headers.cookie',
  'req.headers.authorization',
  'headers.cookie',
  'headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
  'res.headers["set-cookie"]',
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];

/** The logger options for Fastify({ logger }). */
export const loggerRedaction = {
  serializers: { req: serializeRequest },
  redact: { paths: REDACT_PATHS, censor: REDACTED },
};
