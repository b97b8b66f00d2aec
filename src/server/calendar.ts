/**
 * iCalendar (RFC 5545) building blocks shared by every calendar finhub writes (events, programme
 * items, academy sessions), with ical-generator. Times are UTC (…Z).
 *
 * - Every text is made safe whatever the database holds: titles, rooms and venues on one line
 *   (`oneLine`: control characters folded to a space), descriptions with line feeds only
 *   (`cleanLines`). ical-generator escapes SUMMARY, DESCRIPTION, LOCATION and URL (backslash,
 *   ";", "," and line breaks) but writes the calendar's NAME and X-WR-CALNAME as given — a title
 *   holding CR LF then started a line of its own, e.g. a whole VEVENT of the sender's choosing —
 *   so those are escaped here (`calendarName`).
 * - Every line ends with CR LF (the last one too) and is folded at 75 octets (ical-generator folds
 *   by UTF-8 octets, never inside a character).
 * - UIDs name the object, never the address the server is reached at (`calendarUid`): a changed
 *   FINHUB_PUBLIC_URL must not turn a saved entry into a second one.
 * - SEQUENCE counts the changes of time, place or status (a column on each row, raised by the
 *   use case that reschedules), and LAST-MODIFIED / DTSTAMP carry the row's last change, so
 *   Outlook, Apple and Google Calendar replace the entry they hold instead of keeping the old one.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { cleanLines, oneLine } from './text.ts';

const PROD_ID = { company: 'Jeonju City', product: 'finhub', language: 'KO' };

/** The fixed domain of every UID: the city's, whatever address the server answers at. */
const UID_DOMAIN = 'finhub.jeonju.go.kr';

const calendarUid = (local: string) => `${local}@${UID_DOMAIN}`;

/** "한국어 / English" on one line. */
export const bothLine = (ko: string | null, en: string | null) =>
  [ko, en]
    .map((s) => (s ? oneLine(s).trim() : ''))
    .filter((s) => s.length > 0)
    .join(' / ');

/** Korean and English descriptions, one after the other, line feeds kept. */
export const bothText = (ko: string | null, en: string | null) =>
  [ko, en]
    .map((s) => (s ? cleanLines(s).trim() : ''))
    .filter((s) => s.length > 0)
    .join(' / ');

/** RFC 5545 §3.3.11 TEXT, for the properties ical-generator does not escape: \\ ; , escaped, on one line. */
function calendarName(s: string): string {
  return oneLine(s).replace(/[\\;,]/g, (c) => `\\${c}`);
}

export interface CalendarEntry {
  /** The local part of the UID ("event-3"); the domain is always UID_DOMAIN. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string | null;
  location: string | null;
  url: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  /** Raised on every change of time, place or status. */
  sequence: number;
  /** When the row last changed: LAST-MODIFIED and DTSTAMP. */
  modifiedAt: Date;
}

const STATUS = { confirmed: ICalEventStatus.CONFIRMED, tentative: ICalEventStatus.TENTATIVE, cancelled: ICalEventStatus.CANCELLED } as const;

/** A calendar of one VEVENT, as text (CR LF lines, folded); `publish` adds METHOD:PUBLISH (an e-mail attachment, RFC 5546). */
export function calendarText(name: string, e: CalendarEntry, opts: { publish?: boolean } = {}): string {
  const cal = ical({ prodId: PROD_ID, name: calendarName(name), ...(opts.publish ? { method: ICalCalendarMethod.PUBLISH } : {}) });
  cal.createEvent({
    id: calendarUid(e.uid),
    sequence: e.sequence,
    start: e.start,
    end: e.end,
    summary: oneLine(e.summary),
    description: e.description === null ? null : cleanLines(e.description),
    location: e.location === null ? null : oneLine(e.location),
    url: oneLine(e.url),
    status: STATUS[e.status],
    stamp: e.modifiedAt,
    lastModified: e.modifiedAt,
  });
  // ical-generator leaves the last line without its CR LF; RFC 5545 §3.1 ends every content line with one.
  return `${cal.toString()}\r\n`;
}
