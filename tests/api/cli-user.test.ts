/** finhub user add|list|disable|set-organisation: the first admin, made from the command line, can sign in. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { auditLog } from '../../src/modules/audit/schema.ts';
import { buildApp } from '../../src/server/app.ts';
import { ORIGIN } from '../support/auth.ts';
import { createPostgresDatabase } from '../support/db.ts';

describe('finhub user', () => {
  let pg: { url: string; drop: () => Promise<void> };
  before(async () => {
    pg = await createPostgresDatabase();
  });
  after(() => pg.drop());

  const finhub = (args: string[], input = '') => {
    const res = spawnSync(process.execPath, ['bin/finhub.mjs', 'user', ...args], { env: { ...process.env, DATABASE_URL: pg.url }, input, encoding: 'utf8' });
    return { code: res.status, stdout: res.stdout, stderr: res.stderr };
  };

  it('adds an admin with the password from stdin, lists, refuses bad input, disables', async () => {
    const added = finhub(['add', '--email', 'Admin@Jeonju.test', '--role', 'admin', '--name', '관리자'], 'first admin password\n');
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Added user \d+: admin@jeonju.test \(admin\)/);

    const short = finhub(['add', '--email', 'x@jeonju.test', '--role', 'viewer'], 'short\n');
    assert.equal(short.code, 1);
    assert.match(short.stderr, /too short/);
    assert.equal(finhub(['add', '--email', 'x@jeonju.test', '--role', 'emperor'], 'whatever password\n').code, 2);
    assert.equal(finhub(['add', '--role', 'admin']).code, 2);
    const dup = finhub(['add', '--email', 'admin@jeonju.test', '--role', 'admin'], 'first admin password\n');
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /exists/);

    assert.match(finhub(['list']).stdout, /admin@jeonju.test\tadmin\tactive/);

    // A partner account belongs to one of the organisations (the plan's three exist from the first run).
    const partner = finhub(['add', '--email', 'nps@jeonju.test', '--role', 'partner', '--organisation', '2'], 'partner password\n');
    assert.equal(partner.code, 0, partner.stderr);
    assert.match(finhub(['list']).stdout, /nps@jeonju.test\tpartner\tactive\torganisation 2/);
    const moved = finhub(['set-organisation', '--email', 'nps@jeonju.test', '--organisation', '3']);
    assert.equal(moved.code, 0, moved.stderr);
    assert.match(finhub(['list']).stdout, /nps@jeonju.test\tpartner\tactive\torganisation 3/);
    assert.equal(finhub(['set-organisation', '--email', 'nps@jeonju.test', '--organisation', '99']).code, 1);
    assert.equal(finhub(['set-organisation', '--email', 'nps@jeonju.test', '--organisation', 'x']).code, 2);
    assert.equal(finhub(['set-organisation', '--email', 'nps@jeonju.test']).code, 2);

    let database: Database | undefined;
    try {
      database = await openDatabase({ databaseUrl: pg.url, dataDir: '', command: 'test' });
      const app = await buildApp({ config: { logLevel: 'silent', loginRateLimit: 0 }, database, web: false });
      const login = () =>
        app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email: 'admin@jeonju.test', password: 'first admin password' } });
      assert.equal((await login()).statusCode, 200);
      const disabled = finhub(['disable', '--email', 'admin@jeonju.test']);
      assert.equal(disabled.code, 0, disabled.stderr);
      assert.equal((await login()).statusCode, 401);
      const rows = await database.db.select().from(auditLog).where(eq(auditLog.entity, 'user')).orderBy(auditLog.id);
      assert.deepEqual(
        rows.filter((r) => r.action.startsWith('user.')).map((r) => [r.action, r.actorEmail?.startsWith('cli:')]),
        [
          ['user.create', true],
          ['user.create', true],
          ['user.update', true],
          ['user.update', true],
        ],
      );
      await app.close();
    } finally {
      await database?.close();
    }
  });
});
