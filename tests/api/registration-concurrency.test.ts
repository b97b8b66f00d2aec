/**
 * The registration rush, through the real HTTP API on a listening server (127.0.0.1): many
 * simultaneous registrations for few seats never overbook, never duplicate and never answer 5xx.
 * 500 for 50 seats on PostgreSQL; a smaller rush on PGlite (single connection, same rules).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession } from '../support/auth.ts';
import { postJson } from '../support/http.ts';
import { DB_KINDS } from '../support/db.ts';
import { rows as queryRows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

const RUSHES = [
  { kind: 'postgres', registrants: 500, seats: 50 },
  { kind: 'pglite', registrants: 120, seats: 12 },
] as const;

for (const { kind, registrants, seats } of RUSHES.filter((r) => DB_KINDS.includes(r.kind))) {
  describe(`registration rush on ${kind}: ${registrants} at once for ${seats} seats`, () => {
    let t: TestApp;
    let base: string;
    let agent: http.Agent;
    let sessionId: number;

    before(async () => {
      t = await openTestApp(kind);
      base = await t.app.listen({ host: '127.0.0.1', port: 0 });
      agent = new http.Agent({ keepAlive: true, maxSockets: registrants });
      const manager = await staffSession(t, 'manager');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/academy/sessions',
        headers: manager.headers,
        payload: {
          title: { ko: '동시 신청 시험' },
          startsAt: at(48 * HOUR),
          endsAt: at(50 * HOUR),
          venue: '시청',
          capacity: seats,
          registrationOpensAt: at(-HOUR),
          registrationClosesAt: at(24 * HOUR),
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      sessionId = res.json().id;
      void ORIGIN;
    });
    after(async () => {
      agent.destroy();
      await t.close();
    });

    it('confirms exactly the capacity, waitlists the rest, no duplicates, no 5xx', async () => {
      const results = await Promise.all(
        Array.from({ length: registrants }, (_, i) =>
          postJson(agent, base, `/api/academy/sessions/${sessionId}/registrations`, {
            name: `신청자${i}`,
            phone: `010-7${String(i).padStart(3, '0')}-${String(i).padStart(4, '0')}`,
            consent: true,
            waitlist: true,
          }),
        ),
      );
      const byStatus = new Map<number, number>();
      for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
      assert.deepEqual([...byStatus], [[201, registrants]], 'every request answered 201');
      assert.ok(
        results.every((r) => r.json.status === 'received'),
        'one answer for all (the statuses go by text message)',
      );

      const rows = await queryRows<Json>(
        t.database.db,
        sql`select status, count(*)::int as n, count(distinct phone)::int as phones from registrations group by status order by status`,
      );
      assert.deepEqual(
        rows.map((r) => [r.status, Number(r.n), Number(r.phones)]),
        [
          ['confirmed', seats, seats],
          ['waitlisted', registrants - seats, registrants - seats],
        ],
      );
      // Each registrant was told their own status.
      const told = await queryRows<Json>(t.database.db, sql`select kind, count(*)::int as n from outbox group by kind order by kind`);
      assert.deepEqual(
        told.map((r) => [r.kind, Number(r.n)]),
        [
          ['registration.confirmed', seats],
          ['registration.waitlisted', registrants - seats],
        ],
      );
      const session = (await t.app.inject(`/api/academy/sessions/${sessionId}`)).json();
      assert.equal(session.seatsLeft, 0);
      assert.equal(session.waitlistLength, registrants - seats);
    });

    it('the same phone sent many times at once registers once, and every answer is the same', async () => {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          postJson(agent, base, `/api/academy/sessions/${sessionId}/registrations`, {
            name: `중복${i}`,
            phone: i % 2 ? '010-9999-0000' : '+82 10 9999 0000',
            consent: true,
            waitlist: true,
          }),
        ),
      );
      assert.equal(results.filter((r) => r.status === 201).length, 30);
      assert.equal(new Set(results.map((r) => JSON.stringify(r.json))).size, 1);
      const rows = await queryRows<Json>(t.database.db, sql`select count(*)::int as n from registrations where phone = '01099990000'`);
      assert.equal(Number(rows[0]!.n), 1);
      const texts = await queryRows<Json>(t.database.db, sql`select count(*)::int as n from outbox where kind = 'registration.duplicate_attempt'`);
      assert.equal(Number(texts[0]!.n), 1, 'the owner is texted once, not 29 times');
    });
  });
}
