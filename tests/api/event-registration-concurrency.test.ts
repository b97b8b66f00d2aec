/**
 * An event category's capacity under a rush, through the real HTTP API on a listening server:
 * 200 at once for 20 seats on PostgreSQL gives exactly 20 confirmed; an invitation code's uses
 * hold under concurrency; 20 staff scanning one ticket record one check-in. A smaller rush on PGlite.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { events } from '../../src/modules/events/schema.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { staffSession, type Session } from '../support/auth.ts';
import { postJson } from '../support/http.ts';
import { registeredAs } from '../support/registrant.ts';
import { DB_KINDS } from '../support/db.ts';
import { rows as queryRows } from '../../src/db/executor.ts';
import type { Json } from '../support/json.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

const RUSHES = [
  { kind: 'postgres', registrants: 200, seats: 20 },
  { kind: 'pglite', registrants: 40, seats: 4 },
] as const;

for (const { kind, registrants, seats } of RUSHES.filter((r) => DB_KINDS.includes(r.kind))) {
  describe(`event category rush on ${kind}: ${registrants} at once for ${seats} seats`, () => {
    let t: TestApp;
    let base: string;
    let agent: http.Agent;
    let eventId: number;
    let manager: Session;
    let vipCategoryId: number;

    before(async () => {
      t = await openTestApp(kind);
      base = await t.app.listen({ host: '127.0.0.1', port: 0 });
      agent = new http.Agent({ keepAlive: true, maxSockets: registrants });
      manager = await staffSession(t, 'manager');
      const [e] = await t.database.db
        .insert(events)
        .values({ kind: 'seminar', titleKo: '금융세미나', startsAt: new Date(Date.now() + 48 * HOUR), endsAt: new Date(Date.now() + 50 * HOUR), published: true })
        .returning();
      eventId = e!.id;
      for (const body of [
        { category: 'general', capacity: seats, waitlist: false },
        { category: 'vip', capacity: 1000, requiresInvitation: true },
      ]) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/events/${eventId}/categories`,
          headers: manager.headers,
          payload: { ...body, opensAt: at(-HOUR), closesAt: at(24 * HOUR) },
        });
        assert.equal(res.statusCode, 201, res.body);
        if (body.category === 'vip') vipCategoryId = res.json().id;
      }
    });
    after(async () => {
      agent.destroy();
      await t.close();
    });

    it('confirms exactly the capacity and refuses the rest with 409, no 5xx', async () => {
      const results = await Promise.all(
        Array.from({ length: registrants }, (_, i) =>
          postJson(agent, base, `/api/events/${eventId}/registrations`, {
            category: 'general',
            name: `참가자${i}`,
            phone: `010-6${String(i).padStart(3, '0')}-${String(i).padStart(4, '0')}`,
            email: `r${i}@example.com`,
            consent: true,
          }),
        ),
      );
      const byStatus = new Map<number, number>();
      for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
      assert.deepEqual([...byStatus].sort(), [
        [201, seats],
        [409, registrants - seats],
      ]);
      const rows = await queryRows<Json>(t.database.db, sql`select status, count(*)::int as n from registrations group by status`);
      assert.deepEqual(
        rows.map((r) => [r.status, Number(r.n)]),
        [['confirmed', seats]],
      );
      const links = await queryRows<Json>(t.database.db, sql`select count(*)::int as n from event_registrations`);
      assert.equal(Number(links[0]!.n), seats);
    });

    it('an invitation code for 5 uses, sent 30 times at once, admits exactly 5', async () => {
      const codes = await t.app.inject({ method: 'POST', url: `/api/events/${eventId}/categories/${vipCategoryId}/codes`, headers: manager.headers, payload: { maxUses: 5 } });
      const code = codes.json().codes[0];
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          postJson(agent, base, `/api/events/${eventId}/registrations`, {
            category: 'vip',
            name: `초청${i}`,
            phone: `010-5${String(i).padStart(3, '0')}-${String(i).padStart(4, '0')}`,
            email: `v${i}@example.com`,
            consent: true,
            invitationCode: code,
          }),
        ),
      );
      assert.equal(results.filter((r) => r.status === 201).length, 5);
      const refused = results.filter((r) => r.status === 400);
      assert.equal(refused.length, 25);
      assert.ok(refused.every((r) => r.json.error.fields[0].field === 'invitationCode'));
    });

    it('20 staff scanning one ticket at once record one check-in', async () => {
      const officer = await staffSession(t, 'officer');
      const reg = await t.app.inject({ method: 'POST', url: `/api/events/${eventId}/categories/${vipCategoryId}/codes`, headers: manager.headers, payload: {} });
      const r = await postJson(agent, base, `/api/events/${eventId}/registrations`, {
        category: 'vip',
        name: '입장객',
        phone: '010-4444-0000',
        email: 'in@example.com',
        consent: true,
        invitationCode: reg.json().codes[0],
      });
      assert.equal(r.status, 201);
      const { token } = await registeredAs(t.database.db, '010-4444-0000');
      const scans = await Promise.all(Array.from({ length: 20 }, () => postJson(agent, base, `/api/events/${eventId}/check-in`, { token }, { cookie: officer.headers.cookie })));
      assert.ok(
        scans.every((s) => s.status === 200),
        JSON.stringify(scans.find((s) => s.status !== 200)),
      );
      assert.equal(scans.filter((s) => !s.json.alreadyCheckedIn).length, 1);
      const audits = await queryRows<Json>(t.database.db, sql`select count(*)::int as n from audit_log where action = 'registration.check_in'`);
      assert.equal(Number(audits[0]!.n), 1);
    });
  });
}
