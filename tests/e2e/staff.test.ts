/**
 * The staff workspace in chromium, against the real `finhub serve` on a fresh embedded
 * database (the Jeonju plan loaded on first start): sign-in, updating actions with evidence,
 * the public page showing the result, officers' limits, the ledger, quarterly reports with the
 * XLSX download, import, users, audit, password change, and axe-core on every staff page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, launchBrowser, settled } from '../support/browser.ts';
import { planText } from '../support/plan-text.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';
import { addUserWithCli, ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

interface Action {
  id: number;
  text: string;
  status: string;
  progress: number;
  ownerDepartmentId: number | null;
}
interface StaffPlan {
  id: number;
  title: string;
  schedule: { year: number; period: string; actions: Action[] }[];
}
interface PublicPlan {
  figures: { overall: { progressRate: number | null; completionRate: number | null; counted: number; done: number } };
  ledger: { executedKrw: number; plannedKrw: number };
  schedule: { actions: { id: number; status: string; progress: number; evidence: { title: string; url: string }[] }[] }[];
}

/** Polls a locator's text until it matches (playwright-core has no expect()). */
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

async function waitUntil(what: string, check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const oneDecimal = (x: number) => `${(Math.round(x * 10) / 10).toFixed(1)}%`;

describe('staff workspace in chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let admin: ApiSession;
  let planId: number;
  let actions: Action[];
  let financeDept: number;
  let investDept: number;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-e2e-staff-'));
    // The embedded database is single-process: the first admin is added before the server starts.
    addUserWithCli(dataDir, 'admin@jeonju.test', 'admin', '관리자');
    [server, browser] = await Promise.all([
      // Many sign-ins from one address in a minute: the per-address limit is off here. The
      // loopback is a trusted proxy, so a test can speak from another address (X-Forwarded-For).
      startServerProcess({ FINHUB_DATA_DIR: dataDir, FINHUB_LOGIN_RATE_LIMIT: '0', FINHUB_TRUST_PROXY: '127.0.0.1' }),
      launchBrowser(),
    ]);
    admin = await ApiSession.signIn(server.url, 'admin@jeonju.test');
    financeDept = (await admin.call<{ id: number }>('POST', '/api/departments', { name: '금융산업과', nameEn: 'Finance Industry Division' })).id;
    investDept = (await admin.call<{ id: number }>('POST', '/api/departments', { name: '투자유치과', nameEn: 'Investment Division' })).id;
    const users: [string, string, string, number | null][] = [
      ['manager@jeonju.test', '김금융', 'manager', financeDept],
      ['officer@jeonju.test', '이투자', 'officer', investDept],
      ['locked@jeonju.test', '박잠금', 'viewer', null],
      ['viewer@jeonju.test', '최열람', 'viewer', null],
      ['partner@jeonju.test', '정협력', 'partner', null],
    ];
    for (const [email, name, role, departmentId] of users) {
      await admin.call('POST', '/api/users', { email, name, role, departmentId, password: STAFF_PASSWORD });
    }
    planId = (await (await fetch(`${server.url}/api/plans`)).json()).items[0].id;
    const plan = await admin.call<StaffPlan>('GET', `/api/manage/plans/${planId}`);
    actions = plan.schedule.flatMap((e) => e.actions);
    assert.ok(actions.length >= 6, 'the seed plan has actions');
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function newContext(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport });
    context.on('page', (page) => {
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
      // Chromium logs every 4xx fetch as a console error (401 before sign-in, 403 shown to officers).
      page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && pageErrors.push(`${page.url()}: ${m.text()}`));
    });
    contexts.push(context);
    return context;
  }

  const card = (page: Page, actionId: number) => page.locator(`[data-testid="action-card"][data-action-id="${actionId}"]`);

  /** Opens one action of the workspace's list for editing (its row's link) and returns its card. */
  async function openAction(page: Page, actionId: number): Promise<Locator> {
    await page.locator(`[data-testid="action-row"][data-action-id="${actionId}"]`).getByTestId('action-row-link').click();
    await page.waitForURL(new RegExp(`/staff/plans/${planId}/actions/${actionId}(\\?|$)`));
    await card(page, actionId).waitFor();
    return card(page, actionId);
  }

  async function openWorkspace(page: Page): Promise<void> {
    await page.goto(`${server.url}/staff/plans/${planId}`);
    await page.getByTestId('workspace').waitFor();
  }

  it('sends a signed-out visitor to sign in and back; wrong passwords are refused in Korean and English; guesses from elsewhere lock nobody out', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/plans/${planId}`);
    await page.waitForURL(/\/staff\/login\?next=/);
    assert.equal(await page.locator('h1').innerText(), '직원 로그인');

    await page.locator('input[name="email"]').fill('manager@jeonju.test');
    await page.locator('input[name="password"]').fill('not the password');
    await page.getByRole('button', { name: '로그인' }).click();
    await waitForText(page.getByTestId('form-alert'), /이메일 또는 비밀번호가 올바르지 않습니다/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'form-alert', 'focus moves to the error');

    // A stranger's guesses from another address make that address wait, never lock the account…
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, 'x-forwarded-for': '203.0.113.66' },
        body: JSON.stringify({ email: 'locked@jeonju.test', password: `guess ${i}` }),
      });
      assert.equal(res.status, 401);
    }
    // …so its owner, from an address that has not failed, signs in at once. (A failure from this
    // address too would make it wait: the e-mail has been guessed at from elsewhere.) An unknown
    // e-mail first, in English: the same message as a wrong password.
    const elsewhere = await newContext();
    const en = await elsewhere.newPage();
    await en.goto(`${server.url}/staff/login?lang=en`);
    await en.getByLabel('E-mail').fill('nobody@jeonju.test');
    await en.getByLabel('Password').fill('not the password either');
    await en.getByRole('button', { name: 'Sign in' }).click();
    await waitForText(en.getByTestId('form-alert'), /E-mail or password is incorrect/);
    await en.getByLabel('E-mail').fill('locked@jeonju.test');
    await en.getByLabel('Password').fill(STAFF_PASSWORD);
    await en.getByRole('button', { name: 'Sign in' }).click();
    await en.getByTestId('staff-user').waitFor();
    assert.match(await en.getByTestId('staff-user').innerText(), /박잠금/);
    await en.close();

    await page.locator('input[name="password"]').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL(`${server.url}/staff/plans/${planId}`);
    await page.getByTestId('workspace').waitFor();
    const nav = await page.getByTestId('staff-nav').innerText();
    assert.match(nav, /대시보드/);
    assert.match(nav, /감사 기록/, 'managers see the audit trail');
    assert.doesNotMatch(nav, /사용자/, 'only admins manage users');
    assert.match(await page.getByTestId('staff-user').innerText(), /김금융/);
    await context.close();
  });

  it('a manager updates status and progress with a comment, uploads evidence and publishes it; the public page shows it', async () => {
    const [a, b] = actions;
    const context = await newContext();
    const page = await signInPage(context, server.url, 'manager@jeonju.test');
    await page.getByTestId('staff-plan-card').first().getByRole('link', { name: '추진 관리' }).click();
    await page.getByTestId('workspace').waitFor();

    const first = await openAction(page, a!.id);
    await first.getByTestId('status-select').selectOption({ label: '정상추진' });
    await first.getByTestId('progress-input').fill('60');
    await first.getByLabel('의견(내부용)').fill('1차 협의 완료: 지니포럼 참가 확정');
    await first.getByTestId('save-action').click();
    await waitForText(first.locator('.action-form [data-testid="form-status"]'), /저장했습니다/);
    await waitForText(first.getByTestId('action-card-status'), /정상추진/);

    await first.getByTestId('history').locator('summary').click();
    const history = await waitForText(first.getByTestId('history-item'), /1차 협의 완료/);
    assert.match(history, /추진예정 → 정상추진/);
    assert.match(history, /0% → 60%/);
    assert.match(history, /김금융/);

    // A bad value is refused next to its field, and nothing is sent.
    const second = await openAction(page, b!.id);
    assert.equal(await first.count(), 0, 'one action is open at a time');
    await second.getByTestId('progress-input').fill('140');
    await second.getByTestId('save-action').click();
    await waitForText(second.getByTestId('field-error'), /0부터 100/);
    assert.equal(await second.getByTestId('progress-input').getAttribute('aria-invalid'), 'true');
    await second.getByTestId('status-select').selectOption('done');
    await second.getByTestId('progress-input').fill('100');
    await second.getByTestId('save-action').click();
    await waitForText(second.locator('.action-form [data-testid="form-status"]'), /저장했습니다/);

    // Evidence: a file (published after upload) and an internal link.
    await openAction(page, a!.id);
    await first.getByTestId('evidence-panel').locator('summary').click();
    const upload = first.getByTestId('upload-form');
    await upload.locator('input[type="file"]').setInputFiles({
      name: 'meeting-notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('지니포럼 참가 협의 결과\n참석: 금융산업과\n'),
    });
    await upload.getByLabel('제목').fill('지니포럼 협의 결과');
    await upload.locator('button[type="submit"]').click();
    const fileItem = first.getByTestId('evidence-item').filter({ hasText: '지니포럼 협의 결과' });
    await waitForText(fileItem.getByTestId('evidence-visibility'), /비공개/);
    assert.match(await fileItem.innerText(), /meeting-notes\.txt/);
    await fileItem.getByTestId('toggle-published').click();
    await waitForAttribute(fileItem, 'data-published', 'true');
    assert.match(await fileItem.getByTestId('evidence-visibility').innerText(), /^공개$/);

    const link = first.getByTestId('link-form');
    await link.getByLabel('제목').fill('내부 검토 메모');
    await link.getByLabel('주소(URL)').fill('ftp://example.test/memo');
    await link.locator('button[type="submit"]').click();
    await waitForText(link.getByTestId('field-error'), /https?:\/\//);
    await link.getByLabel('주소(URL)').fill('https://www.jeonju.go.kr/memo');
    await link.locator('button[type="submit"]').click();
    await waitForText(first.getByTestId('evidence-item').filter({ hasText: '내부 검토 메모' }).getByTestId('evidence-visibility'), /비공개/);

    // A link added by mistake is deleted, after a confirm step.
    await link.getByLabel('제목').fill('잘못 올린 링크');
    await link.getByLabel('주소(URL)').fill('https://example.test/wrong');
    await link.locator('button[type="submit"]').click();
    const wrong = first.getByTestId('evidence-item').filter({ hasText: '잘못 올린 링크' });
    await wrong.waitFor();
    await wrong.getByTestId('delete-evidence').click();
    await wrong.getByTestId('confirm-delete').click();
    await waitUntil('the link is gone', async () => (await wrong.count()) === 0);
    assert.equal(await first.getByTestId('evidence-item').count(), 2);
    await context.close();

    // What the API computes …
    const publicPlan = (await (await fetch(`${server.url}/api/plans/${planId}`)).json()) as PublicPlan;
    const counted = publicPlan.schedule.flatMap((e) => e.actions).length;
    const { overall } = publicPlan.figures;
    assert.equal(oneDecimal(overall.progressRate!), oneDecimal((60 + 100) / counted), '이행률 = mean progress');
    assert.equal(oneDecimal(overall.completionRate!), oneDecimal((1 / counted) * 100), '완료율 = share done');

    // … is what a citizen (no session) sees.
    const citizen = await newContext();
    const pub = await citizen.newPage();
    await pub.goto(`${server.url}/plans/${planId}`);
    await pub.getByTestId('plan').waitFor();
    assert.equal((await pub.getByTestId('progress-rate').innerText()).trim(), oneDecimal(overall.progressRate!));
    assert.equal((await pub.getByTestId('completion-rate').innerText()).trim(), oneDecimal(overall.completionRate!));
    assert.notEqual((await pub.getByTestId('progress-rate').innerText()).trim(), '0.0%');
    const publicA = pub.locator(`[data-testid="public-action"][data-action-id="${a!.id}"]`);
    assert.equal((await publicA.getByTestId('action-status').innerText()).trim(), '정상추진');
    assert.match(await publicA.getByTestId('action-progress').innerText(), /60%/);
    assert.equal(await publicA.getByTestId('action-progress').locator('progress').getAttribute('value'), '60');
    assert.ok(await publicA.getByTestId('action-progress').locator('progress').getAttribute('aria-label'), 'the progress bar is labelled');
    const publicB = pub.locator(`[data-testid="public-action"][data-action-id="${b!.id}"]`);
    assert.equal((await publicB.getByTestId('action-status').innerText()).trim(), '완료');
    const evidence = await publicA.getByTestId('public-evidence').allInnerTexts();
    assert.deepEqual(
      evidence.map((e) => e.replace(/\s*\(.*\)$/, '')),
      ['지니포럼 협의 결과'],
      'only published evidence; never the internal link',
    );
    assert.doesNotMatch(await pub.locator('main').innerText(), /1차 협의 완료|내부 검토 메모/, 'internal comments and evidence stay internal');
    const href = await publicA.getByTestId('public-evidence').locator('a').getAttribute('href');
    const file = await fetch(`${server.url}${href}`);
    assert.equal(file.status, 200);
    assert.match(await file.text(), /지니포럼 참가 협의 결과/);
    assert.match((await pub.getByTestId('budget-executed').innerText()).trim(), /억원/);
    await citizen.close();
  });

  it('a partner institution sees no citizen’s personal data: a notice instead of the registrant list, and the server refuses the list', async () => {
    const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const session = await admin.call<{ id: number }>('POST', '/api/academy/sessions', {
      title: { ko: '협력기관 확인 강좌' },
      startsAt: hours(48),
      endsAt: hours(50),
      venue: '전주시청',
      capacity: 5,
      registrationOpensAt: hours(-1),
      registrationClosesAt: hours(24),
    });
    const context = await newContext();
    const page = await signInPage(context, server.url, 'partner@jeonju.test');
    await page.goto(`${server.url}/staff/academy/sessions/${session.id}`);
    await waitForText(page.getByTestId('partner-no-personal-data'), /개인정보를 보여 드리지 않습니다/);
    assert.equal(await page.getByTestId('registrant-table').count(), 0);
    const status = await page.evaluate(async (id) => (await fetch(`/api/academy/sessions/${id}/registrations`)).status, session.id);
    assert.equal(status, 403);
    await context.close();
  });

  it('an officer edits only their department’s actions; the refusal from the server is shown', async () => {
    const [, , own, other] = actions;
    await admin.call('PATCH', `/api/actions/${own!.id}/assignment`, { ownerDepartmentId: investDept });
    await admin.call('PATCH', `/api/actions/${other!.id}/assignment`, { ownerDepartmentId: financeDept });

    const context = await newContext();
    const page = await signInPage(context, server.url, 'officer@jeonju.test');
    const nav = await page.getByTestId('staff-nav').innerText();
    assert.doesNotMatch(nav, /감사 기록|사용자/, 'officers see neither audit nor users');
    await openWorkspace(page);

    const foreign = await openAction(page, other!.id);
    assert.match(await foreign.getByTestId('read-only-note').innerText(), /다른 부서/);
    assert.equal(await foreign.getByTestId('save-action').isDisabled(), true);
    // the department names arrive with the lists, after the plan: wait for them
    await waitForText(foreign.getByTestId('action-owner'), /금융산업과/);
    assert.equal(await foreign.getByTestId('upload-form').count(), 0, 'no evidence forms on another department’s action');
    assert.equal(await foreign.getByTestId('assignment').count(), 0, 'assignment is for managers');

    const mine = await openAction(page, own!.id);
    assert.equal(await mine.getByTestId('read-only-note').count(), 0);
    await mine.getByTestId('progress-input').fill('30');
    // A save reloads the action and the plan; the move below must come after those reloads, or
    // the page learns of it and turns read-only before the officer can try (a race under load).
    const reloaded = (path: string) => page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === path);
    const reloads = Promise.all([reloaded(`/api/actions/${own!.id}`), reloaded(`/api/manage/plans/${planId}`)]);
    await mine.getByTestId('save-action').click();
    await waitForText(mine.locator('.action-form [data-testid="form-status"]'), /저장했습니다/);
    await reloads;

    // The action moves to another department while the officer's page is open: the server
    // refuses the next save (403), and the card says why.
    await admin.call('PATCH', `/api/actions/${own!.id}/assignment`, { ownerDepartmentId: financeDept });
    await mine.getByTestId('progress-input').fill('45');
    await mine.getByTestId('save-action').click();
    const refusal = await waitForText(mine.getByTestId('form-alert'), /부서/);
    assert.match(refusal, /다른 부서.*고칠 수 없습니다/);
    const after = await admin.call<StaffPlan>('GET', `/api/manage/plans/${planId}`);
    assert.equal(after.schedule.flatMap((e) => e.actions).find((x) => x.id === own!.id)!.progress, 30, 'nothing was written');

    await page.goto(`${server.url}/staff/audit`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  });

  it('a manager records secured money and executions in 억원 or 원; the ledger and the public page add them up', async () => {
    const context = await newContext();
    const page = await signInPage(context, server.url, 'manager@jeonju.test');
    await page.goto(`${server.url}/staff/plans/${planId}/ledger`);
    await page.getByTestId('ledger-table').waitFor();
    const row = page.locator('[data-testid="ledger-row"][data-year="2022"]').first();
    const source = await row.getAttribute('data-source');

    const secured = page.getByTestId('secured-form');
    await secured.getByTestId('year-select').selectOption('2022');
    await secured.getByTestId('money-amount').fill('2.3');
    assert.match(await secured.getByTestId('money-preview').innerText(), /230,000,000원/);
    await secured.locator('button[type="submit"]').click();
    await waitForText(row.getByTestId('ledger-secured'), /^2\.3$/);

    const execution = page.getByTestId('execution-form');
    await execution.getByTestId('year-select').selectOption('2022');
    await execution.getByTestId('executed-on').fill('2022-09-15');
    await execution.getByTestId('money-amount').fill('1.2');
    await execution.getByTestId('execution-description').fill('지니포럼 참가 경비');
    await execution.locator('button[type="submit"]').click();
    await waitForText(page.getByTestId('execution-row').filter({ hasText: '지니포럼 참가 경비' }), /120,000,000원/);

    // The same form in won: 30,000,000원 = 0.3억원.
    await execution.getByTestId('money-unit').selectOption('won');
    await execution.getByTestId('money-amount').fill('30,000,000');
    assert.match(await execution.getByTestId('money-preview').innerText(), /30,000,000원 \(0\.3억원\)/);
    await execution.getByTestId('execution-description').fill('홍보물 제작');
    await execution.locator('button[type="submit"]').click();
    await waitForText(row.getByTestId('ledger-executed'), /^1\.5$/);

    // A typo in won (not a whole number) is refused in the form.
    await execution.getByTestId('money-amount').fill('12.5');
    await execution.getByTestId('execution-description').fill('잘못된 금액');
    await execution.locator('button[type="submit"]').click();
    await waitForText(execution.getByTestId('field-error'), /금액/);

    const extra = page.getByTestId('execution-row').filter({ hasText: '홍보물 제작' });
    await extra.getByTestId('delete-execution').click();
    await extra.getByTestId('confirm-delete').click();
    await waitForText(row.getByTestId('ledger-executed'), /^1\.2$/);
    assert.equal(await page.getByTestId('execution-row').count(), 1);
    assert.ok(source);
    await context.close();

    const citizen = await newContext();
    const pub = await citizen.newPage();
    await pub.goto(`${server.url}/plans/${planId}`);
    assert.match(await waitForText(pub.getByTestId('budget-executed'), /1\.2억원/), /1\.2억원\s+집행 \/ 계획 \d+\.\d억원/);
    await citizen.close();
  });

  it('quarterly report: live until a manager reports it, frozen after; prints cleanly; the XLSX link downloads a workbook', async () => {
    const [a] = actions;
    const context = await newContext();
    const page = await signInPage(context, server.url, 'manager@jeonju.test');
    await page.goto(`${server.url}/staff/plans/${planId}/reports?year=2022&quarter=3`);
    const state = page.getByTestId('report-state');
    await waitForText(state, /실시간 집계/);
    assert.equal(await state.getAttribute('data-reported'), 'false');
    const row = page.getByTestId('report-action').filter({ hasText: a!.text });
    assert.match(await row.innerText(), /정상추진[\s\S]*60%/);
    assert.match(await page.getByTestId('report-budget').innerText(), /1\.2억원/);

    await page.getByTestId('report-this-quarter').click();
    await page.getByTestId('report-confirm').click();
    await waitForText(state, /확정 보고/);
    assert.equal(await state.getAttribute('data-reported'), 'true');
    assert.match(await state.innerText(), /김금융/);
    assert.equal(await page.getByTestId('report-this-quarter').count(), 0, 'a reported quarter cannot be reported again');

    // Later changes do not touch the reported quarter.
    await admin.call('PATCH', `/api/actions/${a!.id}`, { progress: 70, comment: '보고 뒤 변경' });
    await page.reload();
    await waitForText(state, /확정 보고/);
    assert.match(await page.getByTestId('report-action').filter({ hasText: a!.text }).innerText(), /60%/);

    // Print: no navigation, no buttons, the report tables stay.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('staff-nav').isVisible(), false);
    assert.equal(await page.getByTestId('xlsx-link').isVisible(), false);
    assert.equal(await page.locator('.site-footer').isVisible(), false);
    assert.equal(await page.getByTestId('report-figures').isVisible(), true);
    assert.equal(await page.getByTestId('report-action').first().isVisible(), true);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-link').click()]);
    const bytes = fs.readFileSync((await download.path())!);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a ZIP');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    assert.ok(workbook.worksheets.length > 0);
    const cells: string[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((r) => r.eachCell((c) => cells.push(String(c.text))));
    const all = cells.join('\n');
    assert.ok(all.includes(a!.text), 'the workbook lists the quarter’s actions');
    assert.ok(all.includes('전북금융중심지 지정을 위한 협력 및 기반 구축'), 'the workbook names the plan');
    await context.close();
  });

  it('a manager previews a plan document with its warnings, saves it, replaces it after a conflict, and edits its header', async () => {
    const context = await newContext();
    const page = await signInPage(context, server.url, 'manager@jeonju.test');
    await page.getByRole('link', { name: '실천계획 문서 가져오기' }).click();
    await page.getByTestId('import-form').waitFor();
    const document = { name: 'plan-econ-7.txt', mimeType: 'text/plain', buffer: Buffer.from(planText(), 'utf8') };

    await page.getByTestId('import-form').locator('button[type="submit"]').click();
    await waitForText(page.getByTestId('field-error'), /파일을 선택/);

    await page.locator('input[name="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('회의 메모일 뿐입니다.\n') });
    await page.getByTestId('import-form').locator('button[type="submit"]').click();
    await waitForText(page.getByTestId('form-alert'), /.+/);
    assert.equal(await page.getByTestId('import-preview').count(), 0, 'a document that is not a plan has no preview');

    await page.locator('input[name="file"]').setInputFiles(document);
    await page.getByTestId('import-form').locator('button[type="submit"]').click();
    assert.equal(await waitForText(page.getByTestId('preview-title'), /시민 금융교육 확대/), '시민 금융교육 확대');
    assert.match(await page.getByTestId('import-preview').innerText(), /경제 · 공약 No\. 7/);
    assert.ok((await page.getByTestId('import-warnings').count()) + (await page.getByTestId('import-no-warnings').count()) === 1);
    await page.getByTestId('import-save').getByRole('button', { name: '저장' }).click();
    await waitForText(page.getByTestId('import-saved'), /새 실천계획/);

    // The same document again: 409, and the page offers to replace.
    await page.locator('input[name="file"]').setInputFiles(document);
    await page.getByTestId('import-form').locator('button[type="submit"]').click();
    await page.getByTestId('import-preview').waitFor();
    const save = page.getByTestId('import-save').getByRole('button', { name: '저장' });
    await save.click();
    await waitForText(page.getByTestId('import-save').getByTestId('form-alert'), /.+/);
    assert.equal(await save.isDisabled(), true, 'saving waits for the replace choice');
    await page
      .getByTestId('import-save')
      .getByLabel(/기존 계획을 이 문서로 바꾸기/)
      .check();
    await save.click();
    await waitForText(page.getByTestId('import-saved'), /바꾸었습니다/);
    await page.getByTestId('import-saved').getByRole('link').click();
    await page.getByTestId('workspace').waitFor();
    assert.equal(await page.locator('h1').innerText(), '시민 금융교육 확대');

    // Managers edit the plan's header in the workspace.
    const header = page.getByTestId('plan-header');
    await header.locator('summary').click();
    await header.getByLabel('사업기간 시작 연도').fill('2026');
    await header.locator('button[type="submit"]').click();
    await waitForText(header.getByTestId('field-error'), /사업기간/);
    await header.getByLabel('사업기간 시작 연도').fill('2023');
    await header.getByLabel('실천계획 제목').fill('시민 금융교육 확대(수정)');
    await header.locator('button[type="submit"]').click();
    await waitForText(page.locator('h1'), /^시민 금융교육 확대\(수정\)$/);
    await context.close();
  });

  it('an admin adds a department and a user, changes the role, disables the user; the audit trail filters and exports it', async () => {
    const context = await newContext();
    const page = await signInPage(context, server.url, 'admin@jeonju.test');
    await page.getByTestId('staff-nav').getByRole('link', { name: '사용자' }).click();
    await page.getByTestId('users-table').waitFor();

    const deptForm = page.getByTestId('new-department-form');
    await deptForm.getByLabel('부서 이름(한국어)').fill('대외협력과');
    await deptForm.getByLabel('부서 이름(영어, 선택)').fill('External Cooperation Division');
    await deptForm.locator('button[type="submit"]').click();
    await waitForText(page.getByTestId('departments-table'), /대외협력과/);

    const userForm = page.getByTestId('new-user-form');
    await userForm.getByLabel('이메일').fill('partner1@jeonju.test');
    await userForm.getByLabel('이름').fill('정협력');
    await userForm.getByLabel('역할').selectOption('partner');
    await userForm.getByLabel('부서').selectOption({ label: '대외협력과' });
    await userForm.getByLabel('초기 비밀번호').fill('short');
    await userForm.locator('button[type="submit"]').click();
    // A partner account speaks for one of the partner organisations (the plan's three are seeded).
    await waitForText(userForm.getByTestId('field-error'), /소속 기관/);
    await userForm.getByLabel('협력기관', { exact: true }).selectOption({ label: '국민연금공단' });
    await userForm.locator('button[type="submit"]').click();
    await waitForText(userForm.getByTestId('field-error'), /10자/);
    await userForm.getByLabel('초기 비밀번호').fill('partner-password-1');
    await userForm.locator('button[type="submit"]').click();
    const row = page.locator('[data-testid="user-row"][data-email="partner1@jeonju.test"]');
    await row.waitFor();
    const created = (await admin.call<{ items: { email: string; organisationId: number | null }[] }>('GET', '/api/users')).items.find((u) => u.email === 'partner1@jeonju.test');
    const orgs = (await admin.call<{ items: { id: number; name: { ko: string } }[] }>('GET', '/api/organisations')).items;
    assert.equal(created?.organisationId, orgs.find((o) => o.name.ko === '국민연금공단')?.id);

    await userForm.getByLabel('이메일').fill('partner1@jeonju.test');
    await userForm.getByLabel('이름').fill('중복');
    await userForm.getByLabel('초기 비밀번호').fill('partner-password-1');
    await userForm.locator('button[type="submit"]').click();
    await waitForText(userForm.getByTestId('field-error'), /이미 등록된/);

    await row.getByTestId('user-role').selectOption('viewer');
    await row.getByTestId('save-user').click();
    await waitUntil('the role is saved', async () => {
      const users = await admin.call<{ items: { email: string; role: string }[] }>('GET', '/api/users');
      return users.items.find((u) => u.email === 'partner1@jeonju.test')?.role === 'viewer';
    });
    await waitUntil('the row shows the saved role', () => row.getByTestId('save-user').isDisabled());
    assert.equal(await row.getByTestId('user-role').inputValue(), 'viewer');
    await row.getByTestId('toggle-user').click();
    await waitForText(row.getByTestId('user-state'), /사용 중지/);
    assert.equal(await row.getAttribute('data-disabled'), 'true');

    await page.getByTestId('staff-nav').getByRole('link', { name: '감사 기록' }).click();
    const filters = page.getByTestId('audit-filters');
    await settled(page);
    await filters.getByLabel('기록 종류').selectOption('user');
    await filters.getByLabel('작업').selectOption('user.update');
    await filters.getByRole('button', { name: '검색' }).click();
    await waitForText(page.getByTestId('audit-total'), /모두 2건/);
    const rows = await page.getByTestId('audit-row').allInnerTexts();
    assert.ok(
      rows.every((r) => /관\*자 님이 사용자 \d+를? ?수정했습니다|관\*자 님이 사용자 \d+(을|를) 수정했습니다/.test(r)),
      rows.join('\n'),
    );
    const csvHref = await page.getByTestId('audit-csv').getAttribute('href');
    assert.match(csvHref!, /entity=user/);
    assert.match(csvHref!, /action=user\.update/);
    const csv = await page.request.get(`${server.url}${csvHref}`);
    assert.equal(csv.status(), 200);
    const text = await csv.text();
    assert.equal(text.split(/\r?\n/).filter(Boolean).length, 3, 'header and the two filtered rows');
    assert.match(text, /user\.update/);
    assert.doesNotMatch(text, /user\.create/);
    await context.close();
  });

  it('changes a password (wrong current one refused by field), signs out, and signs in with the new one', async () => {
    const context = await newContext();
    const page = await signInPage(context, server.url, 'viewer@jeonju.test');
    await page.getByTestId('staff-nav').getByRole('link', { name: '비밀번호 변경' }).click();
    await page.getByLabel('현재 비밀번호').fill('not-my-password');
    await page.getByLabel('새 비밀번호', { exact: true }).fill('a-new-long-password');
    await page.getByLabel('새 비밀번호 확인').fill('something else');
    await page.getByRole('button', { name: '비밀번호 변경' }).click();
    await waitForText(page.getByTestId('field-error'), /다릅니다/);
    await page.getByLabel('새 비밀번호 확인').fill('a-new-long-password');
    await page.getByRole('button', { name: '비밀번호 변경' }).click();
    await waitForText(page.getByTestId('field-error'), /올바르지 않습니다/);
    await page.getByLabel('현재 비밀번호').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '비밀번호 변경' }).click();
    await waitForText(page.getByTestId('form-status'), /변경했습니다/);

    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/staff\/login/);
    await page.goto(`${server.url}/staff`);
    await page.waitForURL(/\/staff\/login\?next=/);
    const again = await signInPage(context, server.url, 'viewer@jeonju.test', 'a-new-long-password');
    await openWorkspace(again);
    await openAction(again, actions[0]!.id);
    assert.ok((await again.getByTestId('read-only-note').count()) > 0, 'viewers read; they do not edit');
    await context.close();
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`has no axe-core violations on the staff pages (${lang})`, async () => {
      const context = await newContext();
      const login = await context.newPage();
      await login.goto(`${server.url}/staff/login?lang=${lang}`);
      await login.locator('input[name="email"]').waitFor();
      assert.equal(await login.getAttribute('html', 'lang'), lang);
      assert.deepEqual(await axeViolations(login), [], `login: ${lang}`);
      await login.close();

      const page = await signInPage(context, server.url, 'admin@jeonju.test', STAFF_PASSWORD, `?lang=${lang}`);
      const pages: [string, string][] = [
        ['/staff', 'staff-plan-list'],
        [`/staff/plans/${planId}`, 'workspace'],
        [`/staff/plans/${planId}/actions/${actions[0]!.id}?year=2022`, 'action-editor'],
        [`/staff/plans/${planId}/ledger`, 'ledger-table'],
        [`/staff/plans/${planId}/reports?year=2022&quarter=3`, 'report'],
        ['/staff/users', 'users-table'],
        ['/staff/audit', 'audit-filters'],
        ['/staff/import', 'import-form'],
        ['/staff/password', 'staff-nav'],
      ];
      for (const [url, ready] of pages) {
        await page.goto(`${server.url}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        await page.getByTestId(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        // Open the disclosures (history, evidence, assignment) so their forms are checked too.
        await page.evaluate(() =>
          document.querySelectorAll('details').forEach((d) => {
            d.open = true;
          }),
        );
        await page.waitForLoadState('networkidle');
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${url} (${lang}): ${JSON.stringify(violations, null, 1)}`);
      }
      await context.close();
    });
  }

  it('fits a phone: the workspace and the ledger do not scroll sideways', async () => {
    const context = await newContext({ width: 375, height: 800 });
    const page = await signInPage(context, server.url, 'manager@jeonju.test');
    for (const url of [
      `/staff/plans/${planId}`,
      `/staff/plans/${planId}/actions/${actions[0]!.id}`,
      `/staff/plans/${planId}/ledger`,
      `/staff/plans/${planId}/reports?year=2022&quarter=3`,
      '/staff/audit',
    ]) {
      await page.goto(`${server.url}${url}`);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${url} is ${overflow}px wider than the phone`);
    }
    await context.close();
  });

  it('had no script errors in any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
