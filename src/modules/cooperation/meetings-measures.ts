/**
 * The cooperation line's measures (plan/measures.ts), so the plan's action "정례적인 협의 진행"
 * shows measured progress once a manager binds it with a numeric target:
 * - cooperation.meetings_held: meetings that started in the period, have ended and were not cancelled;
 * - cooperation.action_items_closed_on_time: action items due in the period, closed by their due date (Seoul).
 */
import { and, gte, lt, ne, sql } from 'drizzle-orm';
import { registerMeasure } from '../plan/measures.ts';
import { countClosedOnTime } from './meetings/outcomes.ts';
import { meetings } from './meetings-schema.ts';

registerMeasure({
  key: 'cooperation.meetings_held',
  label: { ko: '정례 협의 개최 횟수', en: 'Regular consultations held' },
  unit: '회',
  measure: async (db, { from, to }) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(meetings)
      .where(and(gte(meetings.startsAt, from), lt(meetings.startsAt, to), lt(meetings.endsAt, new Date()), ne(meetings.status, 'cancelled')));
    return Number(row!.n);
  },
});

registerMeasure({
  key: 'cooperation.action_items_closed_on_time',
  label: { ko: '기한 내 완료된 협의 조치사항', en: 'Consultation action items closed on time' },
  unit: '건',
  measure: (db, { from, to }) => countClosedOnTime(db, from, to),
});
