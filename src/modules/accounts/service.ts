/** Staff accounts, departments and sessions. Every mutation is audited in its own transaction. */
import { and, asc, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { AppError, fieldError, notFound } from '../../server/errors.ts';
import { hashToken, randomToken } from '../../server/tokens.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { departmentView, toSessionUser, userAdminView } from './presenters.ts';
import { dummyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import type { Role } from './roles.ts';
import { requireOrganisation } from './organisations.ts';
import { departments, sessions, users } from './schema.ts';
import { databaseThrottle, FREE_FAILURES, loginEmailKey, loginKey, passwordKey, type Throttle } from './throttle.ts';

const SESSION_TTL_MS = 8 * 60 * 60 * 1000; // a working day; refreshed while in use
/** However much it is used, a session ends this long after sign-in. */
export const SESSION_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  departmentId: number | null;
  /** The organisation a partner account speaks for (organisations.ts). */
  organisationId: number | null;
}

/** What the audit trail keeps of a user: never the password hash. */
const auditView = userAdminView;

const msInterval = (ms: number) => sql.raw(`interval '${ms} milliseconds'`);

const normalizeEmail = (email: string) => email.trim().toLowerCase();

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION_FAILED', { ko: '비밀번호가 너무 짧습니다.', en: 'The password is too short.' }, [
      {
        field: 'password',
        message: { ko: `${MIN_PASSWORD_LENGTH}자 이상이어야 합니다.`, en: `Must be at least ${MIN_PASSWORD_LENGTH} characters.` },
      },
    ]);
  }
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  departmentId?: number | null;
  organisationId?: number | null;
  password: string;
}

export async function createUser(db: Executor, actor: Actor, input: NewUser): Promise<SessionUser> {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    const email = normalizeEmail(input.email);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) {
      throw new AppError('EMAIL_TAKEN', { ko: `이미 등록된 이메일입니다: ${email}`, en: `A user with this e-mail exists: ${email}` }, [
        fieldError('email', '이미 등록된 이메일입니다.', 'Already registered.'),
      ]);
    }
    if (input.departmentId != null) await requireDepartment(tx, input.departmentId);
    if (input.organisationId != null) await requireOrganisation(tx, input.organisationId);
    const [row] = await tx
      .insert(users)
      .values({ email, name: input.name, role: input.role, departmentId: input.departmentId ?? null, organisationId: input.organisationId ?? null, passwordHash })
      .returning();
    await recordAudit(tx, actor, { action: 'user.create', entity: 'user', entityId: row!.id, after: auditView(row!) });
    return toSessionUser(row!);
  });
}

async function requireDepartment(db: Executor, id: number) {
  const [d] = await db.select().from(departments).where(eq(departments.id, id));
  if (!d) {
    throw new AppError('VALIDATION_FAILED', { ko: '없는 부서입니다.', en: 'No such department.' }, [fieldError('departmentId', '없는 부서입니다.', 'No such department.')]);
  }
  return d;
}

export interface UserPatch {
  name?: string;
  role?: Role;
  departmentId?: number | null;
  organisationId?: number | null;
  disabled?: boolean;
}

export async function updateUser(db: Executor, actor: Actor, id: number, patch: UserPatch): Promise<SessionUser & { disabled: boolean }> {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw notFound({ ko: `사용자 ${id}`, en: `User ${id}` });
    if (actor.userId === id && (patch.disabled || (patch.role && patch.role !== before.role))) {
      throw new AppError('OWN_ACCOUNT', {
        ko: '자기 계정의 역할을 바꾸거나 비활성화할 수 없습니다.',
        en: 'You cannot change your own role or disable your own account.',
      });
    }
    if (patch.departmentId != null) await requireDepartment(tx, patch.departmentId);
    if (patch.organisationId != null) await requireOrganisation(tx, patch.organisationId);
    const [after] = await tx
      .update(users)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.departmentId !== undefined ? { departmentId: patch.departmentId } : {}),
        ...(patch.organisationId !== undefined ? { organisationId: patch.organisationId } : {}),
        ...(patch.disabled !== undefined ? { disabledAt: patch.disabled ? (before.disabledAt ?? new Date()) : null } : {}),
      })
      .where(eq(users.id, id))
      .returning();
    // A disabled user, a changed role or organisation ends the user's sessions at once.
    if (patch.disabled || (patch.role && patch.role !== before.role) || (patch.organisationId !== undefined && patch.organisationId !== before.organisationId))
      await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, { action: 'user.update', entity: 'user', entityId: id, before: auditView(before), after: auditView(after!) });
    return userAdminView(after!);
  });
}

export async function listUsers(db: Executor) {
  const rows = await db.select().from(users).orderBy(asc(users.email));
  return rows.map(userAdminView);
}

export async function findUserByEmail(db: Executor, email: string) {
  const [u] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return u;
}

/** The one answer to every refused sign-in: unknown e-mail, wrong password, disabled or delayed. */
const badCredentials = (retryAfterSeconds?: number) =>
  new AppError('UNAUTHENTICATED', { ko: '이메일 또는 비밀번호가 올바르지 않습니다.', en: 'E-mail or password is incorrect.' }, undefined, retryAfterSeconds);

/**
 * Checks the credentials and opens a session. Guesses are slowed per (e-mail, address) and per
 * e-mail (throttle.ts), never locked: whatever the case — unknown e-mail, wrong password, disabled
 * user, an address waiting out its delay — the caller gets the same 401 (with Retry-After while
 * that address waits, for known and unknown e-mails alike).
 */
export async function login(db: Executor, input: { email: string; password: string; ip: string | null; userAgent: string | null }, throttle: Throttle = databaseThrottle(db)) {
  const email = normalizeEmail(input.email);
  const here = loginKey(email, input.ip);
  const everywhere = loginEmailKey(email);
  // Once other addresses have made FREE_FAILURES attempts on the e-mail, each failing address waits
  // from its first failure; an address that has not failed is still checked.
  const counts = await throttle.recentAttempts(here, everywhere);
  const free = counts[everywhere]! - counts[here]! >= FREE_FAILURES ? 1 : FREE_FAILURES;
  const mine = await throttle.countAttempt(here, free);
  // A waiting address is refused without looking at the user or the password: the same for every e-mail.
  if ('waitSeconds' in mine) throw badCredentials(mine.waitSeconds);
  await throttle.countAttempt(everywhere);
  const user = await findUserByEmail(db, email);
  // An unknown e-mail costs as much time as a wrong password.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  const actor: Actor = { userId: user?.id ?? null, email, ip: input.ip };
  if (!user) throw badCredentials();
  if (!ok) {
    await inTransaction(db, (tx) => recordAudit(tx, actor, { action: 'auth.login_failed', entity: 'user', entityId: user.id }));
    throw badCredentials();
  }
  if (user.disabledAt) throw badCredentials();
  const token = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await inTransaction(db, async (tx) => {
    await tx.insert(sessions).values({ id: hashToken(token), userId: user.id, expiresAt, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null });
    await recordAudit(tx, actor, { action: 'auth.login', entity: 'user', entityId: user.id });
  });
  await throttle.clearAttempts(here, everywhere);
  return { token, expiresAt, user: toSessionUser(user) };
}

/** The user behind a session token, or null; extends the session while it is in use. */
export async function sessionUser(db: Executor, token: string): Promise<SessionUser | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({ user: users, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), gt(sessions.createdAt, sql`now() - ${msInterval(SESSION_MAX_AGE_MS)}`)));
  if (!row || row.user.disabledAt) return null;
  // Sliding expiry, written at most once a minute to keep reads cheap, never past the session's maximum age.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: sql`least(now() + ${msInterval(SESSION_TTL_MS)}, ${sessions.createdAt} + ${msInterval(SESSION_MAX_AGE_MS)})` })
      .where(eq(sessions.id, id));
  }
  return toSessionUser(row.user);
}

export async function logout(db: Executor, actor: Actor, token: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, hashToken(token)));
    await recordAudit(tx, actor, { action: 'auth.logout', entity: 'user', entityId: actor.userId });
  });
}

/**
 * Changes the password and ends every other session of the user. Wrong current passwords are
 * throttled like sign-ins (throttle.ts): after FREE_FAILURES the user waits, growing, with a 429.
 */
export async function changePassword(db: Executor, actor: Actor & { userId: number }, token: string, current: string, next: string, throttle: Throttle = databaseThrottle(db)) {
  const attempt = await throttle.countAttempt(passwordKey(actor.userId), FREE_FAILURES);
  if ('waitSeconds' in attempt) {
    throw new AppError(
      'RATE_LIMITED',
      {
        ko: `현재 비밀번호가 여러 번 틀렸습니다. ${attempt.waitSeconds}초 뒤에 다시 시도하십시오.`,
        en: `The current password was wrong too many times. Try again in ${attempt.waitSeconds} s.`,
      },
      undefined,
      attempt.waitSeconds,
    );
  }
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(current, user.passwordHash))) {
    throw new AppError('VALIDATION_FAILED', { ko: '현재 비밀번호가 올바르지 않습니다.', en: 'The current password is wrong.' }, [
      fieldError('currentPassword', '올바르지 않습니다.', 'Wrong password.'),
    ]);
  }
  await throttle.clearAttempts(passwordKey(user.id));
  checkPassword(next);
  const passwordHash = await hashPassword(next);
  await inTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, hashToken(token))));
    await recordAudit(tx, actor, { action: 'auth.password_change', entity: 'user', entityId: user.id });
  });
}

export async function deleteExpiredSessions(db: Executor): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, sql`now()`), lt(sessions.createdAt, sql`now() - ${msInterval(SESSION_MAX_AGE_MS)}`)));
}

export async function listDepartments(db: Executor) {
  return db.select({ id: departments.id, name: departments.name, nameEn: departments.nameEn }).from(departments).orderBy(asc(departments.name));
}

export async function createDepartment(db: Executor, actor: Actor, input: { name: string; nameEn?: string | null }) {
  return inTransaction(db, async (tx) => {
    const [existing] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.name, input.name));
    if (existing) {
      throw new AppError('DEPARTMENT_EXISTS', { ko: `이미 있는 부서입니다: ${input.name}`, en: `The department exists: ${input.name}` }, [
        fieldError('name', '이미 있는 부서입니다.', 'Already exists.'),
      ]);
    }
    const [row] = await tx
      .insert(departments)
      .values({ name: input.name, nameEn: input.nameEn ?? null })
      .returning();
    await recordAudit(tx, actor, { action: 'department.create', entity: 'department', entityId: row!.id, after: row });
    return departmentView(row!);
  });
}
