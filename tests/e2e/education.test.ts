/**
 * The financial academy and the visiting financial school in chromium, against the real
 * `finhub serve` on a fresh embedded database: a manager creates a one-seat session, citizen A
 * registers and sees the QR code, citizen B joins the waiting list, A cancels through the link,
 * B takes the freed seat, staff check B in by name (twice: "already"), contacts are masked and
 * unmasked; a school applies, is selected with a reason, gets a class and its result; bad input
 * shows field errors, script-laden names show as text, and axe-core finds nothing in ko and en.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';
import { addUserWithCli, ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

async function waitForText(locator: Locator, pattern: RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = (await locator.count()) > 0 ? await locator.first().innerText() : '';
    if (pattern.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in ${locator}; last text: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitForAttribute(locator: Locator, name: string, value: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await locator.getAttribute(name)) !== value) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${name}=${value} on ${locator}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A `datetime-local` value in Seoul time, `hours` from now. */
function seoulInput(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000 + 9 * 3_600_000).toISOString().slice(0, 16);
}
const seoulDate = (days: number) => new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);

const SCRIPT_NAME = '<script>alert(1)</script>';

describe('financial academy and visiting school in chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let sessionId: number;
  let tokenA = '';
  let tokenB = '';
  let schoolToken = '';
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-e2e-education-'));
    addUserWithCli(dataDir, 'admin@jeonju.test', 'admin', '관리자');
    [server, browser] = await Promise.all([
      startServerProcess({ FINHUB_DATA_DIR: dataDir, FINHUB_LOGIN_RATE_LIMIT: '0', FINHUB_PUBLIC_RATE_LIMIT: '0' }),
      launchBrowser(),
    ]);
    const admin = await ApiSession.signIn(server.url, 'admin@jeonju.test');
    const dept = (await admin.call<{ id: number }>('POST', '/api/departments', { name: '금융산업과', nameEn: 'Finance Industry Division' })).id;
    await admin.call('POST', '/api/users', { email: 'manager@jeonju.test', name: '김금융', role: 'manager', departmentId: dept, password: STAFF_PASSWORD });
    await admin.call('POST', '/api/users', { email: 'officer@jeonju.test', name: '이담당', role: 'officer', departmentId: dept, password: STAFF_PASSWORD });
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    assert.deepEqual(dialogs, [], 'no script ran from user text');
  });

  async function newContext(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport });
    context.on('page', (page) => {
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && pageErrors.push(`${page.url()}: ${m.text()}`));
    });
    contexts.push(context);
    return context;
  }

  const tokenOf = (url: string) => /\/registrations\/([^/?#]+)/.exec(url)?.[1] ?? '';

  it('a manager creates a one-seat session in the staff form; empty fields are refused by field', async () => {
    const context = await newContext();
    const page = await signInPage(context, server.url, 'manager@jeonju.test');
    assert.match(await page.getByTestId('staff-nav').innerText(), /금융아카데미[\s\S]*찾아가는 금융학교/);
    await page.getByTestId('staff-nav').getByRole('link', { name: '금융아카데미' }).click();
    const form = page.getByTestId('session-form');
    await form.waitFor();
    await form.getByTestId('session-submit').click();
    assert.ok((await form.getByTestId('field-error').count()) >= 3, 'required fields are named');

    await form.locator('input[name="titleKo"]').fill('청년 재테크 기초');
    await form.locator('input[name="titleEn"]').fill('Money basics for young adults');
    await form.locator('input[name="lecturer"]').fill('정강사');
    await form.locator('input[name="venue"]').fill('전주시청 강당');
    await form.locator('input[name="startsAt"]').fill(seoulInput(72));
    await form.locator('input[name="endsAt"]').fill(seoulInput(74));
    await form.locator('input[name="registrationOpensAt"]').fill(seoulInput(-1));
    await form.locator('input[name="registrationClosesAt"]').fill(seoulInput(48));
    await form.locator('input[name="capacity"]').fill('1');
    await form.getByTestId('session-submit').click();
    await waitForText(form.getByTestId('form-status'), /등록했습니다/);
    const row = page.getByTestId('staff-sessions').locator('tr', { hasText: '청년 재테크 기초' });
    await row.waitFor();
    assert.match(await row.innerText(), /0 \/ 1/);
    sessionId = Number(await row.getAttribute('data-session-id'));
    assert.ok(sessionId > 0);
    await context.close();
  });

  it('citizen A: bad input shows field errors; a script-laden name registers and the QR code shows', async () => {
    const context = await newContext({ width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const nav = page.getByTestId('public-nav');
    assert.match(await nav.innerText(), /금융아카데미[\s\S]*찾아가는 금융학교/);
    await nav.getByRole('link', { name: '금융아카데미' }).click();
    await page.getByTestId('upcoming-sessions').getByRole('link', { name: '청년 재테크 기초' }).click();
    await page.waitForURL(`${server.url}/academy/sessions/${sessionId}`);
    assert.match(await page.getByTestId('seats-left').innerText(), /1석 남음/);
    const notice = await page.getByTestId('consent-notice').innerText();
    for (const part of ['목적', '항목', '기간', '거부']) assert.match(notice, new RegExp(part), `the notice shows ${part}`);

    const form = page.getByTestId('registration-form');
    await form.locator('input[name="name"]').fill(SCRIPT_NAME);
    await form.locator('input[name="phone"]').fill('010-12');
    await form.getByTestId('register-submit').click();
    const errors = await form.getByTestId('field-error').allInnerTexts();
    assert.ok(errors.some((e) => /휴대전화 번호 형식/.test(e)), `phone error: ${errors}`);
    assert.ok(errors.some((e) => /동의/.test(e)), `consent error: ${errors}`);
    assert.equal(await form.locator('input[name="phone"]').getAttribute('aria-invalid'), 'true');

    await form.locator('input[name="phone"]').fill('010-1111-2222');
    await form.locator('input[name="consent"]').check();
    await form.getByTestId('register-submit').click();
    await page.waitForURL(/\/registrations\/[^/?]+\?new=1/);
    tokenA = tokenOf(page.url());
    assert.equal(await page.getByTestId('registration-status').getAttribute('data-status'), 'confirmed');
    const qr = page.getByTestId('registration-qr');
    await qr.waitFor();
    assert.equal(await qr.getAttribute('src'), `/api/registrations/${tokenA}/qr.svg`);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="registration-qr"]');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 390, `the confirmation fits a phone (${scrollWidth}px)`);
    await context.close();
  });

  it('citizen B finds the session full and joins the waiting list', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/academy/sessions/${sessionId}?lang=en`);
    assert.match(await page.getByTestId('registration-state').innerText(), /Full/);
    const form = page.getByTestId('registration-form');
    await form.locator('input[name="name"]').fill('박대기');
    await form.locator('input[name="phone"]').fill('010-3333-4444');
    await form.locator('input[name="consent"]').check();
    await form.getByTestId('register-submit').click();
    assert.match((await form.getByTestId('field-error').allInnerTexts()).join(' '), /waiting list/);
    await form.locator('input[name="waitlist"]').check();
    await form.getByTestId('register-submit').click();
    await page.waitForURL(/\/registrations\/[^/?]+\?new=1/);
    tokenB = tokenOf(page.url());
    assert.equal(await page.getByTestId('registration-status').getAttribute('data-status'), 'waitlisted');
    assert.equal(await page.getByTestId('registration-qr').count(), 0, 'no QR code on the waiting list');

    // The same phone again: the server's 409 is shown on top of the form, in English.
    await page.goto(`${server.url}/academy/sessions/${sessionId}?lang=en`);
    await form.locator('input[name="name"]').fill('박대기');
    await form.locator('input[name="phone"]').fill('01033334444');
    await form.locator('input[name="consent"]').check();
    await form.locator('input[name="waitlist"]').check();
    await form.getByTestId('register-submit').click();
    const alert = await waitForText(page.getByTestId('form-alert'), /\S/);
    assert.doesNotMatch(alert, /[가-힣]/, `the server's message is in English: ${alert}`);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'form-alert', 'focus moves to the error');
    await context.close();
  });

  it('A cancels through the link (with a confirm step); B is offered the seat and accepts it', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/registrations/${tokenA}`);
    await page.getByTestId('cancel-registration').click();
    await page.getByTestId('cancel-confirm').click();
    await waitForText(page.getByTestId('form-status'), /취소되었습니다/);
    await waitForAttribute(page.getByTestId('registration-status'), 'data-status', 'cancelled');

    await page.goto(`${server.url}/registrations/${tokenB}`);
    const status = page.getByTestId('registration-status');
    await status.waitFor();
    const state = await status.getAttribute('data-status');
    assert.ok(state === 'offered' || state === 'confirmed', `B is offered or promoted (${state})`);
    if (state === 'offered') {
      await page.getByTestId('accept-offer').click();
      await waitForText(page.getByTestId('form-status'), /확정/);
    }
    await waitForAttribute(status, 'data-status', 'confirmed');
    await page.getByTestId('registration-qr').waitFor();
    await context.close();
  });

  it('staff see masked phones (unmasking for managers), and check B in by name; a second check-in says already', async () => {
    const context = await newContext();
    const page = await signInPage(context, server.url, 'manager@jeonju.test');
    await page.goto(`${server.url}/staff/academy/sessions/${sessionId}`);
    const table = page.getByTestId('registrant-table');
    await table.waitFor();
    const rowA = table.locator('tr', { hasText: SCRIPT_NAME });
    assert.equal(await rowA.getByTestId('registrant-name').innerText(), SCRIPT_NAME, 'the script-laden name shows as text');
    const rowB = table.locator('tr', { hasText: '박대기' });
    assert.match(await rowB.getByTestId('registrant-phone').innerText(), /010-\*\*\*\*-4444/);
    await rowB.getByTestId('unmask').click();
    await waitForText(rowB.getByTestId('registrant-phone'), /3333/);

    await page.getByTestId('check-in-link').click();
    await page.waitForURL(`${server.url}/staff/academy/sessions/${sessionId}/check-in`);
    const search = page.getByTestId('registrant-search');
    await search.locator('input[name="q"]').fill('박대');
    await search.getByRole('button').click();
    const found = page.getByTestId('registrant-table').locator('tr', { hasText: '박대기' });
    await found.waitFor();
    assert.equal(await page.getByTestId('registrant-table').locator('tbody tr').count(), 1, 'the search narrows to B');
    await found.getByTestId('check-in').click();
    await waitForText(page.getByTestId('check-in-result'), /박대기님 출석을 확인했습니다/);
    await found.getByTestId('checked-in-at').waitFor();
    await found.getByTestId('check-in').click();
    await waitForText(page.getByTestId('check-in-result'), /이미 출석/);

    // The typed-token fallback (what the scanner reads): also "already".
    await page.getByTestId('token-form').locator('input[name="token"]').fill(tokenB);
    await page.getByTestId('token-form').getByRole('button').click();
    await waitForText(page.getByTestId('scan-result'), /이미 출석/);
    await context.close();
  });

  it('an officer sees the registrants without an unmask button', async () => {
    const context = await newContext();
    const page = await signInPage(context, server.url, 'officer@jeonju.test');
    await page.goto(`${server.url}/staff/academy/sessions/${sessionId}`);
    await page.getByTestId('registrant-table').waitFor();
    assert.equal(await page.getByTestId('unmask').count(), 0);
    assert.equal(await page.getByTestId('session-form').count(), 0, 'only managers edit');
    await context.close();
  });

  it('a school applies (bad input refused by field), is selected with a reason, gets a class and its result', async () => {
    const context = await newContext();
    const staff = await signInPage(context, server.url, 'manager@jeonju.test');
    await staff.goto(`${server.url}/staff/school`);
    const surveyForm = staff.getByTestId('school-survey-form');
    await surveyForm.locator('input[name="targetSchools"]').fill('3');
    await surveyForm.locator('input[name="opensAt"]').fill(seoulInput(-1));
    await surveyForm.locator('input[name="closesAt"]').fill(seoulInput(24 * 14));
    await surveyForm.getByRole('button').click();
    await staff.getByTestId('staff-school-survey').waitFor();

    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByTestId('public-nav').getByRole('link', { name: '찾아가는 금융학교' }).click();
    const form = page.getByTestId('school-form');
    await form.waitFor();
    await form.locator('input[name="schoolName"]').fill(`${SCRIPT_NAME}초등학교`);
    await form.locator('input[name="teacherName"]').fill('최교사');
    await form.locator('input[name="teacherPhone"]').fill('12345');
    await form.locator('input[name="grade"]').fill('5학년');
    await form.locator('input[name="students"]').fill('28');
    await form.locator('input[name="preferredDate1"]').fill(seoulDate(30));
    await form.locator('input[name="preferredDate2"]').fill(seoulDate(31));
    await form.locator('textarea[name="topics"]').fill('용돈 관리');
    await form.getByTestId('school-submit').click();
    const errors = (await form.getByTestId('field-error').allInnerTexts()).join(' ');
    assert.match(errors, /휴대전화 번호 형식/);
    assert.match(errors, /동의/);
    await form.locator('input[name="teacherPhone"]').fill('063-222-1234');
    await form.locator('input[name="consent"]').check();
    await form.getByTestId('school-submit').click();
    await page.waitForURL(/\/school\/applications\/[^/?]+\?new=1/);
    schoolToken = /\/school\/applications\/([^/?#]+)/.exec(page.url())![1]!;
    assert.equal(await page.getByTestId('application-status').getAttribute('data-status'), 'submitted');

    await staff.reload();
    const card = staff.getByTestId('application-card').filter({ hasText: '최교사' });
    await card.waitFor();
    assert.equal(await card.getByTestId('application-school').innerText(), `${SCRIPT_NAME}초등학교`);
    assert.match(await card.getByTestId('application-phone').innerText(), /\*\*\*\*/, 'the phone is masked');
    const decision = card.getByTestId('decision-form');
    await decision.getByTestId('decision-submit').click();
    assert.ok((await decision.getByTestId('field-error').count()) >= 1, 'a decision needs a reason');
    await decision.locator('select[name="decision"]').selectOption('selected');
    await decision.locator('textarea[name="reason"]').fill('수요 학생 수가 많고 일정이 맞음');
    await decision.getByTestId('decision-submit').click();
    await waitForAttribute(card.getByTestId('staff-application-status'), 'data-status', 'selected');

    const classForm = card.getByTestId('class-form');
    await classForm.locator('input[name="heldOn"]').fill(seoulDate(30));
    await classForm.locator('input[name="lecturer"]').fill('정강사');
    await classForm.locator('input[name="classes"]').fill('2');
    await classForm.getByTestId('class-submit').click();
    const cls = card.getByTestId('school-class');
    await cls.waitFor();
    await cls.getByTestId('result-form').locator('input[name="studentsReached"]').fill('56');
    await cls.getByTestId('result-submit').click();
    await waitForText(card.getByTestId('class-result'), /56/);
    await waitForText(staff.getByTestId('selected-of-target'), /1 \/ 목표 3/);

    await page.goto(`${server.url}/school/applications/${schoolToken}`);
    await page.getByTestId('application-status').waitFor();
    assert.notEqual(await page.getByTestId('application-status').getAttribute('data-status'), 'submitted');
    assert.match(await page.getByTestId('decision-reason').innerText(), /수요 학생 수가 많고/);
    assert.match(await page.getByTestId('application-classes').innerText(), /정강사/);
    await context.close();
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`axe-core finds no violations on the education pages (${lang})`, async () => {
      const context = await newContext();
      const page = await context.newPage();
      const publicPages: [string, string][] = [
        ['/academy', 'upcoming-sessions'],
        [`/academy/sessions/${sessionId}`, 'session-facts'],
        [`/registrations/${tokenB}`, 'registration-facts'],
        [`/registrations/${tokenA}`, 'registration-facts'],
        ['/school', 'school-form'],
        [`/school/applications/${schoolToken}`, 'application-facts'],
      ];
      for (const [url, testId] of publicPages) {
        await page.goto(`${server.url}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        await page.getByTestId(testId).waitFor();
        await page.waitForLoadState('networkidle');
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${url} (${lang}): ${JSON.stringify(violations, null, 1)}`);
      }
      const staff = await signInPage(context, server.url, 'manager@jeonju.test', STAFF_PASSWORD, `?lang=${lang}`);
      const staffPages: [string, string][] = [
        ['/staff/academy', 'staff-sessions'],
        [`/staff/academy/sessions/${sessionId}`, 'registrant-table'],
        [`/staff/academy/sessions/${sessionId}/check-in`, 'registrant-table'],
        ['/staff/school', 'applications'],
      ];
      for (const [url, testId] of staffPages) {
        await staff.goto(`${server.url}${url}?lang=${lang}`);
        await staff.getByTestId(testId).waitFor();
        await staff.waitForLoadState('networkidle');
        const violations = await axeViolations(staff);
        assert.deepEqual(violations, [], `${url} (${lang}): ${JSON.stringify(violations, null, 1)}`);
      }
      await context.close();
    });
  }

  it('a manager moves the session into the past with its recording; the survey goes to B, who answers it; figures and the past list show it', async () => {
    const context = await newContext();
    const staff = await signInPage(context, server.url, 'manager@jeonju.test');
    await staff.goto(`${server.url}/staff/academy/sessions/${sessionId}`);
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
    const outbox = path.join(dataDir, 'outbox');
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
    await page.goto(`${server.url}/surveys/${surveyToken}?lang=en`);
    await page.getByTestId('survey-form').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'survey page (en)');
    await page.goto(`${server.url}/surveys/${surveyToken}?lang=ko`);
    const survey = page.getByTestId('survey-form');
    await survey.getByRole('button', { name: '제출' }).click();
    assert.match(await survey.getByTestId('field-error').innerText(), /만족도를 골라/);
    await survey.getByLabel('5 매우 만족').check();
    await survey.locator('textarea[name="comment"]').fill(`좋았습니다 ${SCRIPT_NAME}`);
    await survey.getByRole('button', { name: '제출' }).click();
    await page.getByTestId('survey-done').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'survey page after answering (ko)');

    await page.goto(`${server.url}/academy`);
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
    assert.deepEqual(pageErrors, []);
  });
});
