/**
 * The staff to-do list and the outbox in chromium, at phone (390×844) and desktop width, against
 * the real `finhub serve` (embedded database, the Jeonju plan seeded). Mail goes to a closed SMTP
 * port with a 10 ms backoff, so a registrant's confirmation fails for good within seconds: the
 * failed message a manager then sends again. Each to-do item must link to the page where it is done.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, settled } from '../support/browser.ts';
import { createOpenSession, registerByApi, schoolByApi, waitForText } from '../support/education.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';
import { closedPort } from '../support/smtp.ts';
import { addUserWithCli, ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function waitUntil(what: string, check: () => Promise<boolean>, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('staff to-do list and outbox in chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let manager: ApiSession;
  let planId: number;
  let overdueId: number;
  let overdueText: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const newPage = async (viewport: { width: number; height: number }, email: string) => {
    const context = await browser.newContext({ viewport });
    context.on('page', (page) => {
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    });
    contexts.push(context);
    return signInPage(context, server.url, email);
  };

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-e2e-todo-'));
    addUserWithCli(dataDir, 'admin@jeonju.test', 'admin', '관리자');
    [server, browser] = await Promise.all([
      startServerProcess({
        FINHUB_DATA_DIR: dataDir,
        FINHUB_LOGIN_RATE_LIMIT: '0',
        FINHUB_PUBLIC_RATE_LIMIT: '0',
        FINHUB_OUTBOX_POLL_MS: '100',
        FINHUB_OUTBOX_BACKOFF_MS: '10',
        SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
      }),
      launchBrowser(),
    ]);
    const admin = await ApiSession.signIn(server.url, 'admin@jeonju.test');
    const dept = (await admin.call<{ id: number }>('POST', '/api/departments', { name: '금융산업과', nameEn: 'Finance Industry Division' })).id;
    await admin.call('POST', '/api/users', { email: 'manager@jeonju.test', name: '김금융', role: 'manager', departmentId: dept, password: STAFF_PASSWORD });
    await admin.call('POST', '/api/users', { email: 'officer@jeonju.test', name: '이담당', role: 'officer', departmentId: dept, password: STAFF_PASSWORD });
    manager = await ApiSession.signIn(server.url, 'manager@jeonju.test');
    planId = (await (await fetch(`${server.url}/api/plans`)).json()).items[0].id;
    const plan = await manager.call<{ schedule: { year: number; period: string; actions: { id: number; text: string }[] }[] }>('GET', `/api/manage/plans/${planId}`);
    const action = plan.schedule.find((e) => e.year === 2023 && e.period === 'Q3')!.actions[0]!;
    overdueId = action.id;
    overdueText = action.text;
    await manager.call('PATCH', `/api/actions/${overdueId}/assignment`, { ownerDepartmentId: dept });
    // A school application to decide, and an e-mail confirmation that will fail for good.
    await schoolByApi(server.url, manager, '전주중앙초등학교', dataDir);
    const session = await createOpenSession(manager, '연금과 투자', 20);
    await registerByApi(server.url, session, { name: '홍길동', phone: '010-2345-6789', email: 'hong@example.com', language: 'ko' });
    await waitUntil('the confirmation failed for good', async () => (await manager.call<{ total: number }>('GET', '/api/outbox?status=failed')).total > 0);
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    assert.deepEqual(pageErrors, []);
  });

  it("shows an officer their department's overdue action on a phone, linking to it in the workspace", async () => {
    const page = await newPage(PHONE, 'officer@jeonju.test');
    await settled(page);
    const group = page.getByTestId('todo-overdue');
    await waitForText(group, /기한이 지난 추진계획/);
    const link = group.locator(`li[data-action-id="${overdueId}"] a`);
    assert.equal((await link.innerText()).trim(), overdueText);
    assert.equal(await page.getByTestId('todo-failed').count(), 0, 'an officer does not handle messages');
    assert.equal(await page.getByTestId('todo-schools').count(), 0);
    assert.ok(await noSideScroll(page), 'the dashboard fits a phone');
    assert.deepEqual(await axeViolations(page), []);
    await link.click();
    await page.waitForURL((u) => u.pathname === `/staff/plans/${planId}` && u.searchParams.get('action') === String(overdueId));
  });

  it('shows a manager every kind of work at desktop width, each linking to its page', async () => {
    const page = await newPage(DESKTOP, 'manager@jeonju.test');
    await settled(page);
    await waitForText(page.getByTestId('todo-quarters'), /보고하지 않은 분기/);
    const quarter = page.getByTestId('todo-quarters').locator('a').first();
    assert.match((await quarter.getAttribute('href')) ?? '', new RegExp(`^/staff/plans/${planId}/reports\\?year=\\d{4}&quarter=[1-4]`));
    const school = page.getByTestId('todo-schools').locator('a');
    assert.match(await school.innerText(), /1개교/);
    await school.click();
    await page.waitForURL((u) => u.pathname === '/staff/school');
    await waitForText(page.getByTestId('application-school'), /전주중앙초등학교/);
    await page.goBack();
    await settled(page);
    assert.deepEqual(await axeViolations(page), []);
    const failed = page.getByTestId('todo-failed').locator('a');
    await failed.click();
    await page.waitForURL((u) => u.pathname === '/staff/outbox' && u.searchParams.get('status') === 'failed');
    await settled(page);
    assert.equal(await page.getByTestId('outbox-status').inputValue(), 'failed', 'the filter comes from the address');
  });

  it('reads the audit trail in words and finds Korean words, with the filters in the address (phone and desktop)', async () => {
    const plan = await manager.call<{ schedule: { actions: { id: number; text: string }[] }[] }>('GET', `/api/manage/plans/${planId}`);
    const forum = plan.schedule.flatMap((e) => e.actions).find((a) => a.text.includes('제4회 지니포럼'))!;
    await manager.call('PATCH', `/api/actions/${forum.id}`, { status: 'done', progress: 100 });
    const phone = await newPage(PHONE, 'manager@jeonju.test');
    await phone.goto(`${server.url}/staff/audit?q=${encodeURIComponent('지니포럼')}`);
    await settled(phone);
    const sentence = `김*융 님이 '${forum.text}'를 완료로 변경했습니다`;
    await waitForText(phone.getByTestId('audit-sentence').first(), /완료로 변경했습니다/);
    assert.deepEqual(await phone.getByTestId('audit-sentence').allInnerTexts(), [sentence], 'only the row whose title has the word');
    assert.equal(await phone.getByTestId('audit-q').inputValue(), '지니포럼', 'the search comes from the address');
    assert.ok(await noSideScroll(phone), 'the trail fits a phone');
    assert.deepEqual(await axeViolations(phone), []);

    const desk = await newPage(DESKTOP, 'manager@jeonju.test');
    await desk.goto(`${server.url}/staff/audit?lang=en`);
    await settled(desk);
    const filters = desk.getByTestId('audit-filters');
    await desk.getByTestId('audit-entity').selectOption('action');
    const person = await desk.getByTestId('audit-person').locator('option').allInnerTexts();
    assert.ok(
      person.some((p) => /^김\*융 \(m\*\*\*@jeonju\.test\)$/.test(p)),
      person.join(', '),
    );
    await desk.getByTestId('audit-person').selectOption({ label: person.find((p) => p.startsWith('김*융'))! });
    await filters.locator('button[type="submit"]').click();
    await desk.waitForURL((u) => u.searchParams.get('entity') === 'action' && u.searchParams.get('actorId') !== null);
    await waitForText(desk.getByTestId('audit-sentence').first(), /K|김/);
    const texts = await desk.getByTestId('audit-sentence').allInnerTexts();
    assert.ok(texts.includes(`김*융 changed action '${forum.text}' to Done`), texts.join('\n'));
    assert.ok(
      texts.every((x) => x.startsWith('김*융 ')),
      'only that person',
    );
    await desk.getByTestId('audit-from').fill('2020-01-01');
    await desk.getByTestId('audit-to').fill('2020-01-31');
    await filters.locator('button[type="submit"]').click();
    await waitForText(desk.getByTestId('audit-total'), /^0 records/);
    await desk.goBack();
    await waitForText(desk.getByTestId('audit-total'), /^[1-9]\d* records/);
  });

  for (const [label, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`lists failed messages masked, with the reason, and sends one again (${label})`, async () => {
      const page = await newPage(viewport, 'manager@jeonju.test');
      await page.goto(`${server.url}/staff/outbox?status=failed`);
      await settled(page);
      const card = page.getByTestId('outbox-message').first();
      await waitForText(card.getByTestId('outbox-recipient'), /h\*\*\*@example\.com/);
      assert.ok(!(await page.content()).includes('hong@example.com'), 'the address is never shown in full');
      assert.ok((await card.getByTestId('outbox-reason').innerText()).length > 0, 'the failure reason is shown');
      assert.ok(await noSideScroll(page), `the outbox fits ${label} width`);
      assert.deepEqual(await axeViolations(page), []);
      const id = Number(await card.getAttribute('data-message-id'));
      const before = (await manager.call<{ total: number }>('GET', '/api/audit?action=outbox.retry')).total;
      await card.getByTestId('outbox-retry').click();
      await waitForText(page.getByTestId('form-status'), new RegExp(`메시지 ${id}번을 다시 보내도록`));
      assert.equal((await manager.call<{ total: number }>('GET', '/api/audit?action=outbox.retry')).total, before + 1, 'the retry is audited');
      // The worker takes it again (and, the SMTP port being closed, it fails again after ten new attempts).
      await waitUntil('the worker tried it again', async () => {
        const m = (await manager.call<{ items: { id: number; attempts: number; status: string }[] }>('GET', '/api/outbox?limit=500')).items.find((x) => x.id === id)!;
        return m.status === 'failed' && m.attempts === 10;
      });
      // Filters stay in the address: kind and status, and the form shows them after a reload.
      await page.getByTestId('outbox-status').selectOption('pending');
      await page.getByTestId('outbox-filters').locator('button[type="submit"]').click();
      await page.waitForURL((u) => u.searchParams.get('status') === 'pending');
      await page.reload();
      await settled(page);
      assert.equal(await page.getByTestId('outbox-status').inputValue(), 'pending');
    });
  }
});
