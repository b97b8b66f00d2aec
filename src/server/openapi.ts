/**
 * The finishing touches on the OpenAPI 3.1 document @fastify/swagger builds from the zod schemas,
 * so that standard validators and generators accept it (issue 12; tests/api/outputs-openapi.test.ts
 * checks it with python's jsonschema against the OpenAPI 3.1 meta-schema and every GET answer
 * against its declared schema):
 * - only the API: routes outside /api/ (the web pages, `GET /`, the static files) are hidden;
 * - component schemas carry no `$id` (the zod registry writes "#/components/schemas/X" there,
 *   which JSON Schema 2020-12 forbids: an `$id` must not hold a fragment);
 * - `servers` names the public address;
 * - error responses are JSON whatever the route produces: `produces` names the media type of the
 *   route's success answer (the QR code's SVG, the audit export's CSV, XLSX, PDF, iCalendar), but
 *   @fastify/swagger would give it to every status.
 */

type Json = Record<string, unknown>;

/** For the `transform` option: a route outside /api/ is not part of the API document. */
export function hideOutsideApi<T extends { url: string; schema?: unknown }>(t: T): T {
  if (t.url.startsWith('/api/')) return t;
  return { ...t, schema: { ...((t.schema as Json | undefined) ?? {}), hide: true } };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function withoutIds(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutIds);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v as Json).flatMap(([k, x]) => (k === '$id' ? [] : [[k, withoutIds(x)]])));
  return v;
}

/** For the `transformObject` option, after the zod one. */
export function finishDocument<T>(document: T, publicUrl: string): T {
  const doc = document as Json & { components?: { schemas?: Json }; paths?: Record<string, Record<string, Json>> };
  if (doc.components?.schemas) doc.components.schemas = withoutIds(doc.components.schemas) as Json;
  doc.servers = [{ url: publicUrl.replace(/\/+$/, ''), description: '전주시 finhub / Jeonju finhub' }];
  for (const path of Object.values(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = path[method] as { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> } | undefined;
      for (const [status, response] of Object.entries(op?.responses ?? {})) {
        if (!/^[45]/.test(status) || !response.content) continue;
        const schema = Object.values(response.content)[0]?.schema;
        response.content = { 'application/json': { schema } };
      }
    }
  }
  return document;
}
