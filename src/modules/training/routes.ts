/**
 * Professional training routes (금융전문인력 양성): courses, cohorts, the public application form
 * and status page, decisions, sessions and attendance (the room's rotating code), assessments,
 * the course evaluation, certificates and their public verification. Job linkage: jobs-routes.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dbId, RECEIVED, ReceivedSchema } from '../../server/api-schema.ts';
import { actorOf, CITY_STAFF, EDITORS, MANAGERS, PUBLIC, STAFF, userOf } from '../../server/auth.ts';
import { setDownloadHeaders } from '../../server/download.ts';
import { publicRateLimitConfig } from '../registration/routes.ts';
import {
  ApplicationBody,
  ApplicationStatusSchema,
  AttendanceBody,
  AttendanceSchema,
  CertificateSchema,
  CheckInCodeSchema,
  CodeParams,
  CohortBody,
  CohortSchema,
  CohortStaffSchema,
  CourseBody,
  CourseSchema,
  DecisionBody,
  EvaluationBody,
  EvaluationResultsSchema,
  IdParams,
  IssueSchema,
  RevokeBody,
  ScoresBody,
  SelfCheckInBody,
  SessionBody,
  SessionSchema,
  StaffApplicationSchema,
  TokenParams,
  VerificationSchema,
} from './api-schema.ts';
import { applicationStatus, apply, decide, listApplications } from './applications.ts';
import { answerEvaluation, evaluationResults, recordScores, sendEvaluation } from './assessments.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { certificateDocument, issueCertificates, revokeCertificate, verifyCertificate, verifyUrl } from './certificates.ts';
import { createCohort, createCourse, getCohort, listCohorts, listCourses } from './courses.ts';
import { attendanceSheet, createSession, currentCode, listSessions, markAttendance, selfCheckIn } from './sessions.ts';

const tags = ['training'];

export interface TrainingRouteOptions {
  publicUrl: string;
  /** Public writes per minute per client address; 0 turns the limit off. */
  publicRateLimit: number;
}

const ApplicationListSchema = z.object({ cohort: CohortStaffSchema, items: z.array(StaffApplicationSchema) });

export const trainingRoutes: FastifyPluginAsyncZod<TrainingRouteOptions> = async (app, { publicUrl, publicRateLimit }) => {
  const rateLimit = publicRateLimitConfig(publicRateLimit);
  const ctx = { publicUrl };

  app.get(
    '/api/training/courses',
    {
      config: { policy: STAFF },
      schema: { operationId: 'listTrainingCourses', summary: 'Courses by track / 교육과정', tags, response: { 200: z.object({ items: z.array(CourseSchema) }) } },
    },
    async () => ({ items: await listCourses(app.db) }),
  );

  app.post(
    '/api/training/courses',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'createTrainingCourse', summary: 'A course with its completion rule / 교육과정 등록', tags, body: CourseBody, response: { 201: CourseSchema } },
    },
    async (req, reply) => reply.status(201).send(await createCourse(app.db, actorOf(req), req.body)),
  );

  app.get(
    '/api/training/cohorts',
    {
      config: { policy: PUBLIC },
      schema: { operationId: 'listTrainingCohorts', summary: 'Cohorts, newest first / 교육 기수', tags, response: { 200: z.object({ items: z.array(CohortSchema) }) } },
    },
    async () => ({ items: await listCohorts(app.db) }),
  );

  app.get(
    '/api/training/cohorts/:id',
    {
      config: { policy: PUBLIC },
      schema: { operationId: 'getTrainingCohort', summary: 'A cohort and its application form texts / 기수 안내', tags, params: IdParams, response: { 200: CohortSchema } },
    },
    async (req) => getCohort(app.db, req.params.id),
  );

  app.post(
    '/api/training/cohorts',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'createTrainingCohort',
        summary: 'A cohort with dates, capacity and application window / 기수 개설',
        tags,
        body: CohortBody,
        response: { 201: CohortSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createCohort(app.db, actorOf(req), req.body)),
  );

  app.post(
    '/api/training/cohorts/:id/applications',
    {
      config: { policy: PUBLIC, rateLimit, errors: ['TRAINING_APPLICATIONS_CLOSED'] },
      schema: {
        operationId: 'applyTraining',
        summary: 'Apply to a cohort (public form; consent required). A second application from the same phone is answered alike / 교육생 지원',
        tags,
        params: IdParams,
        body: ApplicationBody,
        response: { 201: ReceivedSchema },
      },
    },
    async (req, reply) => {
      await apply(app.db, ctx, actorOf(req), req.params.id, req.body);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(RECEIVED);
    },
  );

  app.get(
    '/api/training/applications/:token',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getTrainingApplication',
        summary: "The trainee's status page / 지원 진행 상황",
        tags,
        params: TokenParams,
        response: { 200: ApplicationStatusSchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return applicationStatus(app.db, req.params.token);
    },
  );

  app.post(
    '/api/training/applications/:token/check-in',
    {
      config: { policy: PUBLIC, rateLimit, errors: ['CHECK_IN_CODE_EXPIRED', 'CHECK_IN_CODE_INVALID', 'CHECK_IN_CLOSED', 'TRAINING_APPLICATION_STATE'] },
      schema: {
        operationId: 'selfCheckInTraining',
        summary: "Self check-in with the code on the room's screen (current or previous 30-second code) / 출석 체크",
        tags,
        params: TokenParams,
        body: SelfCheckInBody,
        response: { 200: z.object({ sessionId: dbId(), status: z.literal('present'), alreadyCheckedIn: z.boolean() }) },
      },
    },
    async (req) => selfCheckIn(app.db, actorOf(req), req.params.token, req.body),
  );

  app.post(
    '/api/training/applications/:token/evaluation',
    {
      config: { policy: PUBLIC, rateLimit, errors: ['EVALUATION_NOT_OPEN', 'EVALUATION_ALREADY_ANSWERED'] },
      schema: {
        operationId: 'answerTrainingEvaluation',
        summary: 'Answer the course evaluation once (ratings 1–5) / 교육평가 응답',
        tags,
        params: TokenParams,
        body: EvaluationBody,
        response: { 201: z.object({ id: dbId(), overall: z.number().int() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await answerEvaluation(app.db, actorOf(req), req.params.token, req.body)),
  );

  app.get(
    '/api/training/applications/:token/certificate.pdf',
    {
      config: { policy: PUBLIC, errors: ['CERTIFICATE_REVOKED'] },
      schema: {
        operationId: 'getOwnTrainingCertificatePdf',
        summary: "The trainee's certificate as PDF / 수료증 PDF",
        tags,
        params: TokenParams,
        produces: ['application/pdf'],
        response: { 200: z.unknown() },
      },
    },
    async (req, reply) => {
      const d = await certificateDocument(app.db, { token: req.params.token });
      const body = await certificatePdf(d, verifyUrl(ctx, d.certificate.code));
      setDownloadHeaders(reply, { fileName: `certificate-${d.certificate.code}.pdf`, mimeType: 'application/pdf', sizeBytes: body.length, cache: 'private' });
      return reply.send(body);
    },
  );

  app.get(
    '/api/training/cohorts/:id/applications',
    {
      config: { policy: CITY_STAFF },
      schema: {
        operationId: 'listTrainingApplications',
        summary: 'Applications of a cohort with attendance, scores and certificates (contacts masked) / 지원자 목록',
        tags,
        params: IdParams,
        response: { 200: ApplicationListSchema },
      },
    },
    async (req) => listApplications(app.db, req.params.id),
  );

  app.post(
    '/api/training/applications/:id/decision',
    {
      config: { policy: MANAGERS, errors: ['COHORT_FULL', 'TRAINING_APPLICATION_STATE', 'APPLICATION_PURGED'] },
      schema: {
        operationId: 'decideTrainingApplication',
        summary: 'Select, waitlist, reject or withdraw, with a reason; a freed place goes to the waiting list / 선발 결정',
        tags,
        params: IdParams,
        body: DecisionBody,
        response: { 200: StaffApplicationSchema },
      },
    },
    async (req) => decide(app.db, actorOf(req), userOf(req).id, req.params.id, req.body),
  );

  app.get(
    '/api/training/cohorts/:id/sessions',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'listTrainingSessions',
        summary: 'Sessions of a cohort / 교육 회차',
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(SessionSchema) }) },
      },
    },
    async (req) => ({ items: await listSessions(app.db, req.params.id) }),
  );

  app.post(
    '/api/training/cohorts/:id/sessions',
    {
      config: { policy: MANAGERS },
      schema: { operationId: 'createTrainingSession', summary: 'Add a session / 교육 회차 등록', tags, params: IdParams, body: SessionBody, response: { 201: SessionSchema } },
    },
    async (req, reply) => reply.status(201).send(await createSession(app.db, actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/training/sessions/:id/check-in-code',
    {
      config: { policy: EDITORS },
      schema: {
        operationId: 'getTrainingCheckInCode',
        summary: "The room display's rotating code and QR code (changes every 30 seconds) / 출석 QR",
        tags,
        params: IdParams,
        response: { 200: CheckInCodeSchema },
      },
    },
    async (req) => currentCode(app.db, ctx, req.params.id),
  );

  app.get(
    '/api/training/sessions/:id/attendance',
    {
      config: { policy: CITY_STAFF },
      schema: { operationId: 'getTrainingAttendance', summary: 'Attendance sheet / 출석부', tags, params: IdParams, response: { 200: AttendanceSchema } },
    },
    async (req) => attendanceSheet(app.db, req.params.id),
  );

  app.put(
    '/api/training/sessions/:id/attendance',
    {
      config: { policy: EDITORS },
      schema: {
        operationId: 'markTrainingAttendance',
        summary: 'Mark trainees present or absent (with a reason) / 출석 처리',
        tags,
        params: IdParams,
        body: AttendanceBody,
        response: { 200: AttendanceSchema },
      },
    },
    async (req) => markAttendance(app.db, actorOf(req), req.params.id, req.body),
  );

  app.put(
    '/api/training/cohorts/:id/scores',
    {
      config: { policy: EDITORS },
      schema: {
        operationId: 'recordTrainingScores',
        summary: 'Pre/post assessment scores / 사전·사후 평가 점수',
        tags,
        params: IdParams,
        body: ScoresBody,
        response: { 200: ApplicationListSchema },
      },
    },
    async (req) => recordScores(app.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/training/cohorts/:id/evaluation',
    {
      config: { policy: MANAGERS, errors: ['SURVEY_ALREADY_SENT'] },
      schema: {
        operationId: 'sendTrainingEvaluation',
        summary: 'Send the course evaluation to the selected trainees (once) / 교육평가 발송',
        tags,
        params: IdParams,
        response: { 200: z.object({ queued: z.number().int() }) },
      },
    },
    async (req) => sendEvaluation(app.db, ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/training/cohorts/:id/evaluation',
    {
      config: { policy: STAFF },
      schema: {
        operationId: 'getTrainingEvaluation',
        summary: 'Course evaluation results of a cohort / 교육평가 결과',
        tags,
        params: IdParams,
        response: { 200: EvaluationResultsSchema },
      },
    },
    async (req) => evaluationResults(app.db, req.params.id),
  );

  app.post(
    '/api/training/cohorts/:id/certificates',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'issueTrainingCertificates',
        summary: 'Issue certificates to the trainees who meet the completion rule / 수료증 발급',
        tags,
        params: IdParams,
        response: { 200: IssueSchema },
      },
    },
    async (req) => issueCertificates(app.db, ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/training/certificates/:id/revoke',
    {
      config: { policy: MANAGERS, errors: ['CERTIFICATE_REVOKED'] },
      schema: {
        operationId: 'revokeTrainingCertificate',
        summary: 'Revoke a certificate, with a reason / 수료증 취소',
        tags,
        params: IdParams,
        body: RevokeBody,
        response: { 200: CertificateSchema },
      },
    },
    async (req) => revokeCertificate(app.db, actorOf(req), req.params.id, req.body.reason),
  );

  app.get(
    '/api/training/certificates/:id/pdf',
    {
      config: { policy: CITY_STAFF, errors: ['CERTIFICATE_REVOKED'] },
      schema: {
        operationId: 'getTrainingCertificatePdf',
        summary: 'A certificate as PDF / 수료증 PDF',
        tags,
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: z.unknown() },
      },
    },
    async (req, reply) => {
      const d = await certificateDocument(app.db, { id: req.params.id });
      const body = await certificatePdf(d, verifyUrl(ctx, d.certificate.code));
      setDownloadHeaders(reply, { fileName: `certificate-${d.certificate.code}.pdf`, mimeType: 'application/pdf', sizeBytes: body.length, cache: 'private' });
      return reply.send(body);
    },
  );

  app.get(
    '/api/certificates/:code',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'verifyCertificate',
        summary: 'Verify a certificate by its code: valid (false once revoked), course, cohort, completion date, masked holder; 404 for any other code / 수료증 진위 확인',
        tags,
        params: CodeParams,
        response: { 200: VerificationSchema },
      },
    },
    async (req) => verifyCertificate(app.db, req.params.code),
  );
};
