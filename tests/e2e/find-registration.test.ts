/**
 * "Find my registration" in chromium against the real `finhub serve`: a citizen who lost the link
 * asks for it again by e-mail and by phone; the page shows the same answer whatever exists; the
 * link arrives only at the address given (the server's outbox files) and opens the registration.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createOpenSession, deliveredToken, educationHarness, registerByApi, waitForText } from '../support/education.ts';
import { ApiSession } from '../support/staff.ts';

describe('find my registration in chromium', () => {
  const h = educationHarness('finhub-e2e-find-');

  const ask = async (page: Page, by: 'email' | 'phone', value: string) => {
    await page.goto(`${h.server.url}/registrations/find`);
    const form = page.getByTestId('lookup-form');
    await form.waitFor();
    if (by === 'email')
      await form
        .getByTestId('lookup-by')
        .getByLabel(/전자우편|E-mail/)
        .check();
    await form.locator(`input[name="${by}"]`).fill(value);
    await form.getByTestId('lookup-submit').click();
    return waitForText(page.getByTestId('lookup-received'), /요청을 접수했습니다|Request received/);
  };

  it('the link goes to the e-mail given and opens the registration; an unknown address gets the same answer and nothing', async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const sessionId = await createOpenSession(manager, '잃어버린 링크 강좌', 5);
    const { token: first } = await registerByApi(h.server.url, sessionId, { name: '나찾기', phone: '010-7777-1234', email: 'lost@example.test', language: 'en' }, h.dataDir);
    const context = await h.newContext({ width: 390, height: 844 });
    const page = await context.newPage();
    await page.goto(`${h.server.url}/registrations/find`);
    assert.equal(await page.locator('h1').innerText(), '내 신청 찾기');
    // Empty: a field error, nothing sent.
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('field-error').first().waitFor();
    const unknownAnswer = await ask(page, 'email', 'nobody@example.test');
    const knownAnswer = await ask(page, 'email', 'lost@example.test');
    assert.equal(knownAnswer, unknownAnswer, 'the same answer whether or not a registration exists');
    let token = first;
    const deadline = Date.now() + 15_000;
    while (token === first && Date.now() < deadline) token = await deliveredToken(h.dataDir, 'lost@example.test', 'registrations');
    assert.notEqual(token, first, 'a new link, sent to the address given');
    await page.goto(`${h.server.url}/registrations/${token}`);
    await waitForText(page.locator('main'), /잃어버린 링크 강좌/);
    assert.deepEqual(h.pageErrors, []);
  });

  it('by phone in English: a bad number is refused on the page; a good one is texted the link', async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const sessionId = await createOpenSession(manager, '문자 링크 강좌', 5);
    const { token: first } = await registerByApi(h.server.url, sessionId, { name: '문자찾기', phone: '010-7777-5678' }, h.dataDir);
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto(`${h.server.url}/registrations/find?lang=en`);
    await waitForText(page.locator('h1'), /Find my registration/);
    const form = page.getByTestId('lookup-form');
    await form.locator('input[name="phone"]').fill('12345');
    await form.getByTestId('lookup-submit').click();
    await waitForText(form.getByTestId('field-error').first(), /\S/);
    await form.locator('input[name="phone"]').fill('010-7777-5678');
    await form.getByTestId('lookup-submit').click();
    await waitForText(page.getByTestId('lookup-received'), /Request received/);
    let token = first;
    const deadline = Date.now() + 15_000;
    while (token === first && Date.now() < deadline) token = await deliveredToken(h.dataDir, '01077775678', 'registrations');
    assert.notEqual(token, first);
    const status = await fetch(`${h.server.url}/api/registrations/${token}`);
    assert.equal(status.status, 200);
    assert.deepEqual(h.pageErrors, []);
  });
});
