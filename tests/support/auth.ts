/** Staff users and signed-in sessions for API tests. */
import type { Database } from '../../src/db/client.ts';
import type { Role } from '../../src/modules/accounts/roles.ts';
import { sessions } from '../../src/modules/accounts/schema.ts';
import { createDepartment, createUser } from '../../src/modules/accounts/service.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { hashToken, randomToken } from '../../src/server/tokens.ts';
import type { TestApp } from './app.ts';

export const TEST_PASSWORD = 'correct horse battery';
/** The Origin a same-origin browser sends with app.inject (whose Host is localhost:80). */
export const ORIGIN = 'http://localhost:80';

export interface Session {
  userId: number;
  email: string;
  headers: { cookie: string; origin: string };
}

let counter = 0;

export async function createStaff(database: Database, role: Role, departmentId: number | null = null) {
  const email = `${role}${++counter}@jeonju.test`;
  return createUser(database.db, SYSTEM_ACTOR, { email, name: `${role} ${counter}`, role, departmentId, password: TEST_PASSWORD });
}

export async function createTestDepartment(database: Database, name = `부서 ${++counter}`) {
  return createDepartment(database.db, SYSTEM_ACTOR, { name });
}

export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Session['headers']> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'finhub_session')!;
  return { cookie: `finhub_session=${cookie.value}`, origin: ORIGIN };
}

/** A new user of the role, signed in. */
export async function staffSession(t: TestApp, role: Role, departmentId: number | null = null): Promise<Session> {
  const user = await createStaff(t.database, role, departmentId);
  return { userId: user.id, email: user.email, headers: await signIn(t, user.email) };
}

/** A session made straight in the table (no password hashing): for tests that need many. */
export async function mintSession(database: Database, userId: number): Promise<Session['headers']> {
  return (await mintSessions(database, userId, 1))[0]!;
}

/** `n` sessions of the user, made in one insert: for tests that spend a fresh one per request. */
export async function mintSessions(database: Database, userId: number, n: number): Promise<Session['headers'][]> {
  const tokens = Array.from({ length: n }, () => randomToken());
  const expiresAt = new Date(Date.now() + 3_600_000);
  if (n > 0) await database.db.insert(sessions).values(tokens.map((token) => ({ id: hashToken(token), userId, expiresAt })));
  return tokens.map((token) => ({ cookie: `finhub_session=${token}`, origin: ORIGIN }));
}
