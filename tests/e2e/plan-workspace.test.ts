/**
 * The plan workspace in chromium at phone (390×844) and desktop width: the compact list, its
 * filters kept in the address (reload and back restore them), one action open at a time,
 * edited and saved; the page's height and open forms are measured and printed.
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

interface Row {
  id: number;
  year: number;
  period: string;
  status: string;
  ownerDepartmentId: number | null;
}

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

async function waitUntil(what: string, check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The page's height and its forms: all in the DOM, and those open (not inside a closed disclosure). */
const measure = (page: Page) =>
  page.evaluate(() => {
    const forms = [...document.querySelectorAll('main form')];
    const open = forms.filter((f) => !f.closest('details:not([open])') && f.getClientRects().length > 0);
    return { height: document.documentElement.scrollHeight, forms: forms.length, openForms: open.length };
  });

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

describe('plan workspace in chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let admin: ApiSession;
  let planId: number;
  let rows: Row[];
  let financeDept: number;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-e2e-workspace-'));
    addUserWithCli(dataDir, 'admin@jeonju.test', 'admin', '관리자');
    [server, browser] = await Promise.all([startServerProcess({ FINHUB_DATA_DIR: dataDir, FINHUB_LOGIN_RATE_LIMIT: '0' }), launchBrowser()]);
    admin = await ApiSession.signIn(server.url, 'admin@jeonju.test');
    financeDept = (await admin.call<{ id: number }>('POST', '/api/departments', { name: '금융산업과', nameEn: 'Finance Industry Division' })).id;
    await admin.call('POST', '/api/users', { email: 'officer@jeonju.test', name: '이금융', role: 'officer', departmentId: financeDept, password: STAFF_PASSWORD });
    await admin.call('POST', '/api/users', { email: 'manager@jeonju.test', name: '김관리', role: 'manager', departmentId: null, password: STAFF_PASSWORD });
    planId = (await (await fetch(`${server.url}/api/plans`)).json()).items[0].id;
    rows = (await admin.call<{ items: Row[] }>('GET', `/api/manage/plans/${planId}/actions`)).items;
    // Three 2023 Q3 actions belong to the finance department.
    for (const r of rows.filter((x) => x.year === 2023 && x.period === 'Q3')) {
      await admin.call('PATCH', `/api/actions/${r.id}/assignment`, { ownerDepartmentId: financeDept });
    }
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function newContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport });
    context.on('page', (page) => {
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && pageErrors.push(`${page.url()}: ${m.text()}`));
    });
    contexts.push(context);
    return context;
  }

  const listIds = async (page: Page) => await page.getByTestId('action-row').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-action-id'))));
  const waitForRows = (page: Page, ids: number[]) => waitUntil(`rows ${ids.join(',')}`, async () => JSON.stringify(await listIds(page)) === JSON.stringify(ids));

  for (const vp of VIEWPORTS) {
    it(`${vp.name}: a compact list; a filter goes into the address, survives a reload and back`, async () => {
      const context = await newContext(vp);
      const page = await signInPage(context, server.url, 'officer@jeonju.test');
      await page.goto(`${server.url}/staff/plans/${planId}`);
      await page.getByTestId('action-list').waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.getByTestId('action-row').count(), rows.length);
      const figures = await measure(page);
      console.log(`# workspace ${vp.name} ${vp.width}×${vp.height}: ${JSON.stringify(figures)}`);
      assert.equal(figures.openForms, 1, 'only the filter form is open');
      assert.ok(figures.height < 8_000, `the list is compact (${figures.height}px)`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);

      await page.getByTestId('filter-year').selectOption('2023');
      await page.waitForURL(/\?year=2023$/);
      await waitForRows(
        page,
        rows.filter((r) => r.year === 2023).map((r) => r.id),
      );
      await page.getByTestId('filter-quarter').selectOption('3');
      await page.waitForURL(/\?year=2023&quarter=3$/);
      const q3 = rows.filter((r) => r.year === 2023 && r.period === 'Q3').map((r) => r.id);
      await waitForRows(page, q3);
      await page.getByTestId('filter-mine').check();
      await page.waitForURL(/\?year=2023&quarter=3&mine=true$/);
      await waitForRows(page, q3);
      await page.getByTestId('filter-overdue').check();
      await page.waitForURL(/mine=true&overdue=true$/);
      await waitForRows(page, q3);
      assert.match(await page.getByTestId('action-count').innerText(), new RegExp(`${q3.length}개 표시 \\(전체 ${rows.length}개\\)`));

      await page.reload();
      await page.getByTestId('action-list').waitFor();
      await waitForRows(page, q3);
      assert.equal(await page.getByTestId('filter-year').inputValue(), '2023');
      assert.equal(await page.getByTestId('filter-quarter').inputValue(), '3');
      assert.equal(await page.getByTestId('filter-mine').isChecked(), true);
      assert.equal(await page.getByTestId('filter-overdue').isChecked(), true);

      await page.goBack(); // overdue off
      await page.waitForURL(/\?year=2023&quarter=3&mine=true$/);
      assert.equal(await page.getByTestId('filter-overdue').isChecked(), false);
      await page.goBack();
      await page.goBack(); // year only
      await page.waitForURL(/\?year=2023$/);
      await waitForRows(
        page,
        rows.filter((r) => r.year === 2023).map((r) => r.id),
      );
      assert.equal(await page.getByTestId('filter-quarter').inputValue(), '');
      await page.getByTestId('filter-reset').click();
      await page.waitForURL(new RegExp(`/staff/plans/${planId}$`));
      await waitUntil('all rows', async () => (await page.getByTestId('action-row').count()) === rows.length);
      await context.close();
    });

    it(`${vp.name}: opens one action at a time under its row, edits and saves it; the filter stays`, async () => {
      const context = await newContext(vp);
      const page = await signInPage(context, server.url, 'officer@jeonju.test');
      const [first, second] = rows.filter((r) => r.year === 2023 && r.period === 'Q3');
      await page.goto(`${server.url}/staff/plans/${planId}?year=2023&quarter=3`);
      const row = page.locator(`[data-testid="action-row"][data-action-id="${first!.id}"]`);
      await row.getByTestId('action-row-link').click();
      await page.waitForURL(new RegExp(`/staff/plans/${planId}/actions/${first!.id}\\?year=2023&quarter=3$`));
      const editor = row.getByTestId('action-editor');
      await editor.waitFor();
      const open = await measure(page);
      console.log(`# workspace ${vp.name}, one action open: ${JSON.stringify(open)}`);
      assert.equal(await page.getByTestId('action-editor').count(), 1);
      assert.equal(await row.getAttribute('aria-current'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'action-editor', 'focus moves to what was opened');

      const progress = vp.name === 'phone' ? '25' : '35';
      await editor.getByTestId('status-select').selectOption('on_track');
      await editor.getByTestId('progress-input').fill(progress);
      await editor.getByTestId('save-action').click();
      await waitForText(editor.locator('.action-form [data-testid="form-status"]'), /저장했습니다/);
      await waitForText(row.getByTestId('action-row-progress'), new RegExp(`${progress}%`));
      await waitForText(row.getByTestId('action-row-status'), /정상추진/);

      // Another row opens in its place; the first closes.
      const other = page.locator(`[data-testid="action-row"][data-action-id="${second!.id}"]`);
      await other.getByTestId('action-row-link').click();
      await other.getByTestId('action-editor').waitFor();
      assert.equal(await page.getByTestId('action-editor').count(), 1);
      assert.equal(await row.getByTestId('action-editor').count(), 0);

      // Reload keeps the open action and the filter; close goes back to the filtered list.
      await page.reload();
      await other.getByTestId('action-editor').waitFor();
      await other.getByTestId('close-action').click();
      await page.waitForURL(new RegExp(`/staff/plans/${planId}\\?year=2023&quarter=3$`));
      assert.equal(await page.getByTestId('action-editor').count(), 0);
      const saved = await admin.call<{ progress: number; status: string }>('GET', `/api/actions/${first!.id}`);
      assert.deepEqual([saved.status, saved.progress], ['on_track', Number(progress)]);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }

  it('an action outside the filter still opens, marked as such; a malformed action id is not found', async () => {
    const context = await newContext({ width: 1280, height: 900 });
    const page = await signInPage(context, server.url, 'manager@jeonju.test');
    const outside = rows.find((r) => r.year === 2022)!;
    await page.goto(`${server.url}/staff/plans/${planId}/actions/${outside.id}?year=2024`);
    await page.getByTestId('action-outside-filter').getByTestId('action-editor').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // The dashboard's to-do links to ?action=ID: the action opens at its own address.
    await page.goto(`${server.url}/staff/plans/${planId}?action=${outside.id}`);
    await page.waitForURL(new RegExp(`/staff/plans/${planId}/actions/${outside.id}$`));
    await page.locator(`[data-testid="action-row"][data-action-id="${outside.id}"]`).getByTestId('action-editor').waitFor();
    await page.goto(`${server.url}/staff/plans/${planId}/actions/0x1`);
    await page.getByTestId('not-found').waitFor();
    await context.close();
  });

  it('had no script errors in any page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
