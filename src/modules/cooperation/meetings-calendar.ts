/**
 * A meeting's invitation as iCalendar (RFC 5545 / iTIP RFC 5546): METHOD:REQUEST, the city as
 * ORGANIZER, every attendee with an e-mail as ATTENDEE (RSVP), SEQUENCE raised with each sending
 * so calendars replace the earlier copy. Times in UTC. Texts on one line (`oneLine`); the
 * calendar NAME is escaped here, as ical-generator writes it raw (see events/event-calendar.ts).
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { cleanLines, oneLine } from '../../server/text.ts';
import type { meetingAgendaItems, meetingAttendees, meetings, meetingSeries } from './meetings-schema.ts';

const PROD_ID = { company: 'Jeonju City', product: 'finhub', language: 'KO' };

const both = (ko: string | null, en: string | null) =>
  [ko, en]
    .map((s) => (s ? oneLine(s).trim() : ''))
    .filter((s) => s.length > 0)
    .join(' / ');

export interface InvitationInput {
  meeting: typeof meetings.$inferSelect;
  series: typeof meetingSeries.$inferSelect;
  attendees: (typeof meetingAttendees.$inferSelect)[];
  agenda: (typeof meetingAgendaItems.$inferSelect)[];
  organizer: { name: string; email: string };
  host: string;
  publicUrl: string;
}

export function meetingInvitation({ meeting: m, series: s, attendees, agenda, organizer, host, publicUrl }: InvitationInput): string {
  const title = both(s.titleKo, s.titleEn);
  const cal = ical({ prodId: PROD_ID, method: ICalCalendarMethod.REQUEST, name: oneLine(title).replace(/[\\;,]/g, (c) => `\\${c}`) });
  const lines = [
    agenda.length ? '안건 / Agenda:' : null,
    ...agenda.map((a, i) => `${i + 1}. ${both(a.titleKo, a.titleEn)}${a.presenter ? ` (${oneLine(a.presenter)})` : ''}${a.minutesAllotted ? ` ${a.minutesAllotted}′` : ''}`),
    m.videoUrl ? `화상 / Video: ${oneLine(m.videoUrl)}` : null,
    `${publicUrl}/staff/meetings/${m.id}`,
  ].filter((l): l is string => !!l);
  cal.createEvent({
    id: `meeting-${m.id}@${host}`,
    sequence: m.invitationSequence,
    start: m.startsAt,
    end: m.endsAt,
    summary: title,
    description: cleanLines(lines.join('\n')),
    location: both(m.venueKo, m.venueEn) || (m.videoUrl ? oneLine(m.videoUrl) : null),
    url: `${publicUrl}/staff/meetings/${m.id}`,
    status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: m.updatedAt,
    organizer,
    attendees: attendees
      .filter((a) => a.email)
      .map((a) => ({ email: a.email!, name: oneLine(a.name), role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: true })),
  });
  return cal.toString();
}
