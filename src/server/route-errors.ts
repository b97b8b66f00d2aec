/**
 * The request kernel's error answers: which error responses a route documents, derived from
 * what the route is — never written by hand. Its policy (staff → 401 UNAUTHENTICATED and 403
 * FORBIDDEN), its method (a state-changing request → 403 CROSS_ORIGIN, and a body that may not
 * parse → 400, 413, 415), its schema (body, params or query → 400; params → 404), its rate limit
 * (→ 429) and the domain codes its handler may throw (`config.errors`). The onRoute hook in
 * src/server/auth.ts adds them to the route's response schema and lists the codes in its
 * OpenAPI description, before @fastify/swagger reads the route.
 */
import type { FastifySchema } from 'fastify';
import { ErrorResponseSchema } from './api-schema.ts';
import { ERROR_STATUS, type ErrorCode } from './errors.ts';

export interface RouteFacts {
  method: string | string[];
  schema?: FastifySchema;
  /** Signed-in staff only (a roles policy), rather than public. */
  staff: boolean;
  rateLimited: boolean;
  /** Domain (or generic) codes the handler or its service may throw. */
  errors?: readonly ErrorCode[];
}

/** Methods that change nothing: no Origin check, no body. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every error code the route may answer, in table order. */
export function routeErrorCodes(route: RouteFacts): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.errors ?? []);
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const writes = [route.method].flat().some((m) => !SAFE_METHODS.has(m.toUpperCase()));
  if (writes) for (const c of ['CROSS_ORIGIN', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) codes.add(c);
  if (schema.body || schema.params || schema.querystring) codes.add('VALIDATION_FAILED');
  if (schema.params) codes.add('NOT_FOUND');
  if (route.staff) {
    codes.add('UNAUTHENTICATED');
    codes.add('FORBIDDEN');
  }
  if (route.rateLimited) codes.add('RATE_LIMITED');
  return (Object.keys(ERROR_STATUS) as ErrorCode[]).filter((c) => codes.has(c));
}

/** Status → the codes answered with it, e.g. { 409: ['REGISTRATION_FULL', …] }. */
function byStatus(codes: readonly ErrorCode[]): Map<number, ErrorCode[]> {
  const out = new Map<number, ErrorCode[]>();
  for (const c of codes) out.set(ERROR_STATUS[c], [...(out.get(ERROR_STATUS[c]) ?? []), c]);
  return new Map([...out].sort(([a], [b]) => a - b));
}

/** The facts of a registered route (its config holds the policy the onRoute hook settled). */
export function routeFacts(route: {
  method: string | string[];
  schema?: FastifySchema;
  config?: { policy?: { public?: true } | object; rateLimit?: unknown; errors?: readonly ErrorCode[] };
}): RouteFacts {
  const policy = route.config?.policy;
  return { method: route.method, schema: route.schema, staff: !!policy && !('public' in policy), rateLimited: !!route.config?.rateLimit, errors: route.config?.errors };
}

/**
 * For fastify-swagger's `transform`, after the zod transform: each error response of the OpenAPI
 * document says which codes it carries ("409 — REGISTRATION_FULL, SESSION_STARTED") instead of
 * "Default Response".
 */
export function describeErrorResponses<T extends { schema?: unknown }>(transformed: T, route: Parameters<typeof routeFacts>[0] | undefined): T {
  const schema = transformed.schema as { response?: Record<string, unknown> } | undefined;
  if (!route?.config?.policy || !schema?.response) return transformed;
  const response = { ...schema.response };
  for (const [status, codes] of byStatus(routeErrorCodes(routeFacts(route)))) {
    const entry = response[status];
    if (entry && typeof entry === 'object' && !('description' in entry)) response[status] = { ...entry, description: codes.join(', ') };
  }
  return { ...transformed, schema: { ...schema, response } };
}

/**
 * The route's schema with its error responses (a status the route already documents is kept)
 * and, in its description, the codes each error status may carry.
 */
export function withErrorResponses(route: RouteFacts): FastifySchema {
  const schema = { ...(route.schema ?? {}) } as FastifySchema & { response?: Record<string | number, unknown>; description?: string };
  const statuses = byStatus(routeErrorCodes(route));
  if (statuses.size === 0) return schema;
  const response: Record<string | number, unknown> = { ...(schema.response ?? {}) };
  for (const status of statuses.keys()) response[status] ??= ErrorResponseSchema;
  const lines = [...statuses].map(([status, codes]) => `- ${status}: ${codes.map((c) => `\`${c}\``).join(', ')}`);
  const errorDoc = `Error codes (\`error.code\`):\n${lines.join('\n')}`;
  return { ...schema, response, description: schema.description ? `${schema.description}\n\n${errorDoc}` : errorDoc };
}
