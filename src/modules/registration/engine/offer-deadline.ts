/**
 * When a waiting-list offer runs out. Offers never expire at night in Seoul: a deadline that
 * would fall from 22:00 to 08:00 (Asia/Seoul, which has no daylight saving: UTC+9 all year)
 * moves to 08:00 that morning, so nobody loses a place while asleep. The deadline is never after
 * the start of the thing offered.
 */
const HOUR = 60 * 60 * 1000;
const SEOUL_OFFSET = 9 * HOUR;
/** Offers do not run out from NIGHT_START to NIGHT_END o'clock, Seoul time. */
const NIGHT_START = 22;
const NIGHT_END = 8;

/** `at` moved out of the night (22:00–08:00 Seoul) to the next 08:00; unchanged in the day. */
export function outOfTheNight(at: Date): Date {
  const local = new Date(at.getTime() + SEOUL_OFFSET); // its UTC fields read as Seoul's wall clock
  const hour = local.getUTCHours();
  if (hour >= NIGHT_END && hour < NIGHT_START) return at;
  const morning = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + (hour >= NIGHT_START ? 1 : 0), NIGHT_END) - SEOUL_OFFSET;
  return new Date(morning);
}

/** The deadline of an offer made at `now`: now + ttl, out of the night, never past the start. */
export function offerDeadline(now: Date, ttlMinutes: number, startsAt: Date): Date {
  const deadline = outOfTheNight(new Date(now.getTime() + ttlMinutes * 60_000));
  return deadline.getTime() > startsAt.getTime() ? startsAt : deadline;
}
