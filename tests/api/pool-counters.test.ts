/**
 * The pools' counts (capacity_pools.taken / .waiting, kept by the trigger of migration 0008) never
 * drift from the rows: random sequences of every engine operation that changes a status —
 * register (seat, line, hold), cancel, accept, expire, approve/refuse, capacity changes, pool
 * cancellation — and a concurrent burst, with the counts compared to count(*) after each step,
 * on PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Database } from '../../src/db/client.ts';
import { SYSTEM_ACTOR } from '../../src/modules/audit/service.ts';
import { decidePending } from '../../src/modules/registration/engine/approval.ts';
import { cancelByToken } from '../../src/modules/registration/engine/by-token.ts';
import { acceptOffer, expireOffers } from '../../src/modules/registration/engine/offers.ts';
import { createPool, poolTarget } from '../../src/modules/registration/engine/pools.ts';
import { register } from '../../src/modules/registration/engine/register.ts';
import type { Pool } from '../../src/modules/registration/engine/state.ts';
import { updatePool } from '../../src/modules/registration/engine/update-pool.ts';
import { DB_KINDS, openTestDatabase } from '../support/db.ts';
import { rows as queryRows } from '../../src/db/executor.ts';

const HOUR = 3_600_000;
const ctx = { publicUrl: 'http://127.0.0.1' };

type Op =
  | { kind: 'register'; phone: number; waitlist: boolean; hold: boolean }
  | { kind: 'cancel' | 'accept' | 'approve' | 'refuse'; which: number }
  | { kind: 'expire' }
  | { kind: 'capacity'; to: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('register' as const), phone: fc.integer({ min: 0, max: 30 }), waitlist: fc.boolean(), hold: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('cancel' as const, 'accept' as const, 'approve' as const, 'refuse' as const), which: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'expire' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('capacity' as const), to: fc.integer({ min: 0, max: 8 }) }) },
);

async function rows<T>(database: Database, q: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(database.db, q);
}

async function assertCounts(database: Database, poolId: number, step: string) {
  const [c] = await rows<{ taken: number; waiting: number; live: number; waitlisted: number }>(
    database,
    sql`select p.taken, p.waiting,
               (select count(*)::int from registrations r where r.pool_id = p.id and r.status in ('confirmed', 'offered')) as live,
               (select count(*)::int from registrations r where r.pool_id = p.id and r.status = 'waitlisted') as waitlisted
        from capacity_pools p where p.id = ${poolId}`,
  );
  assert.deepEqual({ taken: Number(c!.taken), waiting: Number(c!.waiting) }, { taken: Number(c!.live), waiting: Number(c!.waitlisted) }, `after ${step}`);
}

const newPool = (database: Database, capacity: number): Promise<Pool> =>
  createPool(database.db, 'counter_test', {
    capacity,
    opensAt: new Date(Date.now() - HOUR),
    closesAt: new Date(Date.now() + 24 * HOUR),
    startsAt: new Date(Date.now() + 48 * HOUR),
    offerTtlMinutes: 60,
  });

for (const kind of DB_KINDS) {
  describe(`pool counts on ${kind}`, () => {
    let database: Database;
    before(async () => {
      database = await openTestDatabase(kind);
    });
    after(() => database.close());

    it('stay equal to the rows through any sequence of engine operations', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
          run++;
          const pool = await newPool(database, 3);
          const tokens: string[] = [];
          const ids: number[] = [];
          for (const [i, o] of ops.entries()) {
            try {
              if (o.kind === 'register') {
                const r = await register(database.db, ctx, SYSTEM_ACTOR, await poolTarget(database.db, pool.id), {
                  name: `n${o.phone}`,
                  phone: `010${String(run).padStart(4, '0')}${String(o.phone).padStart(4, '0')}`,
                  consent: true,
                  consentVersion: 'test',
                  waitlist: o.waitlist,
                  hold: o.hold,
                });
                // A phone that already had a registration takes nothing (its owner is texted).
                if (r.registration) {
                  tokens.push(r.token!);
                  ids.push(r.registration.id);
                }
              } else if (o.kind === 'cancel' && tokens.length) await cancelByToken(database.db, ctx, SYSTEM_ACTOR, tokens[o.which % tokens.length]!);
              else if (o.kind === 'accept' && tokens.length) await acceptOffer(database.db, ctx, SYSTEM_ACTOR, tokens[o.which % tokens.length]!);
              else if ((o.kind === 'approve' || o.kind === 'refuse') && ids.length)
                await database.db.transaction((tx) => decidePending(tx, ctx, SYSTEM_ACTOR, ids[o.which % ids.length]!, o.kind === 'approve'));
              else if (o.kind === 'expire') {
                await database.db.execute(sql`update registrations set offer_expires_at = now() - interval '1 minute' where pool_id = ${pool.id} and status = 'offered'`);
                await expireOffers(database.db, ctx);
              } else if (o.kind === 'capacity') await database.db.transaction((tx) => updatePool(tx, ctx, pool.id, { capacity: o.to }));
            } catch (e) {
              // Refusals (full, duplicate, not pending, capacity below the taken seats) are part of the game.
              if (!(e as { status?: number }).status || (e as { status: number }).status >= 500) throw e;
            }
            await assertCounts(database, pool.id, `step ${i} ${JSON.stringify(o)}`);
          }
          await database.db.transaction((tx) => updatePool(tx, ctx, pool.id, { cancelled: true }));
          await assertCounts(database, pool.id, 'pool cancelled');
        }),
        { numRuns: 25 },
      );
    });

    it('stay equal to the rows after a concurrent burst of registrations and cancellations', async () => {
      const pool = await newPool(database, 10);
      const target = await poolTarget(database.db, pool.id);
      const first = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          register(database.db, ctx, SYSTEM_ACTOR, target, { name: `b${i}`, phone: `0109${String(i).padStart(7, '0')}`, consent: true, consentVersion: 'test', waitlist: true }),
        ),
      );
      await Promise.all([
        ...first.slice(0, 15).map((r) => cancelByToken(database.db, ctx, SYSTEM_ACTOR, r.token!)),
        ...Array.from({ length: 20 }, (_, i) =>
          register(database.db, ctx, SYSTEM_ACTOR, target, { name: `c${i}`, phone: `0108${String(i).padStart(7, '0')}`, consent: true, consentVersion: 'test', waitlist: true }),
        ),
      ]);
      await assertCounts(database, pool.id, 'the burst');
      const [p] = await rows<{ taken: number; capacity: number }>(database, sql`select taken, capacity from capacity_pools where id = ${pool.id}`);
      assert.equal(Number(p!.taken), Number(p!.capacity), 'every freed seat went to the line');
    });
  });
}
