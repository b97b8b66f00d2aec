/**
 * Walks every API route with every role and with no session, and checks allow/deny against the
 * one table below. A route the table does not name fails the test: a new route needs a row.
 * Denial must come before any validation of the body: the requests carry an empty body.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLES, type Role } from '../../src/modules/accounts/roles.ts';
import { ROLE_FORBIDDEN } from '../../src/server/auth.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ANY_KIND } from '../support/db.ts';
import { createStaff, mintSessions } from '../support/auth.ts';

const ALL = ['anonymous', ...ROLES] as const;
const STAFF = [...ROLES];
/** Staff who may see citizens' personal data: not partners (outside institutions). */
const CITY_STAFF: Role[] = ROLES.filter((r) => r !== 'partner');
const MANAGERS: Role[] = ['admin', 'manager'];
const EDITORS: Role[] = ['admin', 'manager', 'officer'];
const ADMINS: Role[] = ['admin'];
type Who = (typeof ALL)[number];

/** Who may call each route: 'public' or the roles allowed. */
const MATRIX: Record<string, 'public' | Role[]> = {
  'GET /api/health': 'public',
  'GET /api/ready': 'public',
  'GET /api/privacy-policy': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
  'GET /api/docs/json': 'public',
  'GET /api/docs/yaml': 'public',
  'GET /api/docs/static/*': 'public',
  'GET /api/docs/static/index.html': 'public',
  'GET /api/docs/static/swagger-initializer.js': 'public',
  'GET /api/home': 'public',
  'GET /api/plans': 'public',
  'GET /api/plans/:id': 'public',
  'GET /api/plans/figures': STAFF,
  'GET /api/manage/plans/:id/english': STAFF,
  'PUT /api/plans/:id/english': MANAGERS,
  'GET /api/open-data': 'public',
  'GET /api/open-data/:dataset.json': 'public',
  'GET /api/open-data/:dataset.csv': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': STAFF,
  'GET /api/auth/me': STAFF,
  'POST /api/auth/password': STAFF,
  'GET /api/users': ADMINS,
  'POST /api/users': ADMINS,
  'PATCH /api/users/:id': ADMINS,
  'GET /api/departments': STAFF,
  'POST /api/departments': ADMINS,
  'GET /api/audit': MANAGERS,
  'GET /api/audit.csv': MANAGERS,
  'GET /api/audit/facets': MANAGERS,
  // the staff to-do list (limited in the service to the person's role and department) and the outbox
  'GET /api/staff/todo': STAFF,
  'GET /api/outbox': MANAGERS,
  'POST /api/outbox/:id/retry': MANAGERS,
  // running the plan (officers: their department's actions only, checked in the service)
  'GET /api/manage/plans/:id': STAFF,
  'GET /api/manage/plans/:id/actions': STAFF,
  'GET /api/actions/:id': STAFF,
  'PATCH /api/plans/:id': MANAGERS,
  'POST /api/plans/import/preview': MANAGERS,
  'POST /api/plans/import': MANAGERS,
  'PATCH /api/actions/:id': EDITORS,
  'GET /api/actions/:id/history': STAFF,
  'PATCH /api/actions/:id/assignment': MANAGERS,
  'GET /api/measures': STAFF,
  'POST /api/actions/:id/evidence': EDITORS,
  'POST /api/actions/:id/links': EDITORS,
  'PATCH /api/evidence/:id': EDITORS,
  'DELETE /api/evidence/:id': EDITORS,
  'GET /api/evidence/:id/file': 'public',
  'GET /api/plans/:id/ledger': STAFF,
  'PUT /api/plans/:id/ledger/secured': MANAGERS,
  'POST /api/plans/:id/executions': MANAGERS,
  'PATCH /api/executions/:id': MANAGERS,
  'DELETE /api/executions/:id': MANAGERS,
  'GET /api/plans/:id/reports': STAFF,
  'GET /api/plans/:id/reports/:year/:quarter': STAFF,
  'GET /api/plans/:id/reports/:year/:quarter.xlsx': STAFF,
  'POST /api/plans/:id/reports': MANAGERS,
  // the plan's public record (transparency): explanations are written like status updates
  'PUT /api/actions/:id/explanation': EDITORS,
  'GET /api/plans/:id/actions/:actionId': 'public',
  'GET /api/plans/:id/public-reports': 'public',
  'GET /api/plans/:id/public-reports/:year/:quarter.pdf': 'public',
  'GET /api/plans/:id/public-reports/:year/:quarter.xlsx': 'public',
  'GET /api/plans/:id/public-reports/:year/:quarter.hwpx': 'public',
  'GET /api/plans/:id/disclosure': 'public',
  // the visiting financial school (schools: by the token in their link)
  'GET /api/school/surveys/current': 'public',
  'GET /api/school/surveys': STAFF,
  'POST /api/school/surveys': MANAGERS,
  'POST /api/school/applications': 'public',
  'GET /api/school/applications/:token': 'public',
  'GET /api/school/surveys/:id/applications': CITY_STAFF,
  'POST /api/school/applications/:id/decision': MANAGERS,
  'POST /api/school/applications/:id/unmask': MANAGERS,
  'POST /api/school/applications/:id/classes': MANAGERS,
  'PATCH /api/school/classes/:id': EDITORS,
  'GET /api/school/figures': STAFF,
  // professional training and job linkage (src/modules/training; trainees: by the token in their link)
  'GET /api/training/courses': STAFF,
  'POST /api/training/courses': MANAGERS,
  'GET /api/training/cohorts': 'public',
  'GET /api/training/cohorts/:id': 'public',
  'POST /api/training/cohorts': MANAGERS,
  'POST /api/training/cohorts/:id/applications': 'public',
  'GET /api/training/applications/:token': 'public',
  'POST /api/training/applications/:token/check-in': 'public',
  'POST /api/training/applications/:token/evaluation': 'public',
  'GET /api/training/applications/:token/certificate.pdf': 'public',
  'GET /api/training/cohorts/:id/applications': CITY_STAFF,
  'POST /api/training/applications/:id/decision': MANAGERS,
  'GET /api/training/cohorts/:id/sessions': STAFF,
  'POST /api/training/cohorts/:id/sessions': MANAGERS,
  'GET /api/training/sessions/:id/check-in-code': EDITORS,
  'GET /api/training/sessions/:id/attendance': CITY_STAFF,
  'PUT /api/training/sessions/:id/attendance': EDITORS,
  'PUT /api/training/cohorts/:id/scores': EDITORS,
  'POST /api/training/cohorts/:id/evaluation': MANAGERS,
  'GET /api/training/cohorts/:id/evaluation': STAFF,
  'POST /api/training/cohorts/:id/certificates': MANAGERS,
  'POST /api/training/certificates/:id/revoke': MANAGERS,
  'GET /api/training/certificates/:id/pdf': CITY_STAFF,
  'GET /api/certificates/:code': 'public',
  'GET /api/training/employers': STAFF,
  'POST /api/training/employers': MANAGERS,
  'GET /api/training/postings': STAFF,
  'POST /api/training/postings': EDITORS,
  'GET /api/training/postings/:id/referrals': CITY_STAFF,
  'POST /api/training/postings/:id/referrals': EDITORS,
  'PATCH /api/training/referrals/:id': EDITORS,
  'GET /api/training/placements': CITY_STAFF,
  'POST /api/training/placements': EDITORS,
  'POST /api/training/placements/:id/follow-up': EDITORS,
  'GET /api/training/figures': STAFF,
  // the financial academy and the registration engine (citizens: by the token in their link)
  'GET /api/academy/sessions': 'public',
  'GET /api/academy/sessions/:id': 'public',
  'POST /api/academy/sessions': MANAGERS,
  'PATCH /api/academy/sessions/:id': MANAGERS,
  'POST /api/academy/sessions/:id/registrations': 'public',
  'GET /api/academy/sessions/:id/registrations': CITY_STAFF,
  'POST /api/academy/sessions/:id/check-in': EDITORS,
  'POST /api/academy/sessions/:id/survey': MANAGERS,
  'GET /api/academy/figures': STAFF,
  'GET /api/academy/programmes': STAFF,
  'POST /api/academy/programmes': MANAGERS,
  'GET /api/surveys/:token': 'public',
  'POST /api/surveys/:token': 'public',
  'POST /api/registrations/lookup': 'public',
  'GET /api/registrations/:token': 'public',
  'POST /api/registrations/:token/cancel': 'public',
  'POST /api/registrations/:token/accept': 'public',
  'GET /api/registrations/:token/qr.svg': 'public',
  'POST /api/registrations/:id/unmask': MANAGERS,
  'GET /api/privacy/consent': 'public',
  // events core (src/modules/events/event-*.ts)
  'GET /api/events': 'public',
  'GET /api/events/:id': 'public',
  'GET /api/events/:id/calendar.ics': 'public',
  'GET /api/events/:id/programme/:itemId/calendar.ics': 'public',
  'GET /api/academy/sessions/:id/calendar.ics': 'public',
  'GET /api/manage/events': STAFF,
  'POST /api/events': MANAGERS,
  'PATCH /api/events/:id': MANAGERS,
  'POST /api/events/:id/rooms': MANAGERS,
  'PATCH /api/events/:id/rooms/:roomId': MANAGERS,
  'DELETE /api/events/:id/rooms/:roomId': MANAGERS,
  'POST /api/events/:id/programme': MANAGERS,
  'PATCH /api/events/:id/programme/:itemId': MANAGERS,
  'DELETE /api/events/:id/programme/:itemId': MANAGERS,
  'POST /api/events/:id/speakers': MANAGERS,
  'PATCH /api/events/:id/speakers/:speakerId': MANAGERS,
  'DELETE /api/events/:id/speakers/:speakerId': MANAGERS,
  'POST /api/speakers/:id/photo': MANAGERS,
  'GET /api/speakers/:id/photo': 'public',
  // event registration and the day of the event (src/modules/events/attendee-*.ts)
  'POST /api/events/:id/registrations': 'public',
  'GET /api/events/:id/categories': 'public',
  'POST /api/events/:id/categories': MANAGERS,
  'PATCH /api/events/:id/categories/:categoryId': MANAGERS,
  'POST /api/events/:id/categories/:categoryId/codes': MANAGERS,
  'GET /api/events/:id/questions': 'public',
  'POST /api/events/:id/questions': MANAGERS,
  'PATCH /api/events/:id/questions/:questionId': MANAGERS,
  'DELETE /api/events/:id/questions/:questionId': MANAGERS,
  'GET /api/events/:id/attendees': CITY_STAFF,
  'POST /api/events/:id/attendees/:registrationId/approval': MANAGERS,
  'POST /api/events/:id/check-in': EDITORS,
  'GET /api/events/:id/badges.pdf': CITY_STAFF,
  'GET /api/events/:id/attendees.xlsx': CITY_STAFF,
  'GET /api/events/:id/attendees.csv': CITY_STAFF,
  'GET /api/events/:id/figures': STAFF,
  'POST /api/events/:id/survey': MANAGERS,
  // cooperation: partner organisations and regular consultations (a partner: its organisation's, checked in the service)
  'GET /api/organisations': STAFF,
  'POST /api/organisations': MANAGERS,
  'PATCH /api/organisations/:id': MANAGERS,
  'GET /api/meeting-series': STAFF,
  'POST /api/meeting-series': MANAGERS,
  'GET /api/meeting-series/:id': STAFF,
  'POST /api/meeting-series/:id/meetings': MANAGERS,
  'GET /api/meetings/:id': STAFF,
  'PATCH /api/meetings/:id': MANAGERS,
  'POST /api/meetings/:id/attendees': MANAGERS,
  'DELETE /api/meetings/:id/attendees/:itemId': MANAGERS,
  'POST /api/meetings/:id/agenda': MANAGERS,
  'DELETE /api/meetings/:id/agenda/:itemId': MANAGERS,
  'POST /api/meetings/:id/outcomes': MANAGERS,
  'PATCH /api/outcomes/:id': ['admin', 'manager', 'partner'],
  'POST /api/meetings/:id/invitations': MANAGERS,
  'GET /api/meetings/:id/invitation.ics': STAFF,
  'POST /api/meetings/:id/minutes/approve': MANAGERS,
  'GET /api/meetings/:id/minutes.pdf': STAFF,
  'GET /api/cooperation/overdue': STAFF,
  // the ordinance (src/modules/cooperation/ordinance)
  'GET /api/ordinance': 'public',
  'GET /api/manage/ordinance': STAFF,
  'POST /api/ordinance/rounds': MANAGERS,
  'POST /api/ordinance/rounds/:id/stage': MANAGERS,
  'POST /api/ordinance/rounds/:id/opinions': EDITORS,
  'PATCH /api/ordinance/opinions/:id': EDITORS,
  'POST /api/ordinance/rounds/:id/documents': EDITORS,
  'GET /api/ordinance/documents/:id/file': 'public',
  // the newsroom (src/modules/news): written by managers and admins; drafts never public
  'GET /api/news': 'public',
  'GET /api/news/feed.xml': 'public',
  'GET /api/news/:id': 'public',
  'GET /api/news/:id/image': 'public',
  'GET /api/news/attachments/:id/file': 'public',
  'GET /api/manage/news': MANAGERS,
  'GET /api/manage/news/:id': MANAGERS,
  'POST /api/manage/news': MANAGERS,
  'PATCH /api/manage/news/:id': MANAGERS,
  'POST /api/manage/news/:id/publish': MANAGERS,
  'POST /api/manage/news/:id/unpublish': MANAGERS,
  'PUT /api/manage/news/:id/image': MANAGERS,
  'DELETE /api/manage/news/:id/image': MANAGERS,
  'POST /api/manage/news/:id/attachments': MANAGERS,
  'DELETE /api/manage/news/attachments/:id': MANAGERS,
  // institution attraction (src/modules/cooperation/attraction): confidential to city staff
  'GET /api/attraction/public': 'public',
  'GET /api/attraction/targets': CITY_STAFF,
  'POST /api/attraction/targets': EDITORS,
  'GET /api/attraction/targets/:id': CITY_STAFF,
  'PATCH /api/attraction/targets/:id': EDITORS,
  'POST /api/attraction/targets/:id/stage': EDITORS,
  'POST /api/attraction/targets/:id/support': EDITORS,
  'GET /api/attraction/funnel': CITY_STAFF,
  // living infrastructure and settlement conditions (citizens' feedback: by the token in its tracking link)
  'GET /api/facilities': 'public',
  'GET /api/facilities/:id': 'public',
  'GET /api/facilities/photos/:id': 'public',
  'GET /api/manage/facilities/:id': STAFF,
  'PATCH /api/manage/facilities/:id': EDITORS,
  'PATCH /api/manage/facilities/:id/milestones/:milestoneId': EDITORS,
  'PUT /api/manage/facilities/:id/budget': MANAGERS,
  'POST /api/manage/facilities/:id/inspections': EDITORS,
  'POST /api/manage/inspections/:id/photos': EDITORS,
  'PATCH /api/manage/follow-ups/:id': EDITORS,
  'POST /api/settlement/feedback': 'public',
  'GET /api/settlement/feedback': 'public',
  'GET /api/settlement/feedback/:token': 'public',
  'POST /api/settlement/feedback/:token/photo': 'public',
  'GET /api/manage/settlement/feedback': CITY_STAFF,
  'GET /api/manage/settlement/feedback/:id/photo': CITY_STAFF,
  'POST /api/manage/settlement/feedback/:id/assign': MANAGERS,
  'POST /api/manage/settlement/feedback/:id/answer': EDITORS,
  'POST /api/manage/settlement/feedback/:id/close': EDITORS,
  'POST /api/manage/settlement/feedback/:id/publication': MANAGERS,
  'GET /api/settlement/surveys': 'public',
  'PUT /api/manage/settlement/surveys/:year': MANAGERS,
  'GET /api/settlement/improvements': 'public',
  'POST /api/manage/settlement/improvements': MANAGERS,
  'POST /api/manage/settlement/improvements/:id/checks': EDITORS,
};

const sample = (url: string) =>
  url
    .replace(':year', '2023')
    .replace(':quarter', '3')
    .replace(/:[a-zA-Z]+/g, '1')
    .replace('*', 'index.html');

describe('authorization matrix', () => {
  let t: TestApp;
  const sessions = new Map<Who, () => Promise<Record<string, string>>>();

  before(async () => {
    t = await openTestApp(ANY_KIND);
    sessions.set('anonymous', async () => ({ origin: 'http://localhost:80' }));
    for (const role of ROLES) {
      const user = await createStaff(t.database, role);
      // a fresh session per request: a call such as logout must not spoil the next one (made
      // beforehand in one insert, one per route)
      const fresh = await mintSessions(t.database, user.id, t.app.apiRoutes.length);
      sessions.set(role, async () => {
        const next = fresh.pop();
        assert.ok(next, `more requests than sessions minted for ${role}`);
        return next;
      });
    }
  });
  after(() => t.close());

  it('has a row for every route and a route for every row', () => {
    const routes = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !(r in MATRIX));
    assert.deepEqual(missing, [], 'routes without a row in the authorization matrix');
    const stale = Object.keys(MATRIX).filter((r) => !routes.includes(r));
    assert.deepEqual(stale, [], 'rows without a route');
  });

  it('allows and denies exactly as the table says, before validation', async () => {
    const failures: string[] = [];
    for (const { method, url, policy } of t.app.apiRoutes) {
      const expected = MATRIX[`${method} ${url}`]!;
      assert.equal('public' in policy, expected === 'public', `${method} ${url}: the route's policy and the table disagree on public`);
      for (const who of ALL) {
        const res = await t.app.inject({ method: method as 'GET', url: sample(url), headers: await sessions.get(who)!(), payload: method === 'GET' ? undefined : {} });
        const allowed = expected === 'public' || (who !== 'anonymous' && expected.includes(who));
        const deniedByPolicy = res.statusCode === 401 || (res.statusCode === 403 && res.json().error?.message?.en === ROLE_FORBIDDEN.en);
        if (allowed && deniedByPolicy) failures.push(`${who} ${method} ${url}: expected allowed, got ${res.statusCode}`);
        if (!allowed) {
          const want = who === 'anonymous' ? 401 : 403;
          if (res.statusCode !== want || !deniedByPolicy) failures.push(`${who} ${method} ${url}: expected ${want}, got ${res.statusCode}`);
        }
        if (res.statusCode >= 500) failures.push(`${who} ${method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('refuses to register an /api route that has no policy', async () => {
    const { buildApp } = await import('../../src/server/app.ts');
    const app = await buildApp({ config: { logLevel: 'silent' }, database: t.database, web: false });
    assert.throws(() => app.get('/api/unguarded', async () => 'open'), /has no policy/);
    await app.close();
  });
});
