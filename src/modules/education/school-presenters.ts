/** The visiting financial school as the API answers it: surveys, applications (masked for staff), classes, the status page. */
import { maskEmail, maskPhone } from '../../server/mask.ts';
import type { SchoolClass, StaffApplication, Survey } from './school-api-schema.ts';
import type { schoolApplications, schoolClasses, schoolSurveys } from './schema.ts';

type SurveyRow = typeof schoolSurveys.$inferSelect;
type ApplicationRow = typeof schoolApplications.$inferSelect;
type ClassRow = typeof schoolClasses.$inferSelect;

export const surveyView = (s: SurveyRow, now: Date): Survey => ({
  id: s.id,
  year: s.year,
  opensAt: s.opensAt.toISOString(),
  closesAt: s.closesAt.toISOString(),
  open: s.opensAt <= now && now < s.closesAt,
  targetSchools: s.targetSchools,
});

export const classView = (c: ClassRow): SchoolClass => ({
  id: c.id,
  applicationId: c.applicationId,
  heldOn: c.heldOn,
  lecturer: c.lecturer,
  classes: c.classes,
  studentsReached: c.studentsReached,
  notes: c.notes,
  evidenceUrl: c.evidenceUrl,
  recordedAt: c.recordedAt?.toISOString() ?? null,
});

/** An application for staff: contact masked, with its classes (from `classes`, any application's). */
export function applicationView(a: ApplicationRow, classes: ClassRow[]): StaffApplication {
  return {
    id: a.id,
    surveyId: a.surveyId,
    status: a.status,
    schoolName: a.schoolName,
    level: a.level,
    teacherName: a.teacherName,
    teacherPhoneMasked: maskPhone(a.teacherPhone),
    teacherEmailMasked: maskEmail(a.teacherEmail),
    grade: a.grade,
    students: a.students,
    preferredDates: a.preferredDates,
    topics: a.topics,
    decisionReason: a.decisionReason,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    classes: classes.filter((c) => c.applicationId === a.id).map(classView),
    createdAt: a.createdAt.toISOString(),
    anonymized: a.anonymizedAt !== null,
  };
}

/** The school's own status page, by the token in its link. */
export const applicationStatusView = (a: ApplicationRow, year: number, classes: ClassRow[]) => ({
  status: a.status,
  schoolName: a.schoolName,
  year,
  decisionReason: a.decisionReason,
  classes: classes.map((c) => ({ heldOn: c.heldOn, lecturer: c.lecturer, classes: c.classes })),
});
