/** Offers never run out at night in Seoul (22:00–08:00): the deadline moves to 08:00 that morning. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { offerDeadline, outOfTheNight } from '../../src/modules/registration/engine/offer-deadline.ts';

/** A Seoul wall-clock time (UTC+9) as an instant. */
const seoul = (s: string) => new Date(`${s}+09:00`);
const FAR = seoul('2030-01-01T00:00:00');
/** The Seoul hour and minute of an instant. */
const seoulClock = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);

it('a deadline in the day stays; one in the night moves to 08:00 the next morning', () => {
  assert.equal(outOfTheNight(seoul('2026-12-03T08:00:00')).getTime(), seoul('2026-12-03T08:00:00').getTime());
  assert.equal(outOfTheNight(seoul('2026-12-03T14:30:00')).getTime(), seoul('2026-12-03T14:30:00').getTime());
  assert.equal(outOfTheNight(seoul('2026-12-03T21:59:59')).getTime(), seoul('2026-12-03T21:59:59').getTime());
  assert.equal(outOfTheNight(seoul('2026-12-03T22:00:00')).getTime(), seoul('2026-12-04T08:00:00').getTime());
  assert.equal(outOfTheNight(seoul('2026-12-03T23:59:00')).getTime(), seoul('2026-12-04T08:00:00').getTime());
  assert.equal(outOfTheNight(seoul('2026-12-04T00:00:00')).getTime(), seoul('2026-12-04T08:00:00').getTime());
  assert.equal(outOfTheNight(seoul('2026-12-04T03:15:00')).getTime(), seoul('2026-12-04T08:00:00').getTime());
  assert.equal(outOfTheNight(seoul('2026-12-04T07:59:59')).getTime(), seoul('2026-12-04T08:00:00').getTime());
  // Across a month and a year end.
  assert.equal(outOfTheNight(seoul('2026-12-31T23:00:00')).getTime(), seoul('2027-01-01T08:00:00').getTime());
  assert.equal(outOfTheNight(seoul('2027-02-28T22:30:00')).getTime(), seoul('2027-03-01T08:00:00').getTime());
});

it('offerDeadline: now + the offer time, out of the night, never past the start', () => {
  // 20:00 + 24 h → 20:00 next day (day): unchanged.
  assert.equal(offerDeadline(seoul('2026-12-03T20:00:00'), 24 * 60, FAR).getTime(), seoul('2026-12-04T20:00:00').getTime());
  // 23:30 + 24 h → 23:30 next day (night) → 08:00 the day after.
  assert.equal(offerDeadline(seoul('2026-12-03T23:30:00'), 24 * 60, FAR).getTime(), seoul('2026-12-05T08:00:00').getTime());
  // 21:00 + 2 h → 23:00 → 08:00 next morning.
  assert.equal(offerDeadline(seoul('2026-12-03T21:00:00'), 120, FAR).getTime(), seoul('2026-12-04T08:00:00').getTime());
  // The start comes first: the start.
  const start = seoul('2026-12-04T07:00:00');
  assert.equal(offerDeadline(seoul('2026-12-03T21:00:00'), 120, start).getTime(), start.getTime());
});

it('for any instant and offer time, the deadline is never in the night (unless it is the start) and never earlier than asked', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: 5, max: 14 * 24 * 60 }),
      (now, ttl) => {
        const d = offerDeadline(now, ttl, FAR.getTime() > now.getTime() + 30 * 86_400_000 ? FAR : new Date(now.getTime() + 30 * 86_400_000));
        const clock = seoulClock(d);
        assert.ok(clock >= '08:00' && clock < '22:00', `${d.toISOString()} is ${clock} in Seoul`);
        assert.ok(d.getTime() >= now.getTime() + ttl * 60_000);
        assert.ok(d.getTime() - (now.getTime() + ttl * 60_000) <= 10 * 3_600_000, 'moved by at most the night (10 h)');
      },
    ),
    { numRuns: 2000 },
  );
});
