/**
 * After an academy session, in chromium against the real `finhub serve`: a manager moves a
 * session with a checked-in attendee into the past and adds its recording in the edit form,
 * sends the satisfaction survey, the attendee gets the link through the outbox (files under
 * FINHUB_DATA_DIR/outbox with no SMTP) and answers it (a missing rating is refused by field);
 * the past list shows the video and the figures count registered, attended, rate and rating.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { axeViolations } from '../support/browser.ts';
import { createOpenSession, educationHarness, registerByApi, SCRIPT_NAME, seoulInput, waitForText } from '../support/education.ts';
import { ApiSession, signInPage } from '../support/staff.ts';

describe('academy survey and figures in chromium', () => {
  const h = educationHarness('finhub-e2e-survey-');
  let sessionId: number;

  before(async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    sessionId = await createOpenSession(manager, '청년 재테크 기초', 1);
    const b = await registerByApi(h.server.url, sessionId, { name: '박대기', phone: '010-3333-4444' }, h.dataDir);
    await manager.call('POST', `/api/academy/sessions/${sessionId}/check-in`, { token: b.token });
  });

  it('a manager moves the session into the past with its recording; the survey goes to B, who answers it; figures and the past list show it', async () => {
    const context = await h.newContext();
    const staff = await signInPage(context, h.server.url, 'manager@jeonju.test');
    await staff.goto(`${h.server.url}/staff/academy/sessions/${sessionId}`);
    const form = staff.getByTestId('session-form');
    await form.waitFor();
    await form.locator('input[name="registrationOpensAt"]').fill(seoulInput(-8));
    await form.locator('input[name="registrationClosesAt"]').fill(seoulInput(-6));
    await form.locator('input[name="startsAt"]').fill(seoulInput(-4));
    await form.locator('input[name="endsAt"]').fill(seoulInput(-2));
    await form.locator('input[name="videoUrl"]').fill('https://www.youtube.com/watch?v=finhub-demo');
    await form.getByTestId('session-submit').click();
    await waitForText(form.getByTestId('form-status'), /저장했습니다/);

    await staff.getByTestId('send-survey').click();
    await waitForText(staff.locator('[data-testid="form-status"]', { hasText: '발송 대기열' }), /1명/);

    // With no SMTP configured the outbox worker writes each message to FINHUB_DATA_DIR/outbox.
    const outbox = path.join(h.dataDir, 'outbox');
    let surveyToken = '';
    const deadline = Date.now() + 20_000;
    while (!surveyToken) {
      if (Date.now() > deadline) throw new Error('no survey message in the outbox');
      for (const file of fs.existsSync(outbox) ? fs.readdirSync(outbox) : []) {
        const match = /\/surveys\/([A-Za-z0-9_-]+)/.exec(fs.readFileSync(path.join(outbox, file), 'utf8'));
        if (match?.[1]) surveyToken = match[1];
      }
      await new Promise((r) => setTimeout(r, 200));
    }

    const page = await context.newPage();
    await page.goto(`${h.server.url}/surveys/${surveyToken}?lang=en`);
    await page.getByTestId('survey-form').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'survey page (en)');
    await page.goto(`${h.server.url}/surveys/${surveyToken}?lang=ko`);
    const survey = page.getByTestId('survey-form');
    await survey.getByRole('button', { name: '제출' }).click();
    assert.match(await survey.getByTestId('field-error').innerText(), /만족도를 골라/);
    await survey.getByLabel('5 매우 만족').check();
    await survey.locator('textarea[name="comment"]').fill(`좋았습니다 ${SCRIPT_NAME}`);
    await survey.getByRole('button', { name: '제출' }).click();
    await page.getByTestId('survey-done').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'survey page after answering (ko)');

    await page.goto(`${h.server.url}/academy`);
    const past = page.getByTestId('past-sessions');
    await past.waitFor();
    assert.equal(await past.getByTestId('video-link').getAttribute('href'), 'https://www.youtube.com/watch?v=finhub-demo');

    await staff.reload();
    const row = staff.getByTestId('academy-session-figures').locator(`tr[data-session-id="${sessionId}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    assert.deepEqual(cells, ['1', '1', '100.0%', '5.00'], 'registered, attended, attendance rate, satisfaction');
    await context.close();
  });

  it('no page errors', () => {
    assert.deepEqual(h.pageErrors, []);
  });
});
