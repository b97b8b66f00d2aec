/**
 * The service tier (tests/service): module services called directly on a real, migrated database
 * (a copy of the template, tests/support/db.ts), without HTTP — for rules that need no request.
 *
 * Services are imported by the test files from where they live; this helper only gives what every
 * such test needs: the database, who acts (a staff user and its audit actor) and the engine
 * context the registration services take.
 */
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../src/db/client.ts';
import type { Role } from '../../src/modules/accounts/roles.ts';
import { createUser, type SessionUser } from '../../src/modules/accounts/service.ts';
import { SYSTEM_ACTOR, type Actor } from '../../src/modules/audit/service.ts';
import type { EngineContext } from '../../src/modules/registration/engine/state.ts';
import { openTestDatabase, type DbKind } from './db.ts';

const PUBLIC_URL = 'http://finhub.test';

export interface ServiceTest {
  database: Database;
  db: Db;
  /** A manager, created in this database, and the actor its changes are audited under. */
  manager: SessionUser;
  actor: Actor;
  /** What the registration engine needs for its links. */
  engine: EngineContext;
  close(): Promise<void>;
}

let counter = 0;

/** A staff user of the role (password: TEST_PASSWORD of tests/support/auth.ts is not needed here) and its actor. */
export async function staffActor(db: Db, role: Role, departmentId: number | null = null): Promise<{ user: SessionUser; actor: Actor }> {
  const n = ++counter;
  const user = await createUser(db, SYSTEM_ACTOR, { email: `svc-${role}${n}@jeonju.test`, name: `${role} ${n}`, role, departmentId, password: `password-${n}-long` });
  return { user, actor: { userId: user.id, email: user.email, ip: '127.0.0.1' } };
}

/** A migrated, empty database of the kind with a manager in it. */
export async function openServiceTest(kind: DbKind): Promise<ServiceTest> {
  const database = await openTestDatabase(kind);
  try {
    const { user, actor } = await staffActor(database.db, 'manager');
    return { database, db: database.db, manager: user, actor, engine: { publicUrl: PUBLIC_URL }, close: () => database.close() };
  } catch (e) {
    await database.close();
    throw e;
  }
}

type Row = Record<string, unknown>;

/** Rows of a raw query (both drivers answer `{ rows }`). */
export async function rows<T extends Row = Row>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The audit actions written about an entity, oldest first. */
export async function auditActions(db: Db, entity: string, entityId: number | string): Promise<string[]> {
  const found = await rows<{ action: string }>(db, sql`select action from audit_log where entity = ${entity} and entity_id = ${String(entityId)} order by id`);
  return found.map((r) => r.action);
}
