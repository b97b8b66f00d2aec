/**
 * The audit trail's service: record (inside the caller's transaction), list and export. Nothing
 * else writes audit_log: code calls recordAudit, and the one SQL statement that must write its
 * audit row itself (the registration seat statement) takes it from auditInsertSql.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { auditLog } from './schema.ts';

/** Who did it: a signed-in user, or the system / command line (userId null). */
export interface Actor {
  userId: number | null;
  email: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, email: 'system', ip: null };
export const cliActor = (): Actor => ({ userId: null, email: `cli:${process.env.USER ?? 'unknown'}`, ip: null });

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row. Call it with the transaction that makes the change, never after it. */
export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.userId,
    actorEmail: actor.email,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip,
  });
}

/**
 * recordAudit as SQL, for a statement that writes its audit rows itself (registration/engine/seat.ts: one
 * statement, so the pool lock never waits on Node): `insert into audit_log … select … from
 * <source>`, one row per row of `source`, with `entityId` and `after` (jsonb) computed from it.
 * The same columns recordAudit fills (`before` stays null: a creation).
 */
export function auditInsertSql(actor: Actor, entry: { action: string; entity: string; entityId: SQL; after: SQL }, source: SQL): SQL {
  return sql`insert into ${auditLog} (actor_id, actor_email, action, entity, entity_id, after, ip)
      select ${actor.userId}::int, ${actor.email}::text, ${entry.action}::text, ${entry.entity}::text, (${entry.entityId})::text, ${entry.after}, ${actor.ip}::text
      from ${source}`;
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

function where(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.entity) parts.push(eq(auditLog.entity, f.entity));
  if (f.entityId) parts.push(eq(auditLog.entityId, f.entityId));
  if (f.actorId !== undefined) parts.push(eq(auditLog.actorId, f.actorId));
  if (f.action) parts.push(eq(auditLog.action, f.action));
  if (f.from) parts.push(gte(auditLog.at, f.from));
  if (f.to) parts.push(lt(auditLog.at, f.to));
  return parts.length ? and(...parts) : undefined;
}

export async function listAudit(db: Executor, f: AuditFilter) {
  const [items, [count]] = await Promise.all([
    db.select().from(auditLog).where(where(f)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(f.limit).offset(f.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where(f)),
  ]);
  return { items, total: count!.n };
}
