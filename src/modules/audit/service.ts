/**
 * The audit trail's service: record (inside the caller's transaction), list and export. Nothing
 * else writes audit_log: code calls recordAudit, and the one SQL statement that must write its
 * audit row itself (the registration seat statement) takes it from auditInsertSql.
 */
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { rows, type Executor } from '../../db/executor.ts';
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
  /** The record's title (an action's text, an event's title); else taken from `after`/`before` (subjectOf). */
  subject?: string | null;
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
    subject: entry.subject ?? subjectOf(entry.entity, entry.after) ?? subjectOf(entry.entity, entry.before),
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip,
  });
}

/** Entities whose `name` is an institution's, not a person's: only these may be titled by it. */
const NAMED_BY_NAME = new Set(['department', 'organisation', 'facility', 'training_employer', 'training_course']);

/**
 * A record's title from what the audit row keeps of it: its title (Korean first), text or
 * school name. A person's name is never taken (registrants, trainees, users), so the trail's
 * search text holds no personal data.
 */
export function subjectOf(entity: string, value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const title = v.title;
  const candidates = [
    v.titleKo,
    typeof title === 'object' && title !== null ? (title as Record<string, unknown>).ko : title,
    v.nameKo,
    v.text,
    v.schoolName,
    NAMED_BY_NAME.has(entity) ? v.name : undefined,
  ];
  const found = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
  return found ? found.slice(0, 300) : null;
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
  /** Words in the record's title (case-insensitive; Korean as typed). */
  q?: string;
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
  // ILIKE on the stored title works alike on PGlite and PostgreSQL (pg_trgm is not in PGlite's
  // default build); the wildcard characters typed are matched literally.
  if (f.q) parts.push(sql`${auditLog.subject} ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (f.from) parts.push(gte(auditLog.at, f.from));
  if (f.to) parts.push(lt(auditLog.at, f.to));
  return parts.length ? and(...parts) : undefined;
}

export async function listAudit(db: Executor, f: AuditFilter) {
  // One after another: a pg client warns when a second query is sent before the first answers.
  // The users table is the accounts module's, which records through this one: read by name, not imported.
  const items = await db
    .select({ row: auditLog, actorName: sql<string | null>`(select u.name from users u where u.id = ${auditLog.actorId})` })
    .from(auditLog)
    .where(where(f))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where(f));
  return { items: items.map((i) => ({ ...i.row, actorName: i.actorName })), total: count!.n };
}

/** What the filters offer: the people who changed something, and the kinds of record and change. */
export async function auditFacets(db: Executor) {
  const actors = await rows<{ id: number; name: string; email: string }>(
    db,
    sql`select u.id, u.name, u.email from users u where exists (select 1 from ${auditLog} a where a.actor_id = u.id) order by u.name, u.id`,
  );
  const entities = await db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(auditLog.entity);
  const actions = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return { actors, entities: entities.map((e) => e.entity), actions: actions.map((a) => a.action) };
}
