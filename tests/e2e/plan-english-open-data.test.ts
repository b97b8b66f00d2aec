/**
 * The plan in English and the open-data catalogue, in chromium against the real `finhub serve`:
 * a manager fills in English on the staff sheet; the public plan in English shows it, and the
 * Korean, marked "Korean only", where there is none; the catalogue lists the datasets with their
 * 기준일 and downloads, in Korean and English at phone width, with no axe-core violations.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, launchBrowser, settled } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';
import { addUserWithCli, signInPage } from '../support/staff.ts';
import { readCsv } from '../support/independent.ts';

const PHONE = { width: 390, height: 844 };

describe('plan English and open data in chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let planId: number;
  const contexts: BrowserContext[] = [];

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-e2e-english-'));
    addUserWithCli(dataDir, 'manager@jeonju.test', 'manager', '김관리');
    [server, browser] = await Promise.all([startServerProcess({ FINHUB_DATA_DIR: dataDir, FINHUB_LOGIN_RATE_LIMIT: '0' }), launchBrowser()]);
    planId = (await (await fetch(`${server.url}/api/plans`)).json()).items[0].id;
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function context(viewport = { width: 1280, height: 900 }) {
    const c = await browser.newContext({ viewport });
    contexts.push(c);
    return c;
  }

  it('a manager gives the title and an action English; the English plan shows them and marks the rest as Korean only', async () => {
    const page = await signInPage(await context(), server.url, 'manager@jeonju.test');
    await page.goto(`${server.url}/staff/plans/${planId}/english`);
    await page.getByTestId('english-form').waitFor();
    const before = await page.getByTestId('english-missing').innerText();
    const total = await page.getByTestId('english-item').count();
    assert.ok(total > 50, `${total} texts`);
    assert.match(before, new RegExp(`${total}개 항목 중 ${total}개`));
    await page.locator('[data-key="title"] input').fill('Cooperation and groundwork for designating Jeonbuk as a financial center');
    const actionItem = page.locator('[data-testid="english-item"][data-key^="action:"]').first();
    await actionItem.locator('input').fill('Run the first action in English');
    await page.locator('form[data-testid="english-form"] button[type="submit"]').click();
    await page.getByText(/저장했습니다/).waitFor();
    assert.match(await page.getByTestId('english-missing').innerText(), new RegExp(`${total}개 항목 중 ${total - 2}개`));
    assert.deepEqual(await axeViolations(page), []);

    const en = await (await context(PHONE)).newPage();
    await en.goto(`${server.url}/plans/${planId}?lang=en`);
    await settled(en);
    assert.equal((await en.getByTestId('plan-title').innerText()).trim(), 'Cooperation and groundwork for designating Jeonbuk as a financial center');
    assert.match(await en.title(), /^Cooperation and groundwork/);
    const actions = en.getByTestId('public-action');
    assert.match(await actions.first().innerText(), /Run the first action in English/);
    assert.doesNotMatch(await actions.first().innerText(), /Korean only/);
    const second = actions.nth(1);
    assert.match(await second.innerText(), /Korean only/, 'an untranslated action falls back visibly');
    assert.equal(await second.locator('[lang="ko"]').count(), 1, 'the Korean is marked for screen readers');
    const pledge = en.getByTestId('plan-pledge');
    assert.match(await pledge.innerText(), /Korean only/);
    assert.deepEqual(await axeViolations(en), []);

    const ko = await (await context(PHONE)).newPage();
    await ko.goto(`${server.url}/plans/${planId}?lang=ko`);
    await settled(ko);
    assert.equal((await ko.getByTestId('plan-title').innerText()).trim(), '전북금융중심지 지정을 위한 협력 및 기반 구축');
    assert.equal(await ko.getByText(/Korean only|한국어만 제공/).count(), 0);
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`lists the open data with 기준일, licence and downloads in ${lang} at phone width`, async () => {
      const page = await (await context(PHONE)).newPage();
      await page.goto(`${server.url}/open-data?lang=${lang}`);
      await settled(page);
      const items = page.locator('[data-testid^="dataset-"]');
      assert.equal(await items.count(), 5);
      const actions = page.getByTestId('dataset-plan-actions');
      assert.match(await actions.innerText(), lang === 'ko' ? /공약 실천계획 추진 일정과 추진상황[\s\S]*기준일/ : /Pledge plan: schedule and progress[\s\S]*As of/);
      assert.match(await page.getByTestId('open-data-license').innerText(), lang === 'ko' ? /공공누리 제1유형/ : /KOGL\) Type 1/);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `no sideways scrolling (${width}px)`);
      const [download] = await Promise.all([page.waitForEvent('download'), actions.getByRole('link', { name: /CSV/ }).click()]);
      const file = await download.path();
      const csv = readCsv(fs.readFileSync(file));
      assert.ok(csv.bom && csv.crlf);
      assert.ok(csv.rows.length > 30, `${csv.rows.length} rows`);
      assert.deepEqual(await axeViolations(page), []);
    });
  }
});
