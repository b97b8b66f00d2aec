/**
 * axe-core on every education page, public and staff, in Korean and English, against the real
 * `finhub serve` with data made through the API: a full one-seat session with a confirmed and a
 * waitlisted registrant (one with a script-laden name), and a school's application.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { axeViolations } from '../support/browser.ts';
import { createOpenSession, educationHarness, registerByApi, SCRIPT_NAME, schoolByApi } from '../support/education.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

describe('education pages pass axe-core', () => {
  const h = educationHarness('finhub-e2e-edu-axe-');
  let sessionId: number;
  let tokenA = '';
  let tokenB = '';
  let schoolToken = '';

  before(async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    sessionId = await createOpenSession(manager, '청년 재테크 기초', 1);
    tokenA = (await registerByApi(h.server.url, sessionId, { name: SCRIPT_NAME, phone: '010-1111-2222' }, h.dataDir)).token;
    tokenB = (await registerByApi(h.server.url, sessionId, { name: '박대기', phone: '010-3333-4444', waitlist: true }, h.dataDir)).token;
    schoolToken = await schoolByApi(h.server.url, manager, `${SCRIPT_NAME}초등학교`, h.dataDir);
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`axe-core finds no violations on the academy and visiting-school pages (${lang})`, async () => {
      const context = await h.newContext();
      const page = await context.newPage();
      const publicPages: [string, string][] = [
        ['/academy', 'upcoming-sessions'],
        ['/school', 'school-form'],
        [`/school/applications/${schoolToken}`, 'application-facts'],
        [`/academy/sessions/${sessionId}`, 'session-facts'],
        [`/registrations/${tokenB}`, 'registration-facts'],
        [`/registrations/${tokenA}`, 'registration-facts'],
      ];
      for (const [url, testId] of publicPages) {
        await page.goto(`${h.server.url}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        await page.getByTestId(testId).waitFor();
        await page.waitForLoadState('networkidle');
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${url} (${lang}): ${JSON.stringify(violations, null, 1)}`);
      }
      const staff = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD, `?lang=${lang}`);
      const staffPages: [string, string][] = [
        ['/staff/academy', 'staff-sessions'],
        [`/staff/academy/sessions/${sessionId}`, 'registrant-table'],
        [`/staff/academy/sessions/${sessionId}/check-in`, 'registrant-table'],
        ['/staff/school', 'applications'],
      ];
      for (const [url, testId] of staffPages) {
        await staff.goto(`${h.server.url}${url}?lang=${lang}`);
        await staff.getByTestId(testId).waitFor();
        await staff.waitForLoadState('networkidle');
        await staff.evaluate(() =>
          document.querySelectorAll('details').forEach((d) => {
            d.open = true;
          }),
        );
        const violations = await axeViolations(staff);
        assert.deepEqual(violations, [], `${url} (${lang}): ${JSON.stringify(violations, null, 1)}`);
      }
      await context.close();
    });
  }

  it('no page errors', () => {
    assert.deepEqual(h.pageErrors, []);
  });
});
