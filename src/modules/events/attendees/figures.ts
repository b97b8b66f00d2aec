/** Attendance figures of an event. */
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/executor.ts';
import type { EventFiguresSchema } from '../attendee-api-schema.ts';
import { loadEvent } from '../core/event-row.ts';
import type { AttendeeRow } from '../presenters.ts';
import { eventCategories } from '../schema.ts';
import { attendeeRows } from './listing.ts';

type Figures = z.infer<typeof EventFiguresSchema>;

/** Registered (confirmed, incl. checked in) vs attended (checked in), by category and by country; no-show rate in %. */
export async function eventFigures(db: Executor, eventId: number): Promise<Figures> {
  await loadEvent(db, eventId);
  const rows = (await attendeeRows(db, eventId)).filter(({ r }) => r.status === 'confirmed');
  const roll = (list: AttendeeRow[]) => {
    const registered = list.length;
    const attended = list.filter(({ r }) => r.checkedInAt).length;
    const noShow = registered - attended;
    return { registered, attended, noShow, noShowRate: registered ? Math.round((noShow / registered) * 1000) / 10 : null };
  };
  const group = <K extends string | null>(key: (a: AttendeeRow) => K) => {
    const m = new Map<K, AttendeeRow[]>();
    for (const a of rows) m.set(key(a), [...(m.get(key(a)) ?? []), a]);
    return [...m.entries()];
  };
  const categories = (
    await db.select({ category: eventCategories.category }).from(eventCategories).where(eq(eventCategories.eventId, eventId)).orderBy(asc(eventCategories.id))
  ).map((c) => c.category);
  return {
    total: roll(rows),
    byCategory: categories.map((category) => ({ category, ...roll(rows.filter((a) => a.category === category)) })),
    byCountry: group((a) => a.er.country)
      .map(([country, list]) => ({ country, ...roll(list) }))
      .sort((a, b) => b.registered - a.registered || String(a.country).localeCompare(String(b.country))),
  };
}
