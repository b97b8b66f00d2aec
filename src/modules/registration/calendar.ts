/**
 * The calendar file attached to a confirmation e-mail (RFC 5545): one VEVENT for the session or
 * event the registrant has a place at, built when the message is sent (notifications/attachments.ts,
 * `attach: "registration.calendar"` in the message's meta with the registration's id), so it shows
 * the time and place as they are then. A pool's owner may give its own calendar (`PoolOwner.calendar`,
 * the one its public .ics export serves); otherwise `registrationCalendar` writes one from the
 * subject with the same builder as the public .ics exports (src/server/calendar.ts), so it carries
 * the same UID (`academy-session-<id>@finhub.jeonju.go.kr`, `event-<id>@…`, never the address),
 * SEQUENCE and LAST-MODIFIED as the export: a calendar holding either updates the one entry.
 * Texts are escaped and folded there.
 */
import { eq } from 'drizzle-orm';
import { bothLine, calendarText } from '../../server/calendar.ts';
import { registerAttachments } from '../notifications/attachments.ts';
import { calendarOf } from './engine/pools.ts';
import type { PoolSubject } from './messages.ts';
import { capacityPools, registrations } from './schema.ts';

export const REGISTRATION_CALENDAR = 'registration.calendar';

const UID_PREFIX: Record<string, string> = { academy_session: 'academy-session', event_category: 'event' };
const DEFAULT_LENGTH_MS = 2 * 60 * 60 * 1000;

/** The .ics text for a registrant's calendar: the thing they registered for. */
export function registrationCalendar(subject: PoolSubject, ownerKind: string, publicUrl: string): string {
  const summary = subject.title.en === subject.title.ko ? bothLine(subject.title.ko, null) : bothLine(subject.title.ko, subject.title.en);
  return calendarText(
    summary,
    {
      uid: `${UID_PREFIX[ownerKind] ?? ownerKind.replace(/[^a-z0-9-]/gi, '-')}-${subject.ownerId}`,
      start: subject.startsAt,
      end: subject.endsAt ?? new Date(subject.startsAt.getTime() + DEFAULT_LENGTH_MS),
      summary,
      description: null,
      location: subject.venue || null,
      url: publicUrl,
      status: 'confirmed',
      sequence: subject.sequence ?? 0,
      modifiedAt: subject.modifiedAt ?? new Date(),
    },
    { publish: true },
  );
}

registerAttachments(REGISTRATION_CALENDAR, async (db, meta) => {
  const id = Number(meta.registrationId);
  const publicUrl = typeof meta.publicUrl === 'string' ? meta.publicUrl : null;
  if (!Number.isInteger(id) || !publicUrl) return [];
  const [row] = await db.select({ pool: capacityPools }).from(registrations).innerJoin(capacityPools, eq(capacityPools.id, registrations.poolId)).where(eq(registrations.id, id));
  if (!row) return [];
  const ics = await calendarOf(db, row.pool, publicUrl, registrationCalendar);
  return [{ filename: 'invitation.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: Buffer.from(ics, 'utf8') }];
});
