/**
 * The API document other software accepts (issue 12), checked by an independent validator
 * (python3-jsonschema, tests/support/independent.ts):
 * - /api/openapi.json is valid under the OpenAPI 3.1 meta-schema (vendored in
 *   tests/fixtures/openapi/) and every Schema Object in it under JSON Schema 2020-12 (no `$id`
 *   fragments); `servers` is there; only /api/ routes are in it; ids are integers 1 … 2^31 − 1;
 *   every upload documents its multipart body; error answers are JSON;
 * - every GET route of the document is called live (fill values below) and its answer checked:
 *   JSON against the declared schema of its status, anything else by its media type against the
 *   ones the document declares.
 *
 * QUERIES: every GET route of the API needs an entry (docs/DESIGN.md, "The API document"); the
 * test fails for a GET route without one. `url` builds the address from the fixture made in
 * before(); `as` is the role that calls it (anonymous when absent); `status` the answer expected
 * when not 200.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/executor.ts';
import type { Role } from '../../src/modules/accounts/roles.ts';
import { seedPartnerOrganisations } from '../../src/modules/accounts/organisations.ts';
import { seedOrdinance } from '../../src/modules/cooperation/ordinance/seed.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { seedFacilities } from '../../src/modules/settlement/facilities/seed.ts';
import { seedTrainingExample } from '../../src/modules/training/seed.ts';
import { hideOutsideApi } from '../../src/server/openapi.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { samples } from '../support/files.ts';
import { validateOpenApi } from '../support/independent.ts';
import type { Json } from '../support/json.ts';
import { multipart } from '../support/multipart.ts';
import { registeredAs } from '../support/registrant.ts';
import { planActions } from '../support/running.ts';

const META = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/openapi/oas-3.1-schema.json'), 'utf8'));
const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const MAX_ID = 2_147_483_647;

/** What before() makes: one of everything a GET route can show. */
interface Fixture {
  planId: number;
  actionId: number;
  evidenceId: number;
  sessionId: number;
  registrationToken: string;
  surveyToken: string;
  eventId: number;
  itemId: number;
  speakerId: number;
  schoolSurveyId: number;
  schoolToken: string;
  year: number;
  cohortId: number;
  trainingSessionId: number;
  trainingToken: string;
  certificateId: number;
  certificateCode: string;
  postingId: number;
  facilityId: number;
  facilityPhotoId: number;
  feedbackId: number;
  feedbackToken: string;
  ordinanceDocumentId: number;
  newsId: number;
  newsAttachmentId: number;
  attractionTargetId: number;
  seriesId: number;
  meetingId: number;
}

interface Query {
  url: (f: Fixture) => string;
  as?: Role;
  status?: number;
}

/** Fill values for every GET route of the API document (a new GET route needs one). */
const QUERIES: Record<string, Query> = {
  '/api/health': { url: () => '/api/health' },
  '/api/ready': { url: () => '/api/ready' },
  '/api/privacy-policy': { url: () => '/api/privacy-policy' },
  '/api/auth/me': { url: () => '/api/auth/me', as: 'viewer' },
  '/api/users': { url: () => '/api/users', as: 'admin' },
  '/api/departments': { url: () => '/api/departments', as: 'viewer' },
  '/api/audit': { url: () => '/api/audit?pageSize=50', as: 'manager' },
  '/api/audit.csv': { url: () => '/api/audit.csv', as: 'manager' },
  '/api/audit/facets': { url: () => '/api/audit/facets', as: 'manager' },
  '/api/staff/todo': { url: () => '/api/staff/todo', as: 'manager' },
  '/api/outbox': { url: () => '/api/outbox', as: 'manager' },
  // the public home: figures, this quarter, the fixture's sessions, events and news
  '/api/home': { url: () => '/api/home' },
  '/api/plans': { url: () => '/api/plans' },
  '/api/plans/{id}': { url: (f) => `/api/plans/${f.planId}` },
  '/api/plans/figures': { url: () => '/api/plans/figures', as: 'viewer' },
  '/api/manage/plans/{id}/english': { url: (f) => `/api/manage/plans/${f.planId}/english`, as: 'viewer' },
  '/api/open-data': { url: () => '/api/open-data' },
  '/api/open-data/{dataset}.json': { url: () => '/api/open-data/plan-budget.json' },
  '/api/open-data/{dataset}.csv': { url: () => '/api/open-data/plan-actions.csv' },
  '/api/manage/plans/{id}': { url: (f) => `/api/manage/plans/${f.planId}`, as: 'viewer' },
  '/api/manage/plans/{id}/actions': { url: (f) => `/api/manage/plans/${f.planId}/actions?year=2023&quarter=3`, as: 'viewer' },
  '/api/manage/plans/{id}/drafts': { url: (f) => `/api/manage/plans/${f.planId}/drafts`, as: 'viewer' },
  '/api/manage/plans/{id}/preview': { url: (f) => `/api/manage/plans/${f.planId}/preview`, as: 'viewer' },
  '/api/actions/{id}': { url: (f) => `/api/actions/${f.actionId}`, as: 'viewer' },
  '/api/actions/{id}/history': { url: (f) => `/api/actions/${f.actionId}/history`, as: 'viewer' },
  '/api/measures': { url: () => '/api/measures', as: 'viewer' },
  '/api/evidence/{id}/file': { url: (f) => `/api/evidence/${f.evidenceId}/file` },
  '/api/plans/{id}/ledger': { url: (f) => `/api/plans/${f.planId}/ledger`, as: 'viewer' },
  '/api/plans/{id}/reports': { url: (f) => `/api/plans/${f.planId}/reports`, as: 'viewer' },
  '/api/plans/{id}/reports/{year}/{quarter}': { url: (f) => `/api/plans/${f.planId}/reports/2023/3`, as: 'viewer' },
  '/api/plans/{id}/reports/{year}/{quarter}.xlsx': { url: (f) => `/api/plans/${f.planId}/reports/2023/3.xlsx`, as: 'viewer' },
  '/api/plans/{id}/actions/{actionId}': { url: (f) => `/api/plans/${f.planId}/actions/${f.actionId}` },
  '/api/plans/{id}/public-reports': { url: (f) => `/api/plans/${f.planId}/public-reports` },
  '/api/plans/{id}/public-reports/{year}/{quarter}.pdf': { url: (f) => `/api/plans/${f.planId}/public-reports/2023/3.pdf` },
  '/api/plans/{id}/public-reports/{year}/{quarter}.xlsx': { url: (f) => `/api/plans/${f.planId}/public-reports/2023/3.xlsx` },
  '/api/plans/{id}/public-reports/{year}/{quarter}.hwpx': { url: (f) => `/api/plans/${f.planId}/public-reports/2023/3.hwpx` },
  '/api/plans/{id}/disclosure': { url: (f) => `/api/plans/${f.planId}/disclosure` },
  '/api/registrations/{token}': { url: (f) => `/api/registrations/${f.registrationToken}` },
  '/api/registrations/{token}/qr.svg': { url: (f) => `/api/registrations/${f.registrationToken}/qr.svg` },
  '/api/academy/sessions': { url: () => '/api/academy/sessions?when=all' },
  '/api/academy/sessions/{id}': { url: (f) => `/api/academy/sessions/${f.sessionId}` },
  '/api/academy/sessions/{id}/calendar.ics': { url: (f) => `/api/academy/sessions/${f.sessionId}/calendar.ics` },
  '/api/academy/sessions/{id}/registrations': { url: (f) => `/api/academy/sessions/${f.sessionId}/registrations`, as: 'viewer' },
  '/api/surveys/{token}': { url: (f) => `/api/surveys/${f.surveyToken}` },
  '/api/academy/figures': { url: (f) => `/api/academy/figures?year=${f.year}`, as: 'viewer' },
  '/api/academy/programmes': { url: () => '/api/academy/programmes', as: 'viewer' },
  '/api/privacy/consent': { url: () => '/api/privacy/consent?purpose=academy' },
  '/api/events': { url: () => '/api/events' },
  '/api/manage/events': { url: () => '/api/manage/events', as: 'viewer' },
  '/api/events/{id}': { url: (f) => `/api/events/${f.eventId}` },
  '/api/events/{id}/calendar.ics': { url: (f) => `/api/events/${f.eventId}/calendar.ics` },
  '/api/events/{id}/programme/{itemId}/calendar.ics': { url: (f) => `/api/events/${f.eventId}/programme/${f.itemId}/calendar.ics` },
  '/api/speakers/{id}/photo': { url: (f) => `/api/speakers/${f.speakerId}/photo` },
  '/api/events/{id}/categories': { url: (f) => `/api/events/${f.eventId}/categories` },
  '/api/events/{id}/questions': { url: (f) => `/api/events/${f.eventId}/questions` },
  '/api/events/{id}/attendees': { url: (f) => `/api/events/${f.eventId}/attendees`, as: 'viewer' },
  '/api/events/{id}/badges.pdf': { url: (f) => `/api/events/${f.eventId}/badges.pdf`, as: 'viewer' },
  '/api/events/{id}/attendees.xlsx': { url: (f) => `/api/events/${f.eventId}/attendees.xlsx`, as: 'viewer' },
  '/api/events/{id}/attendees.csv': { url: (f) => `/api/events/${f.eventId}/attendees.csv`, as: 'viewer' },
  '/api/events/{id}/figures': { url: (f) => `/api/events/${f.eventId}/figures`, as: 'viewer' },
  '/api/school/surveys/current': { url: () => '/api/school/surveys/current' },
  '/api/school/surveys': { url: () => '/api/school/surveys', as: 'viewer' },
  '/api/school/applications/{token}': { url: (f) => `/api/school/applications/${f.schoolToken}` },
  '/api/school/surveys/{id}/applications': { url: (f) => `/api/school/surveys/${f.schoolSurveyId}/applications`, as: 'viewer' },
  '/api/school/figures': { url: (f) => `/api/school/figures?year=${f.year}`, as: 'viewer' },
  // training (the example cohort of src/modules/training/seed.ts)
  '/api/training/courses': { url: () => '/api/training/courses', as: 'viewer' },
  '/api/training/cohorts': { url: () => '/api/training/cohorts' },
  '/api/training/cohorts/{id}': { url: (f) => `/api/training/cohorts/${f.cohortId}` },
  '/api/training/cohorts/{id}/applications': { url: (f) => `/api/training/cohorts/${f.cohortId}/applications`, as: 'viewer' },
  '/api/training/applications/{token}': { url: (f) => `/api/training/applications/${f.trainingToken}` },
  '/api/training/applications/{token}/certificate.pdf': { url: (f) => `/api/training/applications/${f.trainingToken}/certificate.pdf` },
  '/api/training/cohorts/{id}/sessions': { url: (f) => `/api/training/cohorts/${f.cohortId}/sessions`, as: 'viewer' },
  '/api/training/sessions/{id}/check-in-code': { url: (f) => `/api/training/sessions/${f.trainingSessionId}/check-in-code`, as: 'officer' },
  '/api/training/sessions/{id}/attendance': { url: (f) => `/api/training/sessions/${f.trainingSessionId}/attendance`, as: 'viewer' },
  '/api/training/cohorts/{id}/evaluation': { url: (f) => `/api/training/cohorts/${f.cohortId}/evaluation`, as: 'viewer' },
  '/api/training/certificates/{id}/pdf': { url: (f) => `/api/training/certificates/${f.certificateId}/pdf`, as: 'viewer' },
  '/api/certificates/{code}': { url: (f) => `/api/certificates/${f.certificateCode}` },
  '/api/training/employers': { url: () => '/api/training/employers', as: 'viewer' },
  '/api/training/postings': { url: () => '/api/training/postings', as: 'viewer' },
  '/api/training/postings/{id}/referrals': { url: (f) => `/api/training/postings/${f.postingId}/referrals`, as: 'viewer' },
  '/api/training/placements': { url: () => '/api/training/placements', as: 'viewer' },
  '/api/training/figures': { url: () => '/api/training/figures', as: 'viewer' },
  // settlement
  '/api/facilities': { url: () => '/api/facilities' },
  '/api/facilities/{id}': { url: (f) => `/api/facilities/${f.facilityId}` },
  '/api/facilities/photos/{id}': { url: (f) => `/api/facilities/photos/${f.facilityPhotoId}` },
  '/api/manage/facilities/{id}': { url: (f) => `/api/manage/facilities/${f.facilityId}`, as: 'viewer' },
  '/api/settlement/feedback': { url: () => '/api/settlement/feedback' },
  '/api/settlement/feedback/{token}': { url: (f) => `/api/settlement/feedback/${f.feedbackToken}` },
  '/api/manage/settlement/feedback': { url: () => '/api/manage/settlement/feedback', as: 'viewer' },
  '/api/manage/settlement/feedback/{id}/photo': { url: (f) => `/api/manage/settlement/feedback/${f.feedbackId}/photo`, as: 'viewer' },
  '/api/settlement/surveys': { url: () => '/api/settlement/surveys' },
  '/api/settlement/improvements': { url: () => '/api/settlement/improvements' },
  // cooperation: the ordinance (seeded) and the attraction pipeline
  '/api/ordinance': { url: () => '/api/ordinance' },
  '/api/manage/ordinance': { url: () => '/api/manage/ordinance', as: 'viewer' },
  '/api/ordinance/documents/{id}/file': { url: (f) => `/api/ordinance/documents/${f.ordinanceDocumentId}/file` },
  // the newsroom: one published press release with an image and an attachment
  '/api/news': { url: () => '/api/news' },
  '/api/news/feed.xml': { url: () => '/api/news/feed.xml?lang=en' },
  '/api/news/{id}': { url: (f) => `/api/news/${f.newsId}` },
  '/api/news/{id}/image': { url: (f) => `/api/news/${f.newsId}/image` },
  '/api/news/attachments/{id}/file': { url: (f) => `/api/news/attachments/${f.newsAttachmentId}/file` },
  '/api/manage/news': { url: () => '/api/manage/news', as: 'manager' },
  '/api/manage/news/{id}': { url: (f) => `/api/manage/news/${f.newsId}`, as: 'manager' },
  '/api/attraction/public': { url: () => '/api/attraction/public' },
  '/api/attraction/targets': { url: () => '/api/attraction/targets', as: 'viewer' },
  '/api/attraction/targets/{id}': { url: (f) => `/api/attraction/targets/${f.attractionTargetId}`, as: 'viewer' },
  '/api/attraction/funnel': { url: () => '/api/attraction/funnel', as: 'viewer' },
  // cooperation: organisations and meetings (a series with one meeting, an action item)
  '/api/organisations': { url: () => '/api/organisations', as: 'viewer' },
  '/api/meeting-series': { url: () => '/api/meeting-series', as: 'viewer' },
  '/api/meeting-series/{id}': { url: (f) => `/api/meeting-series/${f.seriesId}`, as: 'viewer' },
  '/api/meetings/{id}': { url: (f) => `/api/meetings/${f.meetingId}`, as: 'viewer' },
  '/api/meetings/{id}/invitation.ics': { url: (f) => `/api/meetings/${f.meetingId}/invitation.ics`, as: 'viewer' },
  '/api/meetings/{id}/minutes.pdf': { url: (f) => `/api/meetings/${f.meetingId}/minutes.pdf`, as: 'viewer' },
  '/api/cooperation/overdue': { url: () => '/api/cooperation/overdue', as: 'viewer' },
};

type Doc = {
  openapi: string;
  servers?: { url: string }[];
  components: { schemas: Record<string, Json> };
  paths: Record<
    string,
    Record<string, { consumes?: string[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, { content?: Record<string, { schema?: Json }> }> }>
  >;
};

/** Every property named id or …Id in a schema, with where it is (refs followed once per name). */
function idProperties(schema: unknown, where: string, out: [string, Json][] = []): [string, Json][] {
  if (Array.isArray(schema)) {
    for (const [i, s] of schema.entries()) idProperties(s, `${where}/${i}`, out);
  } else if (schema && typeof schema === 'object') {
    const s = schema as Json;
    const props = s.properties as Record<string, Json> | undefined;
    for (const [k, v] of Object.entries(props ?? {})) if (/^(id|[a-z][A-Za-z]*Id)$/.test(k)) out.push([`${where}.${k}`, v]);
    for (const [k, v] of Object.entries(s)) idProperties(v, `${where}/${k}`, out);
  }
  return out;
}

/** An integer schema or a nullable one (anyOf with null). */
function integerParts(s: Json): Json[] {
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).filter((x) => x.type !== 'null');
  return [s];
}

for (const kind of DB_KINDS) {
  describe(`the API document and every GET answer, read by python jsonschema, on ${kind}`, () => {
    let t: TestApp;
    let doc: Doc;
    const sessions = new Map<Role, Session>();
    const f = {} as Fixture;
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const as = async (role: Role) => {
      if (!sessions.has(role)) sessions.set(role, await staffSession(t, role));
      return sessions.get(role)!;
    };
    const ok = async (res: Promise<{ statusCode: number; body: string; json(): Json }>, status = 201) => {
      const r = await res;
      assert.equal(r.statusCode, status, r.body);
      return r.json();
    };

    before(async () => {
      t = await openTestApp(kind, { publicUrl: 'https://finhub.example.go.kr/' });
      doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      const manager = await as('manager');
      f.year = new Date(Date.now() + 9 * HOUR).getUTCFullYear();

      // the plan, an evidence file, an execution and a report
      f.planId = (await seedPlanIfEmpty(t.database.db))!;
      f.actionId = (await planActions(t, f.planId))[0]!.id;
      const upload = multipart([
        { name: 'file', file: samples.pdf(), fileName: '보고서.pdf', contentType: 'application/pdf' },
        { name: 'published', value: 'true' },
      ]);
      f.evidenceId = (
        await ok(t.app.inject({ method: 'POST', url: `/api/actions/${f.actionId}/evidence`, headers: { ...manager.headers, ...upload.headers }, payload: upload.payload }))
      ).id;
      await ok(
        call('POST', `/api/plans/${f.planId}/executions`, manager, {
          sourceLabel: '시비',
          year: 2023,
          executedOn: '2023-08-10',
          amountKrw: 100_000_000,
          description: '집행',
          exceedSecured: true,
          overrideReason: '시험 자료: 확보액 입력 전 집행',
        }),
      );
      // A draft, so the drafts list and the preview answer with one.
      await ok(call('PUT', `/api/actions/${f.actionId}/draft`, manager, { status: 'on_track', progress: 30, comment: '초안' }), 200);
      await ok(call('POST', `/api/plans/${f.planId}/reports`, manager, { year: 2023, quarter: 3 }));

      // an academy session with a registration, and an ended one with its survey sent
      await ok(call('POST', '/api/academy/programmes', manager, { year: f.year, title: { ko: `${f.year}년 금융아카데미` } }));
      const newSession = () =>
        ok(
          call('POST', '/api/academy/sessions', manager, {
            title: { ko: '금융아카데미 1강', en: 'Academy 1' },
            startsAt: at(48 * HOUR),
            endsAt: at(50 * HOUR),
            venue: '전주시청 강당',
            capacity: 5,
            registrationOpensAt: at(-HOUR),
            registrationClosesAt: at(24 * HOUR),
          }),
        );
      f.sessionId = (await newSession()).id;
      await ok(call('POST', `/api/academy/sessions/${f.sessionId}/registrations`, null, { name: '홍길동', phone: '010-3333-0001', email: 'hong@example.org', consent: true }));
      f.registrationToken = (await registeredAs(t.database.db, '010-3333-0001')).token;
      const ended = (await newSession()).id;
      await ok(call('POST', `/api/academy/sessions/${ended}/registrations`, null, { name: '김지니', phone: '010-3333-0002', email: 'genie@example.org', consent: true }));
      const token = (await registeredAs(t.database.db, '010-3333-0002')).token;
      await ok(call('POST', `/api/academy/sessions/${ended}/check-in`, await as('officer'), { token }), 200);
      await t.database.db.execute(sql`update academy_sessions set starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours' where id = ${ended}`);
      await t.database.db.execute(
        sql`update capacity_pools set opens_at = now() - interval '5 hours', closes_at = now() - interval '4 hours', starts_at = now() - interval '3 hours' where id = (select pool_id from academy_sessions where id = ${ended})`,
      );
      await ok(call('POST', `/api/academy/sessions/${ended}/survey`, manager), 200);
      const [invite] = await rows<{ link_token: string }>(t.database.db, sql`select link_token from outbox where kind = 'survey.invitation' order by id desc limit 1`);
      f.surveyToken = invite!.link_token;

      // an event with a room, a speaker with a photo, a programme item, a category and an attendee
      const e = await ok(
        call('POST', '/api/events', manager, { kind: 'forum', title: { ko: '지니포럼', en: 'GENIE Forum' }, startsAt: at(72 * HOUR), endsAt: at(80 * HOUR), published: true }),
      );
      f.eventId = e.id;
      const room = await ok(call('POST', `/api/events/${f.eventId}/rooms`, manager, { name: { ko: '대공연장' } }));
      const speaker = await ok(call('POST', `/api/events/${f.eventId}/speakers`, manager, { name: { ko: '박연사' } }));
      f.speakerId = speaker.id;
      const photo = multipart([{ name: 'file', file: samples.png(), fileName: 'p.png', contentType: 'image/png' }]);
      await ok(t.app.inject({ method: 'POST', url: `/api/speakers/${f.speakerId}/photo`, headers: { ...manager.headers, ...photo.headers }, payload: photo.payload }), 200);
      f.itemId = (
        await ok(
          call('POST', `/api/events/${f.eventId}/programme`, manager, {
            kind: 'keynote',
            title: { ko: '기조연설' },
            startsAt: at(73 * HOUR),
            endsAt: at(74 * HOUR),
            roomId: room.id,
            speakers: [{ speakerId: f.speakerId }],
          }),
        )
      ).id;
      await ok(call('POST', `/api/events/${f.eventId}/categories`, manager, { category: 'general', capacity: 10, opensAt: at(-HOUR), closesAt: at(48 * HOUR) }));
      await ok(call('POST', `/api/events/${f.eventId}/questions`, manager, { kind: 'country', label: { ko: '국적', en: 'Nationality' } }));
      await ok(
        call('POST', `/api/events/${f.eventId}/registrations`, null, {
          category: 'general',
          name: 'Nguyễn Văn An',
          phone: '010-3333-0003',
          email: 'an@example.org',
          country: 'VN',
          consent: true,
        }),
      );

      // the school survey and an application
      const survey = await ok(call('POST', '/api/school/surveys', manager, { year: f.year, opensAt: at(-24 * HOUR), closesAt: at(30 * 24 * HOUR), targetSchools: 2 }));
      f.schoolSurveyId = survey.id;
      await ok(
        call('POST', '/api/school/applications', null, {
          schoolName: '전주 완산초등학교',
          level: 'elementary',
          teacherName: '김교사',
          teacherPhone: '010-3333-0004',
          grade: '5학년',
          students: 52,
          topics: '용돈 관리',
          preferredDates: [new Date(Date.now() + 40 * 24 * HOUR).toISOString().slice(0, 10)],
          consent: true,
        }),
      );
      const [school] = await rows<{ link_token: string }>(t.database.db, sql`select link_token from outbox where kind = 'school.received' order by id desc limit 1`);
      f.schoolToken = school!.link_token;

      // training: the example cohort, run through the whole chain by the module's own use cases
      await seedTrainingExample(t.database.db, { publicUrl: 'https://finhub.example.go.kr' });
      const [tr] = await rows<{ cohort: number; session: number; certificate: number; code: string; posting: number; token: string }>(
        t.database.db,
        sql`select c.id as cohort, (select min(id) from training_sessions s where s.cohort_id = c.id) as session,
                   cert.id as certificate, cert.code as code, (select min(id) from training_postings) as posting, o.link_token as token
            from training_certificates cert
            join training_applications a on a.id = cert.application_id
            join training_cohorts c on c.id = a.cohort_id
            join outbox o on (o.meta->>'trainingApplicationId')::int = a.id and o.link_token is not null
            order by o.id desc limit 1`,
      );
      // settlement: the seeded facilities with an inspection photo, and a feedback item with its photo
      f.facilityId = (await seedFacilities(t.database.db))[0]!;
      const inspection = (
        await ok(call('POST', `/api/manage/facilities/${f.facilityId}/inspections`, manager, { heldOn: '2023-08-10', findings: '공정률 40%', followUps: ['안전 펜스 보강'] }))
      ).inspections[0];
      const sitePhoto = multipart([
        { name: 'file', file: samples.png(), fileName: 'site.png', contentType: 'image/png' },
        { name: 'caption', value: '현장' },
      ]);
      await ok(
        t.app.inject({ method: 'POST', url: `/api/manage/inspections/${inspection.id}/photos`, headers: { ...manager.headers, ...sitePhoto.headers }, payload: sitePhoto.payload }),
      );
      f.facilityPhotoId = (await ok(call('GET', `/api/facilities/${f.facilityId}`, null), 200)).photos[0].id;
      const feedback = await ok(
        call('POST', '/api/settlement/feedback', null, {
          category: 'transport',
          text: '버스 배차가 깁니다.',
          anonymous: false,
          contact: { name: '이영희', phone: '010-3333-0005', email: 'younghee@example.org' },
          consent: true,
        }),
      );
      f.feedbackId = feedback.id;
      f.feedbackToken = String(feedback.trackingUrl).split('/').at(-1)!;
      const feedbackPhoto = multipart([{ name: 'file', file: samples.jpeg(), fileName: 'stop.jpg', contentType: 'image/jpeg' }]);
      await ok(
        t.app.inject({
          method: 'POST',
          url: `/api/settlement/feedback/${f.feedbackToken}/photo`,
          headers: { origin: ORIGIN, ...feedbackPhoto.headers },
          payload: feedbackPhoto.payload,
        }),
      );

      // cooperation: the seeded ordinance with a published document, and an attraction target
      await seedOrdinance(t.database.db);
      const roundId = (await ok(call('GET', '/api/manage/ordinance', manager), 200)).current.id;
      const ordinanceDoc = multipart([
        { name: 'stage', value: 'drafting' },
        { name: 'title', value: '조례안' },
        { name: 'published', value: 'true' },
        { name: 'file', file: samples.pdf(), fileName: 'ordinance.pdf' },
      ]);
      const document = await ok(
        t.app.inject({
          method: 'POST',
          url: `/api/ordinance/rounds/${roundId}/documents`,
          headers: { ...manager.headers, ...ordinanceDoc.headers },
          payload: ordinanceDoc.payload,
        }),
      );
      f.ordinanceDocumentId = Number(String(document.url).match(/documents\/(\d+)\/file/)![1]);
      f.attractionTargetId = (
        await ok(call('POST', '/api/attraction/targets', manager, { name: { ko: '가나자산운용' }, kind: 'asset_manager', identifiedOn: '2025-01-15', announce: true }))
      ).id;

      // the newsroom: a published press release with its image and an attachment
      f.newsId = (await ok(call('POST', '/api/manage/news', manager, { kind: 'press_release', title: { ko: '보도자료' }, body: { ko: '본문입니다.' } }))).id;
      for (const [method, url, parts, status] of [
        [
          'PUT',
          `/api/manage/news/${f.newsId}/image`,
          [
            { name: 'alt.ko', value: '사진' },
            { name: 'file', file: samples.png(), fileName: 'a.png' },
          ],
          200,
        ],
        ['POST', `/api/manage/news/${f.newsId}/attachments`, [{ name: 'file', file: samples.pdf(), fileName: 'release.pdf' }], 201],
      ] as const) {
        const body = multipart([...parts]);
        await ok(t.app.inject({ method, url, headers: { ...manager.headers, ...body.headers }, payload: body.payload }), status);
      }
      f.newsAttachmentId = (await ok(call('POST', `/api/manage/news/${f.newsId}/publish`, manager), 200)).attachments[0].id;

      await seedPartnerOrganisations(t.database.db);
      const organisations = (await ok(call('GET', '/api/organisations', manager), 200)).items;
      f.seriesId = (
        await ok(call('POST', '/api/meeting-series', manager, { title: { ko: '전북금융중심지 실무협의회' }, organisationIds: organisations.map((o: Json) => o.id) }))
      ).id;
      f.meetingId = (
        await ok(
          call('POST', `/api/meeting-series/${f.seriesId}/meetings`, manager, { startsAt: '2025-03-10T05:00:00.000Z', endsAt: '2025-03-10T07:00:00.000Z', venue: '전주시청' }),
        )
      ).id;
      await ok(
        call('POST', `/api/meetings/${f.meetingId}/outcomes`, manager, {
          kind: 'action',
          text: { ko: '조례안 검토' },
          ownerOrganisationId: organisations[0].id,
          dueOn: '2025-04-01',
        }),
      );

      Object.assign(f, {
        cohortId: tr!.cohort,
        trainingSessionId: tr!.session,
        certificateId: tr!.certificate,
        certificateCode: tr!.code,
        postingId: tr!.posting,
        trainingToken: tr!.token,
      });
    });
    after(() => t?.close());

    it('is valid under the OpenAPI 3.1 meta-schema, each schema under JSON Schema 2020-12, with servers and only /api/ paths', () => {
      assert.equal(doc.openapi, '3.1.0');
      assert.deepEqual(
        doc.servers?.map((s) => s.url),
        ['https://finhub.example.go.kr'],
      );
      assert.deepEqual(validateOpenApi(doc, META, []), []);
      assert.ok(!JSON.stringify(doc).includes('"$id"'), 'no $id anywhere in the document');
      assert.deepEqual(
        Object.keys(doc.paths).filter((p) => !p.startsWith('/api/')),
        [],
      );
      // GET / and the other pages and files of the web front end are hidden, whatever their schema says.
      assert.deepEqual(hideOutsideApi({ url: '/', schema: {} }).schema, { hide: true });
      assert.deepEqual(hideOutsideApi({ url: '/api/plans', schema: {} }).schema, {});
    });

    it('types every id as an integer 1 … 2^31 − 1', () => {
      const found = [
        ...Object.entries(doc.components.schemas).flatMap(([n, s]) => idProperties(s, n)),
        ...Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).flatMap(([m, op]) => idProperties(op, `${m} ${p}`))),
      ];
      assert.ok(found.length > 50, `ids found: ${found.length}`);
      const wrong = found.filter(([where, s]) => {
        if (s.$ref) return false; // a referenced schema is checked where it is defined
        if (/listAudit|\/api\/audit/.test(where) && where.endsWith('.id')) return false; // audit rows: bigserial, up to 2^53 − 1
        if (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'))) return false; // ids that are text: audit entity ids, query parameters written as digits
        return integerParts(s).some((x) => x.type !== 'integer' || x.minimum !== 1 || x.maximum !== MAX_ID);
      });
      assert.deepEqual(wrong, []);
      // ids in paths: digits only, read as 1 … 2^31 − 1
      const params = Object.values(doc.paths).flatMap((ops) =>
        Object.values(ops)
          .flatMap((op) => ((op as Json).parameters as Json[] | undefined) ?? [])
          .filter((p) => p.in === 'path' && /^(id|itemId)$/.test(String(p.name))),
      );
      assert.ok(params.length > 20);
      for (const p of params) assert.equal((p.schema as Json).pattern, '^(0|[1-9][0-9]{0,15})$', JSON.stringify(p));
    });

    it('documents every upload’s multipart body and answers errors as JSON', () => {
      const uploads = Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.requestBody?.content['multipart/form-data'])
          .map(([m]) => `${m.toUpperCase()} ${p}`),
      );
      for (const known of ['POST /api/actions/{id}/evidence', 'POST /api/plans/import', 'POST /api/plans/import/preview', 'POST /api/speakers/{id}/photo'])
        assert.ok(uploads.includes(known), `${known} documents its multipart body`);
      // Every operation that says it takes multipart/form-data documents the body.
      const saysMultipart = Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => String((op as Json).description ?? '').includes('multipart/form-data'))
          .map(([m]) => `${m.toUpperCase()} ${p}`),
      );
      assert.deepEqual(
        saysMultipart.filter((u) => !uploads.includes(u)),
        [],
      );
      for (const u of uploads) {
        const [m, p] = u.split(' ');
        const schema = doc.paths[p!]![m!.toLowerCase()]!.requestBody!.content['multipart/form-data']!.schema;
        assert.equal((schema.properties as Record<string, Json>).file!.format, 'binary', u);
        assert.ok((schema.required as string[]).includes('file'), u);
      }
      for (const [p, ops] of Object.entries(doc.paths))
        for (const [m, op] of Object.entries(ops))
          for (const [status, r] of Object.entries(op.responses))
            if (/^[45]/.test(status)) assert.deepEqual(Object.keys(r.content ?? {}), ['application/json'], `${m} ${p} ${status}`);
    });

    it('every GET route answers what the document declares (JSON by schema, files by media type)', async () => {
      const getRoutes = Object.entries(doc.paths)
        .filter(([, ops]) => ops.get)
        .map(([p]) => p);
      assert.deepEqual(
        getRoutes.filter((p) => !(p in QUERIES)),
        [],
        'GET routes without an entry in QUERIES',
      );
      assert.deepEqual(
        Object.keys(QUERIES).filter((p) => !getRoutes.includes(p)),
        [],
        'QUERIES entries for routes the document does not have',
      );
      const answers: { name: string; schema: unknown; instance: unknown }[] = [];
      const mediaProblems: string[] = [];
      for (const route of getRoutes) {
        const q = QUERIES[route]!;
        const url = q.url(f);
        const res = await t.app.inject({ method: 'GET', url, headers: q.as ? (await as(q.as)).headers : {} });
        const expected = q.status ?? 200;
        assert.equal(res.statusCode, expected, `${url}: ${res.body.slice(0, 300)}`);
        const declared = doc.paths[route]!.get!.responses[String(res.statusCode)];
        assert.ok(declared, `${route} declares ${res.statusCode}`);
        const type = String(res.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim();
        const media = Object.keys(declared.content ?? {});
        if (!media.includes(type)) mediaProblems.push(`${route}: served ${type}, declared ${media.join(', ')}`);
        if (type === 'application/json') answers.push({ name: `GET ${url}`, schema: declared.content![type]!.schema ?? {}, instance: res.json() });
      }
      assert.deepEqual(mediaProblems, []);
      assert.ok(answers.length > 30, `JSON answers: ${answers.length}`);
      assert.deepEqual(validateOpenApi(doc, META, answers), []);
      // The validator does refuse: an answer missing a field, an id out of range.
      const health = doc.paths['/api/health']!.get!.responses['200']!.content!['application/json']!.schema;
      const session = doc.paths['/api/academy/sessions/{id}']!.get!.responses['200']!.content!['application/json']!.schema;
      const good = answers.find((a) => a.name === `GET /api/academy/sessions/${f.sessionId}`)!.instance as Json;
      assert.equal(validateOpenApi(doc, META, [{ name: 'health', schema: health, instance: { status: 'ok' } }]).length, 1);
      assert.equal(validateOpenApi(doc, META, [{ name: 'session', schema: session, instance: { ...good, id: MAX_ID + 1 } }]).length, 1);
    });

    it('declares the readiness answers with Redis and the S3 file store (tests/api/shared-state.test.ts gets them live)', () => {
      const ready = (status: string) => doc.paths['/api/ready']!.get!.responses[status]!.content!['application/json']!.schema;
      const answers = [
        { name: 'ready, files up', schema: ready('200'), instance: { status: 'ready', db: kind, files: 'up' } },
        { name: 'ready, redis and files up', schema: ready('200'), instance: { status: 'ready', db: kind, redis: 'up', files: 'up' } },
        { name: 'unavailable, files down', schema: ready('503'), instance: { status: 'unavailable', db: kind, files: 'down' } },
        { name: 'unavailable, redis up, files down', schema: ready('503'), instance: { status: 'unavailable', db: kind, redis: 'up', files: 'down' } },
      ];
      // And refuses (one run of the validator: it checks the whole document each time): a 200 never
      // says a part is down, and the parts' states are named.
      const refused = [
        { name: 'ready, files down', schema: ready('200'), instance: { status: 'ready', db: kind, files: 'down' } },
        { name: 'files sideways', schema: ready('503'), instance: { status: 'unavailable', db: kind, files: 'sideways' } },
      ];
      const problems = validateOpenApi(doc, META, [...answers, ...refused]);
      assert.deepEqual(
        problems.map((p) => p.split(':')[0]),
        refused.map((r) => r.name),
        problems.join('\n'),
      );
    });
  });
}
