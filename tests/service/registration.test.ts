/**
 * The registration engine's rules, called directly on a real database (no HTTP): seats and the
 * waiting list, duplicate phones, cancelling by token, offers and their expiry, staff decisions on
 * held registrations, and the refusals with their domain codes.
 */
import { offerDeadline } from '../../src/modules/registration/engine/offer-deadline.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { capacityPools, registrations } from '../../src/modules/registration/schema.ts';
// The engine's use cases, one file each (src/modules/registration/engine/).
import { decidePending } from '../../src/modules/registration/engine/approval.ts';
import { cancelByToken, statusByToken } from '../../src/modules/registration/engine/by-token.ts';
import { acceptOffer, expireOffers } from '../../src/modules/registration/engine/offers.ts';
import { createPool, poolTarget, type PoolInput } from '../../src/modules/registration/engine/pools.ts';
import { register, type RegisterInput } from '../../src/modules/registration/engine/register.ts';
import { updatePool } from '../../src/modules/registration/engine/update-pool.ts';
import { AppError, type ErrorCode } from '../../src/server/errors.ts';
import { DB_KINDS } from '../support/db.ts';
import { auditActions, openServiceTest, rows, type ServiceTest } from '../support/service.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const later = (ms: number) => new Date(Date.now() + ms);
let seq = 1000;
const nextPhone = () => `010-5555-${String(seq++).padStart(4, '0')}`;

/** Rejects with an AppError of the code (and, when given, naming the field). */
async function refused(promise: Promise<unknown>, code: ErrorCode, field?: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof AppError, `an AppError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (field)
      assert.deepEqual(
        e.fields?.map((f) => f.field),
        [field],
      );
    return true;
  });
}

for (const kind of DB_KINDS) {
  describe(`registration engine services on ${kind}`, () => {
    let s: ServiceTest;
    before(async () => {
      s = await openServiceTest(kind);
    });
    after(() => s?.close());

    const newPool = (over: Partial<PoolInput> = {}) =>
      createPool(s.db, 'service_test', { capacity: 1, opensAt: later(-HOUR), closesAt: later(24 * HOUR), startsAt: later(48 * HOUR), ...over });
    const registerIn = async (poolId: number, over: Partial<RegisterInput> = {}) =>
      register(s.db, s.engine, s.actor, await poolTarget(s.db, poolId), { name: '신청자', phone: nextPhone(), consent: true, consentVersion: 'v1', waitlist: true, ...over });
    const statusOf = async (id: number) => (await s.db.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, id)))[0]!.status;
    const counts = async (poolId: number) => {
      const [p] = await s.db.select({ taken: capacityPools.taken, waiting: capacityPools.waiting }).from(capacityPools).where(eq(capacityPools.id, poolId));
      return p!;
    };
    /** The kinds of the messages queued about a registration, oldest first. */
    const messages = async (registrationId: number) =>
      (await rows<{ kind: string }>(s.db, sql`select kind from outbox where meta->>'registrationId' = ${String(registrationId)} order by id`)).map((r) => r.kind);

    it('confirms while seats are free, then waitlists in order; full without the waiting list is refused', async () => {
      const pool = await newPool({ capacity: 2 });
      const a = await registerIn(pool.id);
      const b = await registerIn(pool.id);
      const c = await registerIn(pool.id);
      const d = await registerIn(pool.id);
      assert.deepEqual(
        [a, b, c, d].map((r) => r.registration?.status),
        ['confirmed', 'confirmed', 'waitlisted', 'waitlisted'],
      );
      assert.deepEqual(
        [a, b, c, d].map((r) => r.waitlistPosition),
        [null, null, 1, 2],
      );
      assert.match(a.links!.statusUrl, /^http:\/\/finhub\.test\/registrations\/[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(await counts(pool.id), { taken: 2, waiting: 2 });
      assert.deepEqual(await messages(a.registration!.id), ['registration.confirmed']);
      assert.deepEqual(await messages(c.registration!.id), ['registration.waitlisted']);
      await refused(registerIn(pool.id, { waitlist: false }), 'REGISTRATION_FULL');
      const closedList = await newPool({ capacity: 1, waitlistEnabled: false });
      await registerIn(closedList.id);
      await refused(registerIn(closedList.id), 'REGISTRATION_FULL_NO_WAITLIST');
      assert.deepEqual(await counts(closedList.id), { taken: 1, waiting: 0 });
    });

    it('refuses outside the window, a cancelled pool, a bad phone and a missing consent', async () => {
      await refused(registerIn((await newPool({ opensAt: later(HOUR), closesAt: later(2 * HOUR) })).id), 'REGISTRATION_NOT_OPEN');
      await refused(registerIn((await newPool({ opensAt: later(-2 * HOUR), closesAt: later(-HOUR) })).id), 'REGISTRATION_CLOSED');
      const pool = await newPool({ capacity: 5 });
      const kept = await registerIn(pool.id);
      await s.db.transaction((tx) => updatePool(tx, s.engine, pool.id, { cancelled: true }));
      assert.deepEqual(await messages(kept.registration!.id), ['registration.confirmed', 'registration.pool_cancelled']);
      await refused(registerIn(pool.id), 'SESSION_CANCELLED');
      const open = await newPool();
      await refused(registerIn(open.id, { phone: '12345' }), 'VALIDATION_FAILED', 'phone');
      await refused(registerIn(open.id, { consent: false as true }), 'VALIDATION_FAILED', 'consent');
      assert.deepEqual(await counts(open.id), { taken: 0, waiting: 0 });
    });

    it('a phone already registered in the pool registers nothing; its owner is texted once an hour, every attempt audited', async () => {
      const pool = await newPool({ capacity: 3 });
      const phone = nextPhone();
      const first = await registerIn(pool.id, { phone });
      const again = await registerIn(pool.id, { phone: phone.replaceAll('-', ''), name: '다른 사람' });
      const third = await registerIn(pool.id, { phone });
      assert.deepEqual(
        [again, third],
        [
          { registration: null, token: null, links: null, waitlistPosition: null },
          { registration: null, token: null, links: null, waitlistPosition: null },
        ],
      );
      const inPool = await s.db.select().from(registrations).where(eq(registrations.poolId, pool.id));
      assert.equal(inPool.length, 1);
      assert.deepEqual(await messages(first.registration!.id), ['registration.confirmed', 'registration.duplicate_attempt']);
      const audits = await rows<{ after: { ownerTold: boolean } }>(
        s.db,
        sql`select after from audit_log where action = 'registration.duplicate_attempt' and entity_id = ${String(first.registration!.id)} order by id`,
      );
      assert.deepEqual(
        audits.map((a) => a.after.ownerTold),
        [true, false],
      );
      // Once cancelled, the phone may register again.
      await cancelByToken(s.db, s.engine, s.actor, first.token!);
      assert.equal((await registerIn(pool.id, { phone })).registration?.status, 'confirmed');
    });

    it('cancelling by token frees the seat for the first on the waiting list (an offer), idempotently; the offer is accepted', async () => {
      const pool = await newPool({ capacity: 1, offerTtlMinutes: 30 });
      const a = await registerIn(pool.id);
      const b = await registerIn(pool.id);
      const c = await registerIn(pool.id);
      const before = Date.now();
      const cancelled = await cancelByToken(s.db, s.engine, s.actor, a.token!);
      assert.equal(cancelled.status, 'cancelled');
      assert.deepEqual([await statusOf(b.registration!.id), await statusOf(c.registration!.id)], ['offered', 'waitlisted']);
      const offer = await statusByToken(s.db, b.token!);
      const deadline = offer.registration.offerExpiresAt!.getTime();
      // The pool's offer time, moved out of the night in Seoul (offer-deadline.ts) when it ends there.
      assert.ok(
        deadline >= offerDeadline(new Date(before), 30, pool.startsAt).getTime() && deadline <= offerDeadline(new Date(), 30, pool.startsAt).getTime(),
        'the offer runs for the pool’s offer time',
      );
      assert.equal((await statusByToken(s.db, c.token!)).waitlistPosition, 1);
      assert.deepEqual(await messages(a.registration!.id), ['registration.confirmed', 'registration.cancelled']);
      assert.deepEqual(await messages(b.registration!.id), ['registration.waitlisted', 'registration.offered']);
      assert.deepEqual(await auditActions(s.db, 'registration', b.registration!.id), ['registration.create', 'registration.offered']);
      assert.deepEqual(await auditActions(s.db, 'registration', a.registration!.id), ['registration.create', 'registration.cancel']);
      // Again: nothing more happens.
      assert.equal((await cancelByToken(s.db, s.engine, s.actor, a.token!)).status, 'cancelled');
      assert.deepEqual(await messages(a.registration!.id), ['registration.confirmed', 'registration.cancelled']);
      assert.equal(await statusOf(c.registration!.id), 'waitlisted');
      // The waitlisted one cannot accept; the offered one can.
      await refused(acceptOffer(s.db, s.engine, s.actor, c.token!), 'NO_OFFER');
      assert.equal((await acceptOffer(s.db, s.engine, s.actor, b.token!)).status, 'confirmed');
      assert.deepEqual(await counts(pool.id), { taken: 1, waiting: 1 });
      await refused(cancelByToken(s.db, s.engine, s.actor, 'x'.repeat(43)), 'NOT_FOUND');
    });

    it('an offer past its deadline expires with the job and passes to the next; it can no longer be accepted', async () => {
      const pool = await newPool({ capacity: 1, offerTtlMinutes: 5 });
      const a = await registerIn(pool.id);
      const b = await registerIn(pool.id);
      const c = await registerIn(pool.id);
      await cancelByToken(s.db, s.engine, s.actor, a.token!);
      // The deadline is read, not assumed: offers do not lapse at night in Seoul (22:00–08:00).
      const deadline = (await statusByToken(s.db, b.token!)).registration.offerExpiresAt!.getTime();
      assert.equal(await expireOffers(s.db, s.engine, new Date(deadline - MINUTE)), 0, 'not yet due');
      assert.equal(await statusOf(b.registration!.id), 'offered');
      const now = new Date(deadline + MINUTE);
      assert.equal(await expireOffers(s.db, s.engine, now), 1);
      assert.deepEqual([await statusOf(b.registration!.id), await statusOf(c.registration!.id)], ['expired', 'offered']);
      const next = await statusByToken(s.db, c.token!);
      assert.equal(next.registration.offerExpiresAt!.getTime(), offerDeadline(now, 5, pool.startsAt).getTime(), 'the next offer runs from the expiry');
      assert.deepEqual(await messages(b.registration!.id), ['registration.waitlisted', 'registration.offered', 'registration.offer_expired']);
      assert.deepEqual(await auditActions(s.db, 'registration', b.registration!.id), ['registration.create', 'registration.offered', 'registration.expire']);
      await refused(acceptOffer(s.db, s.engine, s.actor, b.token!), 'OFFER_EXPIRED');
      await refused(cancelByToken(s.db, s.engine, s.actor, b.token!), 'OFFER_EXPIRED');
      assert.deepEqual(await counts(pool.id), { taken: 1, waiting: 0 });
    });

    it('a held registration takes no seat; staff approve it into a seat or the waiting list, or refuse it, once', async () => {
      const pool = await newPool({ capacity: 1 });
      const held = [await registerIn(pool.id, { hold: true }), await registerIn(pool.id, { hold: true })];
      const third = await registerIn(pool.id, { hold: true });
      assert.deepEqual(
        [...held, third].map((r) => r.registration!.status),
        ['pending', 'pending', 'pending'],
      );
      assert.deepEqual(await counts(pool.id), { taken: 0, waiting: 0 });
      const decide = (id: number, approve: boolean) => s.db.transaction((tx) => decidePending(tx, s.engine, s.actor, id, approve));
      assert.equal((await decide(held[0]!.registration!.id, true)).status, 'confirmed');
      assert.equal((await decide(held[1]!.registration!.id, true)).status, 'waitlisted', 'approved when full: the waiting list');
      assert.equal((await decide(third.registration!.id, false)).status, 'cancelled');
      assert.deepEqual(await counts(pool.id), { taken: 1, waiting: 1 });
      assert.deepEqual(await messages(third.registration!.id), ['registration.pending', 'registration.rejected']);
      assert.deepEqual(await auditActions(s.db, 'registration', held[0]!.registration!.id), ['registration.create', 'registration.approve']);
      await refused(decide(held[0]!.registration!.id, false), 'REGISTRATION_NOT_PENDING');
      await refused(decide(999_999, true), 'NOT_FOUND');
      // Without a waiting list, approving into a full pool is refused and changes nothing.
      const noList = await newPool({ capacity: 1, waitlistEnabled: false });
      await registerIn(noList.id);
      const late = await registerIn(noList.id, { hold: true });
      await refused(decide(late.registration!.id, true), 'REGISTRATION_FULL_NO_WAITLIST');
      assert.equal(await statusOf(late.registration!.id), 'pending');
    });

    it('capacity may grow (offering seats in order) but not drop below the seats taken', async () => {
      const pool = await newPool({ capacity: 1 });
      await registerIn(pool.id);
      const w = [await registerIn(pool.id), await registerIn(pool.id), await registerIn(pool.id)];
      await s.db.transaction((tx) => updatePool(tx, s.engine, pool.id, { capacity: 3 }));
      assert.deepEqual(await Promise.all(w.map((r) => statusOf(r.registration!.id))), ['offered', 'offered', 'waitlisted']);
      await refused(
        s.db.transaction((tx) => updatePool(tx, s.engine, pool.id, { capacity: 2 })),
        'CAPACITY_BELOW_TAKEN',
        'capacity',
      );
      assert.equal((await s.db.select({ capacity: capacityPools.capacity }).from(capacityPools).where(eq(capacityPools.id, pool.id)))[0]!.capacity, 3);
    });
  });
}
