/**
 * The public read cache: GET answers of routes with `config.publicCache` (the plan page, home
 * figures, event pages) are computed once per server for anonymous visitors and then served from
 * memory, with a strong `ETag` (a hash of the body) and `304 Not Modified` for `If-None-Match`.
 *
 * Invalidation: an answer remembers the tables its statements read (src/db/read-tracking.ts); every
 * committed write to a table is announced by a trigger (migration 0019) to every server through
 * LISTEN/NOTIFY (src/db/change-listener.ts) and drops the answers that read it. Nothing is kept
 * while the listener is down, everything is dropped when it listens again, an answer that read a
 * table without the trigger is never kept, and every answer expires after a minute anyway (or at the
 * first future instant it mentions — a registration opening or closing), so a missed notification
 * cannot leave a stale answer for long. A write answered by this server waits for its own
 * notification before the answer goes out, so the writer's next read here is fresh.
 *
 * Never kept: answers to signed-in staff (they may see unpublished things; `private, no-store`),
 * anything but 200, and so any personal data (public routes answer anonymous visitors without it).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { ChangeListener } from '../db/change-listener.ts';
import type { Database } from '../db/client.ts';
import { rows } from '../db/executor.ts';
import { trackTables } from '../db/read-tracking.ts';
import { SAFE_METHODS } from './route-errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anonymous GET answers are kept in memory until a write changes what they read (src/server/public-cache.ts). */
    publicCache?: boolean;
  }
  interface FastifyInstance {
    publicCache: PublicCache;
  }
}

const MAX_AGE_MS = 60_000;
const ISO_INSTANT = /"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"/g;
const WRAPPED = Symbol('publicCache');
const JSON_TYPE = 'application/json; charset=utf-8';

interface Entry {
  /** The serialised answer as bytes: encoding it once, not per request, is most of a hit's cost. */
  body: Buffer;
  etag: string;
  tables: ReadonlySet<string>;
  /** The answer's content type: JSON, or what the route set for a text answer (the news feed's XML). */
  type: string;
}

class PublicCache {
  private readonly entries = new LRUCache<string, Entry>({ max: 5000, maxSize: 64 * 2 ** 20, sizeCalculation: (e) => e.body.byteLength + 100, ttl: MAX_AGE_MS });
  /** Bumped by every change and reset; an answer computed across a bump is served but not kept. */
  private epoch = 0;
  private resetAt = 0;
  private readonly changedAt = new Map<string, number>();
  private watched = new Set<string>();
  private readonly unwatchedSeen = new Set<string>();
  listener: ChangeListener | null = null;

  constructor(private readonly warn: (msg: string, table: string) => void) {}

  /** The tables whose writes are announced (those with the migration's trigger); drops every kept answer. */
  async loadWatched(database: Database): Promise<void> {
    const found = await rows<{ name: string }>(
      database.db,
      sql`select c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where t.tgname = 'finhub_changed' and c.relnamespace = current_schema()::regnamespace`,
    );
    this.watched = new Set(found.map((r) => r.name));
    this.reset();
  }

  changed(table: string): void {
    this.changedAt.set(table, ++this.epoch);
    for (const [key, e] of this.entries.entries()) if (e.tables.has(table)) this.entries.delete(key);
  }

  reset(): void {
    this.resetAt = ++this.epoch;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every kept answer's body (tests look for personal data in them). */
  bodies(): string[] {
    return [...this.entries.values()].map((e) => e.body.toString('utf8'));
  }

  get(key: string): Entry | undefined {
    return this.listener?.live ? this.entries.get(key) : undefined;
  }

  /** Makes the entry; keeps it only if nothing it read changed since `since` and every table it read is watched. */
  put(key: string, text: string, tables: Set<string>, since: number, type = JSON_TYPE): Entry {
    const body = Buffer.from(text, 'utf8');
    const entry = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, tables, type };
    if (!this.listener?.live || this.resetAt > since) return entry;
    for (const t of tables) {
      if ((this.changedAt.get(t) ?? 0) > since) return entry;
      if (!this.watched.has(t)) {
        if (!this.unwatchedSeen.has(t)) this.warn('public cache: table without the change trigger, answers reading it are not kept', t);
        this.unwatchedSeen.add(t);
        return entry;
      }
    }
    this.entries.set(key, entry, { ttl: ttlFor(text) });
    return entry;
  }

  get now(): number {
    return this.epoch;
  }
}

/** A minute, or less when the answer names a future instant (its state may turn then). */
function ttlFor(body: string): number {
  const now = Date.now();
  let ttl = MAX_AGE_MS;
  for (const m of body.matchAll(ISO_INSTANT)) {
    const left = Date.parse(m[1]!) - now;
    if (left > 0 && left < ttl) ttl = left;
  }
  return Math.max(1, ttl);
}

/** RFC 9110 §13.1.2: weak comparison, a list, or `*`. */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

function cached(cache: PublicCache, handler: RouteHandlerMethod): RouteHandlerMethod {
  const wrapped = async function (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
    if (req.user !== null) {
      // Signed-in staff may see what the public does not (unpublished events): never stored anywhere.
      void reply.header('cache-control', 'private, no-store').header('x-finhub-cache', 'bypass');
      return handler.call(this, req, reply);
    }
    // The validated input names the entry; a query the route does not read is no part of it.
    const key = `${req.routeOptions.url}\0${JSON.stringify(req.params)}\0${req.routeOptions.schema?.querystring ? JSON.stringify(req.query) : ''}`;
    let entry = cache.get(key);
    void reply.header('x-finhub-cache', entry ? 'hit' : 'miss');
    if (!entry) {
      const since = cache.now;
      const { value, tables } = await trackTables(async () => handler.call(this, req, reply));
      if (reply.sent || reply.statusCode !== 200) return value;
      // A text answer with its own type (set by the route) is kept as it is; anything else is JSON.
      const type = reply.getHeader('content-type');
      const text = typeof type === 'string' && !type.includes('json') && typeof value === 'string';
      entry = text ? cache.put(key, value, tables, since, type) : cache.put(key, reply.serialize(value) as string, tables, since);
    }
    // Browsers keep it but ask each time; the answer to that question is a 304 without a body.
    void reply.header('etag', entry.etag).header('cache-control', 'no-cache');
    if (notModified(req.headers['if-none-match'], entry.etag)) return reply.code(304).send();
    return reply.type(entry.type).send(entry.body);
  };
  return Object.assign(wrapped, { [WRAPPED]: true });
}

/** Installs the cache: wraps the handlers of `publicCache` routes registered after it; follows the change feed. */
export async function registerPublicCache(app: FastifyInstance, database: Database): Promise<void> {
  const cache = new PublicCache((msg, table) => app.log.warn({ table }, msg));
  app.decorate('publicCache', cache);
  app.addHook('onRoute', (route) => {
    if (!route.config?.publicCache || (route.handler as { [WRAPPED]?: boolean })[WRAPPED]) return;
    route.handler = cached(cache, route.handler);
  });
  // The writer's own next read must not beat its notification (PostgreSQL delivers it asynchronously).
  app.addHook('onSend', async (req, reply, payload) => {
    if (!SAFE_METHODS.has(req.method) && reply.statusCode < 400 && cache.size > 0) await cache.listener?.sync();
    return payload;
  });
  await cache.loadWatched(database);
  cache.listener = await database.listen({
    onChange: (table) => cache.changed(table),
    onReset: () => cache.reset(),
    onError: (err) => app.log.warn({ err: err.message }, 'public cache: change feed connection failed; retrying'),
  });
  app.addHook('onClose', async () => {
    await cache.listener?.close();
  });
}
