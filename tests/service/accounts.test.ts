/**
 * Staff accounts' rules, called directly on a real database (no HTTP): unique e-mails and
 * departments, one's own account, sign-in refusals that all look alike, and what ends sessions.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../src/modules/accounts/schema.ts';
import { changePassword, createDepartment, createUser, login, sessionUser, updateUser } from '../../src/modules/accounts/service.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { AppError, type ErrorCode } from '../../src/server/errors.ts';
import { DB_KINDS } from '../support/db.ts';
import { auditActions, openServiceTest, staffActor, type ServiceTest } from '../support/service.ts';

async function refused(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<AppError> {
  let error: AppError | undefined;
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof AppError, `an AppError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (field)
      assert.deepEqual(
        e.fields?.map((f) => f.field),
        [field],
      );
    error = e;
    return true;
  });
  return error!;
}

const PASSWORD = 'a long enough password';

for (const kind of DB_KINDS) {
  describe(`account services on ${kind}`, () => {
    let s: ServiceTest;
    before(async () => {
      s = await openServiceTest(kind);
    });
    after(() => s?.close());

    const signIn = (email: string, password = PASSWORD, ip = '10.0.0.1') => login(s.db, { email, password, ip, userAgent: 'test' });

    it('creates a user with a normalised e-mail, audited without the hash; the same e-mail again is EMAIL_TAKEN', async () => {
      const user = await createUser(s.db, s.actor, { email: '  Kim@Jeonju.TEST ', name: '김', role: 'officer', password: PASSWORD });
      assert.equal(user.email, 'kim@jeonju.test');
      const [row] = await s.db.select().from(users).where(eq(users.id, user.id));
      assert.match(row!.passwordHash, /^scrypt\$\d+\$8\$1\$/);
      assert.deepEqual(await auditActions(s.db, 'user', user.id), ['user.create']);
      await refused(createUser(s.db, s.actor, { email: 'KIM@jeonju.test', name: '김2', role: 'viewer', password: PASSWORD }), 'EMAIL_TAKEN', 'email');
      await refused(createUser(s.db, s.actor, { email: 'short@jeonju.test', name: '짧', role: 'viewer', password: 'short' }), 'VALIDATION_FAILED', 'password');
      await refused(
        createUser(s.db, s.actor, { email: 'nodept@jeonju.test', name: '무', role: 'officer', departmentId: 999_999, password: PASSWORD }),
        'VALIDATION_FAILED',
        'departmentId',
      );
      assert.equal((await s.db.select().from(users).where(eq(users.email, 'short@jeonju.test'))).length, 0);
    });

    it('a department name is unique (DEPARTMENT_EXISTS)', async () => {
      await createDepartment(s.db, s.actor, { name: '투자유치과', nameEn: 'Investment' });
      await refused(createDepartment(s.db, s.actor, { name: '투자유치과' }), 'DEPARTMENT_EXISTS', 'name');
    });

    it('nobody changes their own role or disables themselves (OWN_ACCOUNT); others can, and that ends the sessions', async () => {
      const admin = await staffActor(s.db, 'admin');
      await refused(updateUser(s.db, admin.actor, admin.user.id, { role: 'viewer' }), 'OWN_ACCOUNT');
      await refused(updateUser(s.db, admin.actor, admin.user.id, { disabled: true }), 'OWN_ACCOUNT');
      assert.equal((await updateUser(s.db, admin.actor, admin.user.id, { name: '새 이름' })).name, '새 이름', 'the name is one’s own to change');

      const email = 'lee@jeonju.test';
      await createUser(s.db, SYSTEM_ACTOR, { email, name: '이', role: 'officer', password: PASSWORD });
      const { token, user } = await signIn(email);
      assert.equal((await sessionUser(s.db, token))?.id, user.id);
      const changed = await updateUser(s.db, admin.actor, user.id, { role: 'viewer' });
      assert.equal(changed.role, 'viewer');
      assert.equal(await sessionUser(s.db, token), null, 'a changed role ends the sessions');
      const again = await signIn(email);
      await updateUser(s.db, admin.actor, user.id, { disabled: true });
      assert.equal(await sessionUser(s.db, again.token), null, 'disabling ends the sessions');
      assert.deepEqual(await auditActions(s.db, 'user', user.id), ['user.create', 'auth.login', 'user.update', 'auth.login', 'user.update']);
    });

    it('refuses a wrong password, an unknown e-mail and a disabled user with the same 401; a wrong password is audited', async () => {
      const email = 'park@jeonju.test';
      const park = await createUser(s.db, SYSTEM_ACTOR, { email, name: '박', role: 'viewer', password: PASSWORD });
      const wrong = await refused(signIn(email, 'not the password', '10.0.0.2'), 'UNAUTHENTICATED');
      const unknown = await refused(signIn('nobody@jeonju.test', PASSWORD, '10.0.0.2'), 'UNAUTHENTICATED');
      assert.deepEqual(unknown.bilingual, wrong.bilingual);
      assert.deepEqual(await auditActions(s.db, 'user', park.id), ['user.create', 'auth.login_failed']);
      await updateUser(s.db, s.actor, park.id, { disabled: true });
      const disabled = await refused(signIn(email, PASSWORD, '10.0.0.3'), 'UNAUTHENTICATED');
      assert.deepEqual(disabled.bilingual, wrong.bilingual);
      assert.equal((await s.db.select().from(sessions).where(eq(sessions.userId, park.id))).length, 0);
    });

    it('changing the password needs the current one and ends the other sessions, keeping this one', async () => {
      const email = 'choi@jeonju.test';
      await createUser(s.db, SYSTEM_ACTOR, { email, name: '최', role: 'viewer', password: PASSWORD });
      const here = await signIn(email);
      const elsewhere = await signIn(email, PASSWORD, '10.0.0.9');
      const actor = { userId: here.user.id, email, ip: '10.0.0.1' };
      await refused(changePassword(s.db, actor, here.token, 'not the password', 'a brand new password'), 'VALIDATION_FAILED', 'currentPassword');
      await refused(changePassword(s.db, actor, here.token, PASSWORD, 'short'), 'VALIDATION_FAILED', 'password');
      await changePassword(s.db, actor, here.token, PASSWORD, 'a brand new password');
      assert.equal((await sessionUser(s.db, here.token))?.id, here.user.id);
      assert.equal(await sessionUser(s.db, elsewhere.token), null);
      await refused(signIn(email, PASSWORD, '10.0.0.4'), 'UNAUTHENTICATED');
      assert.equal((await signIn(email, 'a brand new password', '10.0.0.4')).user.id, here.user.id);
    });
  });
}
