/**
 * Who sees which series, meeting and action item. City staff see all; a `partner` account sees
 * only the series shared with its organisation (and their meetings), and changes only action
 * items its organisation owns — anything else is refused with OTHER_ORGANISATION (403).
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { AppError, notFound } from '../../../server/errors.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { meetings, meetingSeries, meetingSeriesOrganisations } from '../meetings-schema.ts';

export type Viewer = Pick<SessionUser, 'id' | 'role' | 'organisationId'>;

/** The organisation a viewer is confined to: null for city staff; a partner without one sees nothing (-1). */
export const confinedTo = (v: Viewer): number | null => (v.role === 'partner' ? (v.organisationId ?? -1) : null);

export const otherOrganisation = () =>
  new AppError('OTHER_ORGANISATION', {
    ko: '다른 기관의 협의 또는 조치사항입니다. 소속 기관의 것만 보고 바꿀 수 있습니다.',
    en: 'This belongs to another organisation: a partner account sees and changes only its own organisation’s meetings and action items.',
  });

async function sharedWith(db: Executor, seriesId: number, organisationId: number): Promise<boolean> {
  const rows = await db
    .select({ s: meetingSeriesOrganisations.seriesId })
    .from(meetingSeriesOrganisations)
    .where(and(eq(meetingSeriesOrganisations.seriesId, seriesId), eq(meetingSeriesOrganisations.organisationId, organisationId)));
  return rows.length > 0;
}

export async function loadSeries(db: Executor, id: number, viewer: Viewer) {
  const [s] = await db.select().from(meetingSeries).where(eq(meetingSeries.id, id));
  if (!s) throw notFound({ ko: `협의체 ${id}`, en: `Meeting series ${id}` });
  const org = confinedTo(viewer);
  if (org !== null && !(await sharedWith(db, id, org))) throw otherOrganisation();
  return s;
}

export async function loadMeeting(db: Executor, id: number, viewer: Viewer, opts: { lock?: boolean } = {}) {
  const q = db.select().from(meetings).where(eq(meetings.id, id));
  const [m] = opts.lock ? await q.for('update') : await q;
  if (!m) throw notFound({ ko: `회의 ${id}`, en: `Meeting ${id}` });
  const org = confinedTo(viewer);
  if (org !== null && !(await sharedWith(db, m.seriesId, org))) throw otherOrganisation();
  return m;
}
