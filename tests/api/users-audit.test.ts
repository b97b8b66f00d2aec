/** Users and departments administration, and the audit trail written with each change. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { safeCsvCell } from '../../src/server/csv.ts';
import { readCsv } from '../support/independent.ts';
import { DB_KINDS } from '../support/db.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { signIn, staffSession, type Session } from '../support/auth.ts';
import { rows } from '../../src/db/executor.ts';

for (const kind of DB_KINDS) {
  describe(`users, departments and audit on ${kind}`, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await openTestApp(kind);
      admin = await staffSession(t, 'admin');
    });
    after(() => t.close());

    const count = async (table: string) => {
      const res = await rows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`));
      return Number(res[0]!.n);
    };
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers = admin.headers) =>
      t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

    it('lets an admin add a department and a user, auditing each with before/after and no password hash', async () => {
      const dept = await call('POST', '/api/departments', { name: '금융산업과', nameEn: 'Finance Industry Division' });
      assert.equal(dept.statusCode, 201);
      const res = await call('POST', '/api/users', {
        email: 'Officer.Kim@Jeonju.test',
        name: '김주무관',
        role: 'officer',
        departmentId: dept.json().id,
        password: 'a long enough password',
      });
      assert.equal(res.statusCode, 201, res.body);
      const user = res.json();
      assert.equal(user.email, 'officer.kim@jeonju.test');
      const audit = await call('GET', `/api/audit?entity=user&entityId=${user.id}`);
      assert.equal(audit.statusCode, 200);
      const [row] = audit.json().items;
      assert.equal(row.action, 'user.create');
      assert.equal(row.actorEmail, admin.email);
      assert.equal(row.before, null);
      assert.equal(row.after.role, 'officer');
      assert.equal(JSON.stringify(row).includes('scrypt'), false, 'no password hash in the audit trail');
      assert.ok(row.ip);
      // the new officer can sign in
      await signIn(t, 'officer.kim@jeonju.test', 'a long enough password');
    });

    it('refuses bad input field by field and writes nothing, not even an audit row', async () => {
      const [users, audit] = [await count('users'), await count('audit_log')];
      const bad = await call('POST', '/api/users', { email: 'nope', name: '', role: 'king', password: 'x' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(
        bad
          .json()
          .error.fields.map((f: { field: string }) => f.field)
          .sort(),
        ['email', 'name', 'role'],
      );
      const short = await call('POST', '/api/users', { email: 'short@jeonju.test', name: '짧은', role: 'viewer', password: 'short' });
      assert.equal(short.statusCode, 400);
      assert.equal(short.json().error.fields[0].field, 'password');
      const dup = await call('POST', '/api/users', { email: admin.email, name: 'dup', role: 'viewer', password: 'a long enough password' });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.fields[0].field, 'email');
      const noDept = await call('POST', '/api/users', { email: 'nodept@jeonju.test', name: 'x', role: 'officer', departmentId: 999999, password: 'a long enough password' });
      assert.equal(noDept.statusCode, 400);
      assert.equal(noDept.json().error.fields[0].field, 'departmentId');
      assert.deepEqual([await count('users'), await count('audit_log')], [users, audit]);
    });

    it('changes a role and disables a user, ending their sessions; an admin cannot lock themself out', async () => {
      const viewer = await staffSession(t, 'viewer');
      const promoted = await call('PATCH', `/api/users/${viewer.userId}`, { role: 'manager' });
      assert.equal(promoted.statusCode, 200);
      assert.equal(promoted.json().role, 'manager');
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: viewer.headers })).statusCode, 401, 'a role change ends sessions');
      const again = await signIn(t, viewer.email);
      assert.equal((await call('PATCH', `/api/users/${viewer.userId}`, { disabled: true })).json().disabled, true);
      assert.equal((await t.app.inject({ url: '/api/auth/me', headers: again })).statusCode, 401);
      const self = await call('PATCH', `/api/users/${admin.userId}`, { disabled: true });
      assert.equal(self.statusCode, 409);
      const audit = (await call('GET', `/api/audit?entity=user&entityId=${viewer.userId}&action=user.update`)).json();
      assert.equal(audit.total, 2);
      assert.equal(audit.items[1].before.role, 'viewer');
      assert.equal(audit.items[1].after.role, 'manager');
    });

    it('keeps users and audit from roles without the right', async () => {
      const manager = await staffSession(t, 'manager');
      assert.equal((await call('GET', '/api/users', undefined, manager.headers)).statusCode, 403);
      assert.equal((await call('GET', '/api/audit', undefined, manager.headers)).statusCode, 200);
      const officer = await staffSession(t, 'officer');
      assert.equal((await call('GET', '/api/audit', undefined, officer.headers)).statusCode, 403);
    });

    it('exports the audit trail as CSV with a BOM, filtered, formula cells neutralised', async () => {
      await call('POST', '/api/departments', { name: '=HYPERLINK("http://evil")', nameEn: null });
      const res = await call('GET', '/api/audit.csv?entity=department');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/csv; charset=utf-8/);
      assert.match(res.headers['content-disposition'] as string, /attachment/);
      assert.equal(res.body.charCodeAt(0), 0xfeff);
      // python's csv module reads it (tests/support/independent.ts): BOM, CR LF records (RFC 4180).
      const csv = readCsv(res.rawPayload);
      assert.ok(csv.bom && csv.crlf && !csv.bareLf, 'BOM, and every record ends with CR LF');
      assert.deepEqual(csv.rows[0], ['at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'ip']);
      assert.ok(csv.rows.slice(1).every((r) => r[2] === 'department.create' && r[3] === 'department'));
      assert.equal(csv.rows.length, 3); // 금융산업과 and the formula-named one
      assert.ok(
        csv.rows.some((r) => r[6]!.startsWith('{') && r[6]!.includes('=HYPERLINK')),
        'JSON cells start with {, never a formula',
      );
    });
  });
}

describe('CSV cells', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    assert.equal(safeCsvCell('=1+1'), "'=1+1");
    assert.equal(safeCsvCell('+82 10'), "'+82 10");
    assert.equal(safeCsvCell('-5'), "'-5");
    assert.equal(safeCsvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(safeCsvCell('전주시'), '전주시');
    assert.equal(safeCsvCell(null), '');
  });
});
