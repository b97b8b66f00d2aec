/**
 * The financial academy in chromium, against the real `finhub serve` on a fresh embedded
 * database: a manager creates a one-seat session, citizen A registers and sees the QR code,
 * citizen B joins the waiting list, A cancels through the link, B takes the freed seat, staff
 * check B in by name and by token (a second time: "already"), contacts are masked and unmasked,
 * roles limit unmasking and check-in, the camera scanner path works. Bad input shows field
 * errors and script-laden names show as text. (Survey: education-survey.test.ts; axe-core:
 * education-axe.test.ts — separate files keep each under the per-file timeout.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOpenSession, educationHarness, deliveredToken, registerByApi, SCRIPT_NAME, seoulInput, waitForAttribute, waitForCount, waitForText } from '../support/education.ts';
import { ApiSession, signInPage } from '../support/staff.ts';

describe('financial academy in chromium', () => {
  const h = educationHarness('finhub-e2e-academy-');
  let sessionId: number;
  let tokenA = '';
  let tokenB = '';

  it('a manager creates a one-seat session in the staff form; empty fields are refused by field', async () => {
    const context = await h.newContext();
    const page = await signInPage(context, h.server.url, 'manager@jeonju.test');
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
    await form.locator('input[name="capacity"]').fill('1');
    // Registration opening after the start passes the form's own checks; the server's field error shows under the field.
    await form.locator('input[name="registrationOpensAt"]').fill(seoulInput(80));
    await form.locator('input[name="registrationClosesAt"]').fill(seoulInput(90));
    await form.getByTestId('session-submit').click();
    const opensField = form.locator('.field', { has: page.locator('input[name="registrationOpensAt"]') });
    await waitForText(opensField.getByTestId('field-error'), /강좌 시작 전/);
    assert.equal(await form.locator('input[name="registrationOpensAt"]').getAttribute('aria-invalid'), 'true');
    await form.locator('input[name="registrationOpensAt"]').fill(seoulInput(-1));
    await form.locator('input[name="registrationClosesAt"]').fill(seoulInput(48));
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
    const context = await h.newContext({ width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${h.server.url}/`);
    // At phone width the menu folds behind its button.
    await page.getByTestId('menu-button').click();
    const nav = page.getByTestId('public-nav');
    assert.match(await nav.innerText(), /금융아카데미[\s\S]*찾아가는 금융학교/);
    await nav.getByRole('link', { name: '금융아카데미' }).click();
    await page.getByTestId('upcoming-sessions').getByRole('link', { name: '청년 재테크 기초' }).click();
    await page.waitForURL(`${h.server.url}/academy/sessions/${sessionId}`);
    assert.match(await page.getByTestId('seats-left').innerText(), /1석 남음/);
    const notice = await page.getByTestId('consent-notice').innerText();
    for (const part of ['목적', '항목', '기간', '거부']) assert.match(notice, new RegExp(part), `the notice shows ${part}`);

    const form = page.getByTestId('registration-form');
    await form.locator('input[name="name"]').fill(SCRIPT_NAME);
    await form.locator('input[name="phone"]').fill('010-12');
    await form.getByTestId('register-submit').click();
    const errors = await form.getByTestId('field-error').allInnerTexts();
    assert.ok(
      errors.some((e) => /휴대전화 번호 형식/.test(e)),
      `phone error: ${errors}`,
    );
    assert.ok(
      errors.some((e) => /동의/.test(e)),
      `consent error: ${errors}`,
    );
    assert.equal(await form.locator('input[name="phone"]').getAttribute('aria-invalid'), 'true');

    await form.locator('input[name="phone"]').fill('010-1111-2222');
    await form.locator('input[name="consent"]').check();
    await form.getByTestId('register-submit').click();
    // One neutral answer (the same for a phone already registered); the link comes by text message.
    const received = await waitForText(page.getByTestId('application-received'), /신청을 접수했습니다/);
    assert.match(received, /휴대전화 문자/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'application-received', 'focus moves to the answer');
    tokenA = await deliveredToken(h.dataDir, '010-1111-2222', 'registrations');
    await page.goto(`${h.server.url}/registrations/${tokenA}`);
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
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto(`${h.server.url}/academy/sessions/${sessionId}?lang=en`);
    assert.match(await page.getByTestId('registration-state').innerText(), /Full/);
    const form = page.getByTestId('registration-form');
    await form.locator('input[name="name"]').fill('박대기');
    await form.locator('input[name="phone"]').fill('010-3333-4444');
    await form.locator('input[name="consent"]').check();
    await form.getByTestId('register-submit').click();
    assert.match((await form.getByTestId('field-error').allInnerTexts()).join(' '), /waiting list/);
    await form.locator('input[name="waitlist"]').check();
    await form.getByTestId('register-submit').click();
    const received = await waitForText(page.getByTestId('application-received'), /received/);
    tokenB = await deliveredToken(h.dataDir, '010-3333-4444', 'registrations');
    await page.goto(`${h.server.url}/registrations/${tokenB}?lang=en`);
    await page.getByTestId('registration-status').waitFor();
    assert.equal(await page.getByTestId('registration-status').getAttribute('data-status'), 'waitlisted');
    assert.equal(await page.getByTestId('registration-qr').count(), 0, 'no QR code on the waiting list');

    // The same phone again: the same answer as anyone gets (it does not tell that the phone is registered).
    await page.goto(`${h.server.url}/academy/sessions/${sessionId}?lang=en`);
    await form.locator('input[name="name"]').fill('박대기');
    await form.locator('input[name="phone"]').fill('01033334444');
    await form.locator('input[name="consent"]').check();
    await form.locator('input[name="waitlist"]').check();
    await form.getByTestId('register-submit').click();
    assert.equal(await waitForText(page.getByTestId('application-received'), /received/), received);
    assert.doesNotMatch(received, /[가-힣]/, `the answer is in English: ${received}`);
    await context.close();
  });

  it('A cancels through the link (with a confirm step); B is offered the seat and accepts it', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto(`${h.server.url}/registrations/${tokenA}`);
    await page.getByTestId('cancel-registration').click();
    await page.getByTestId('cancel-confirm').click();
    await waitForText(page.getByTestId('form-status'), /취소되었습니다/);
    await waitForAttribute(page.getByTestId('registration-status'), 'data-status', 'cancelled');

    await page.goto(`${h.server.url}/registrations/${tokenB}`);
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
    const context = await h.newContext();
    const page = await signInPage(context, h.server.url, 'manager@jeonju.test');
    await page.goto(`${h.server.url}/staff/academy/sessions/${sessionId}`);
    const table = page.getByTestId('registrant-table');
    await table.waitFor();
    const rowA = table.locator('tr', { hasText: SCRIPT_NAME });
    assert.equal(await rowA.getByTestId('registrant-name').innerText(), SCRIPT_NAME, 'the script-laden name shows as text');
    const rowB = table.locator('tr', { hasText: '박대기' });
    assert.match(await rowB.getByTestId('registrant-phone').innerText(), /010-\*\*\*\*-4444/);
    await rowB.getByTestId('unmask').click();
    await waitForText(rowB.getByTestId('registrant-phone'), /3333/);

    await page.getByTestId('check-in-link').click();
    await page.waitForURL(`${h.server.url}/staff/academy/sessions/${sessionId}/check-in`);
    const search = page.getByTestId('registrant-search');
    await search.locator('input[name="q"]').fill('박대');
    await search.getByRole('button').click();
    const found = page.getByTestId('registrant-table').locator('tr', { hasText: '박대기' });
    await found.waitFor();
    // The table shows the unfiltered rows until the search's answer arrives.
    await waitForCount(page.getByTestId('registrant-table').locator('tbody tr'), 1, 'the search narrows to B');
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

  it('the camera scanner checks in by the QR code where the browser has BarcodeDetector', async () => {
    const context = await h.newContext({ width: 390, height: 844 });
    // Headless chromium has neither a camera nor BarcodeDetector: stand in for both, so the
    // page's own wiring (camera stream → detector → check-in call → result) is what runs.
    // A string, not a function: tsx would add helpers (__name) the page does not have.
    const scanned = JSON.stringify(`${h.server.url}/registrations/${tokenB}`);
    await context.addInitScript(`
      window.BarcodeDetector = class { async detect() { return [{ rawValue: ${scanned} }]; } };
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      if (navigator.mediaDevices) navigator.mediaDevices.getUserMedia = async () => {
        const ctx = canvas.getContext('2d');
        setInterval(() => {
          ctx.fillStyle = '#' + Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0');
          ctx.fillRect(0, 0, 64, 64);
        }, 50);
        return canvas.captureStream(20);
      };
    `);
    const page = await signInPage(context, h.server.url, 'officer@jeonju.test');
    await page.goto(`${h.server.url}/staff/academy/sessions/${sessionId}/check-in`);
    await page.getByTestId('scan-toggle').click();
    await waitForText(page.getByTestId('scan-result'), /박대기님은 이미 출석/, 15_000);
    await page.getByTestId('scan-toggle').click();
    assert.equal(await page.locator('video').count(), 0, 'the camera view closes');
    await context.close();
  });

  it('an officer sees the registrants without an unmask button; a viewer cannot check in', async () => {
    const context = await h.newContext();
    const page = await signInPage(context, h.server.url, 'officer@jeonju.test');
    await page.goto(`${h.server.url}/staff/academy/sessions/${sessionId}`);
    await page.getByTestId('registrant-table').waitFor();
    assert.equal(await page.getByTestId('unmask').count(), 0);
    assert.equal(await page.getByTestId('session-form').count(), 0, 'only managers edit');
    assert.equal(await page.getByTestId('check-in-link').count(), 1, 'officers check in');

    const viewerContext = await h.newContext();
    const viewer = await signInPage(viewerContext, h.server.url, 'viewer@jeonju.test');
    await viewer.goto(`${h.server.url}/staff/academy/sessions/${sessionId}`);
    await viewer.getByTestId('registrant-table').waitFor();
    assert.equal(await viewer.getByTestId('check-in').count(), 0);
    assert.equal(await viewer.getByTestId('check-in-link').count(), 0);
    await viewer.goto(`${h.server.url}/staff/academy/sessions/${sessionId}/check-in`);
    await viewer.getByTestId('forbidden').waitFor();
    await context.close();
    await viewerContext.close();
  });

  it('the check-in page fits a phone', async () => {
    const context = await h.newContext({ width: 375, height: 800 });
    const page = await signInPage(context, h.server.url, 'officer@jeonju.test');
    await page.goto(`${h.server.url}/staff/academy/sessions/${sessionId}/check-in`);
    await page.getByTestId('registrant-table').waitFor();
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no sideways scrolling (${width}px)`);
    // Headless chromium on Linux has no BarcodeDetector: the camera scanner is offered all the same
    // (it reads frames with the jsqr decoder; tests/e2e/check-in.test.ts scans with it), and typing.
    assert.equal(await page.evaluate(() => 'BarcodeDetector' in window), false);
    assert.equal(await page.getByTestId('qr-scanner').count(), 1);
    assert.equal(await page.getByTestId('scanner-unsupported').count(), 0);
    assert.equal(await page.getByTestId('token-form').count(), 1);
    await context.close();
  });

  it('a long registrant list comes a page (100) at a time: "more" appends the rest', async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const big = await createOpenSession(manager, '대형 강좌', 500);
    for (let i = 0; i < 130; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          registerByApi(h.server.url, big, { name: `수강생${i + k}`, phone: `010-3${String(i + k).padStart(3, '0')}-${String(i + k).padStart(4, '0')}` }),
        ),
      );
    }
    const context = await h.newContext();
    const page = await signInPage(context, h.server.url, 'officer@jeonju.test');
    await page.goto(`${h.server.url}/staff/academy/sessions/${big}`);
    const rows = page.getByTestId('registrant-table').locator('tbody tr');
    await page.getByTestId('registrants-more').waitFor();
    assert.equal(await rows.count(), 100);
    assert.match(await page.getByTestId('registrants-more-row').innerText(), /130명 중 100명/);
    await page.getByTestId('registrants-more').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="registrant-table"] tbody tr').length === 130);
    assert.equal(await page.getByTestId('registrants-more').count(), 0, 'no more button on the last page');
    // A check-in on the second page reloads the list without losing the rows shown.
    await page.getByTestId('registrant-table').locator('tr', { hasText: '수강생120' }).getByTestId('check-in').click();
    await waitForText(page.getByTestId('check-in-result'), /수강생120/);
    await page.getByTestId('registrant-table').locator('tr', { hasText: '수강생120' }).getByTestId('checked-in-at').waitFor();
    assert.equal(await rows.count(), 130);
    await context.close();
  });

  it('no page errors', () => {
    assert.deepEqual(h.pageErrors, []);
  });
});
