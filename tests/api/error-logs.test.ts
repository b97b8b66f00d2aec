/**
 * SQL errors are logged without their values: a failing query's parameters (a name, a phone)
 * and PostgreSQL's detail (`Key (…)=(010…) already exists`) never reach the log — from the error
 * handler's 'unhandled error', the scheduled jobs and the outbox worker. On PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { plans } from '../../src/modules/plan/schema.ts';
import { startOutboxWorker } from '../../src/modules/notifications/worker.ts';
import type { Channels } from '../../src/modules/notifications/channels/index.ts';
import { PUBLIC } from '../../src/server/auth.ts';
import { startJobs } from '../../src/server/jobs.ts';
import { safeError, safeErrorText, scrubText } from '../../src/server/safe-error.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';

const PHONE = '010-9876-5432';
const NAME = '홍비밀';
const EMAIL = 'secret.person@example.org';

describe('safeError', () => {
  it('keeps the code, constraint, table and query text; drops params, detail and where', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "plans_category_number_uq"'), {
      code: '23505',
      detail: `Key (category, number)=(${PHONE}, 1) already exists.`,
      where: `SQL function with ${NAME}`,
      constraint: 'plans_category_number_uq',
      table: 'plans',
      schema: 'public',
    });
    const err = Object.assign(new Error(`Failed query: insert into "plans" ("category") values ($1)\nparams: ${PHONE},${NAME}`), {
      name: 'DrizzleQueryError',
      query: 'insert into "plans" ("category") values ($1)',
      params: [PHONE, NAME],
      cause,
    });
    const safe = safeError(err);
    const text = JSON.stringify(safe);
    assert.ok(!text.includes(PHONE) && !text.includes(NAME) && !text.includes('9876'), text);
    assert.equal(safe.query, 'insert into "plans" ("category") values ($1)');
    assert.equal(safe.cause?.code, '23505');
    assert.equal(safe.cause?.constraint, 'plans_category_number_uq');
    assert.equal(safe.cause?.table, 'plans');
    assert.match(safe.stack ?? '', /^DrizzleQueryError: Failed query\n\s+at /);
    assert.match(safeErrorText(err), /23505 .*plans_category_number_uq/);
  });

  it('scrubs values a message may still hold, and nothing else', () => {
    assert.equal(scrubText(`invalid input syntax for type integer: "${PHONE}"`), 'invalid input syntax for type integer: "[redacted]"');
    assert.equal(scrubText(`Recipient <${EMAIL}> rejected; call 01098765432`), 'Recipient <[redacted]> rejected; call [redacted]');
    assert.equal(scrubText('connect ECONNREFUSED 127.0.0.1:5432'), 'connect ECONNREFUSED 127.0.0.1:5432');
    assert.equal(scrubText('value too long for type character varying(20)'), 'value too long for type character varying(20)');
  });
});

for (const kind of DB_KINDS) {
  describe(`error logs on ${kind}`, () => {
    let t: TestApp;
    const lines: string[] = [];
    const logged = () => lines.join('');

    before(async () => {
      t = await openTestApp(kind, { logLevel: 'trace', logStream: { write: (line: string) => void lines.push(line) } });
      // A test-only route that fails in SQL with personal data bound as parameters.
      t.app.post('/api/test/sql-error/:how', { config: { policy: PUBLIC } }, async (req) => {
        const how = (req.params as { how: string }).how;
        if (how === 'cast') await t.app.db.execute(sql`select ${NAME}::text as name, ${PHONE}::int as phone`);
        const row = {
          category: PHONE,
          number: 1,
          pledge: NAME,
          title: EMAIL,
          periodStart: 2024,
          periodEnd: 2025,
          totalBudgetKrw: 0,
          budgetUnit: '억원',
          budgetYears: [2024],
          effects: [],
          importWarnings: [],
        };
        await t.app.db.insert(plans).values(row);
        await t.app.db.insert(plans).values(row); // unique violation: Key (category, number)=(010-…, 1)
        return { ok: true };
      });
    });
    after(() => t.close());

    const absent = (text: string) => {
      for (const secret of [PHONE, NAME, EMAIL, '9876-5432', '01098765432']) assert.ok(!text.includes(secret), `${secret} in the log:\n${text}`);
    };

    it('logs an unhandled SQL error as code, constraint, table and query text, without params or detail, and answers a bare 500', async () => {
      for (const how of ['cast', 'unique']) {
        const before = lines.length;
        const res = await t.app.inject({ method: 'POST', url: `/api/test/sql-error/${how}`, headers: { origin: ORIGIN } });
        assert.equal(res.statusCode, 500, res.body);
        absent(res.body);
        const written = lines.slice(before).join('');
        assert.match(written, /unhandled error/);
        assert.match(written, /"query":"(select|insert into)/);
        absent(written);
        if (how === 'unique') {
          assert.match(written, /"code":"23505"/);
          assert.match(written, /"constraint":"plans_category_number_uq"/);
        } else assert.match(written, /"code":"22P02"/);
      }
      await t.database.db.execute(sql`delete from plans where category = ${PHONE}`);
    });

    it('logs a failing job and a failing outbox pass without the values of the query', async () => {
      // A database handle whose every query fails as a unique violation carrying personal data.
      const failure = () =>
        Object.assign(new Error(`Failed query: update "registrations" set "phone" = $1 where "name" = $2\nparams: ${PHONE},${NAME}`), {
          name: 'DrizzleQueryError',
          query: 'update "registrations" set "phone" = $1 where "name" = $2',
          params: [PHONE, NAME],
          cause: Object.assign(new Error('duplicate key value violates unique constraint "registrations_live_phone_uq"'), {
            code: '23505',
            detail: `Key (pool_id, phone)=(1, ${PHONE}) already exists.`,
            constraint: 'registrations_live_phone_uq',
            table: 'registrations',
          }),
        });
      const failing = new Proxy(
        {},
        {
          get: () => () => {
            throw failure();
          },
        },
      ) as unknown as Db;
      const before = lines.length;
      const stopJobs = startJobs(failing, t.app.log);
      const worker = startOutboxWorker({ db: failing, channels: {} as Channels, log: t.app.log, pollMs: 60_000 });
      await worker.poke();
      await worker.stop();
      stopJobs();
      await new Promise((r) => setTimeout(r, 50));
      const written = lines.slice(before).join('');
      assert.match(written, /job failed/);
      assert.match(written, /outbox pass failed/);
      assert.match(written, /registrations_live_phone_uq/);
      absent(written);
    });

    it('never logged a value, on any line of this suite', () => absent(logged()));
  });
}
