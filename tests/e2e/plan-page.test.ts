/**
 * What a citizen sees: the real `finhub serve` on a fresh embedded database (the Jeonju plan
 * loaded on first start), driven in Debian chromium.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, settled } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';

describe('public plan page in chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let planId: number;
  let dataDir: string;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-e2e-'));
    [server, browser] = await Promise.all([startServerProcess({ FINHUB_DATA_DIR: dataDir }), launchBrowser()]);
    const { items } = await (await fetch(`${server.url}/api/plans`)).json();
    planId = items[0].id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Chromium itself logs every 4xx fetch as a console error; the page's own errors still count.
    page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
    await page.goto(`${server.url}${url}`);
    await settled(page);
    assert.deepEqual(errors, [], `errors in the page: ${errors.join('\n')}`);
    return page;
  }

  it('lists the Jeonju plan on the home page and opens it from there', async () => {
    const page = await open('/');
    const link = page.getByRole('link', { name: /전북금융중심지 지정을 위한 협력 및 기반 구축/ });
    await link.click();
    await page.waitForURL(`**/plans/${planId}`);
    assert.equal((await page.getByTestId('plan-title').textContent())?.trim(), '전북금융중심지 지정을 위한 협력 및 기반 구축');
    await page.close();
  });

  it('shows the plan as the document has it: budget in 억원, phases, schedule with targets, effects', async () => {
    const page = await open(`/plans/${planId}`);
    assert.match(await page.getByTestId('plan-pledge').innerText(), /100만 통합 전주 광역도시 생활권 조성/);
    assert.match(await page.getByTestId('plan-period').innerText(), /2022\D+2026/);
    assert.match(await page.getByTestId('plan-total-budget').innerText(), /14\.1/);

    const table = page.getByTestId('budget-table');
    const tableText = await table.innerText();
    for (const figure of ['시비', '14.1', '2.4', '11.7', '2.3']) assert.ok(tableText.includes(figure), `budget table shows ${figure}`);
    assert.match(tableText, /'26|2026/, "the column read as '26 is shown as such");
    assert.doesNotMatch(tableText, /'27~/, 'no after-term column: the plan has no money after the term');
    assert.ok(await page.getByTestId('budget-chart').isVisible());

    assert.equal(await page.getByTestId('phase').count(), 3);
    assert.match(await page.getByTestId('phase').first().innerText(), /1단계[\s\S]*2022[.-]07[\s\S]*2023[.-]12/);
    assert.match(await page.getByTestId('phase').nth(1).innerText(), /Global Emerging Network In Economy forum/);

    assert.equal(await page.getByTestId('schedule-entry').count(), 15);
    const q4 = page.locator('[data-testid="schedule-entry"][data-year="2022"][data-period="Q4"]');
    assert.match(await q4.innerText(), /찾아가는 금융학교 실시\(3개교\)/);
    const targets = await page.getByTestId('action-target').allInnerTexts();
    assert.equal(targets.length, 3);
    assert.ok(targets.some((t) => /3\s*개교/.test(t)));
    assert.ok(targets.some((t) => /2\s*회/.test(t)));
    assert.equal(await page.getByTestId('effect').count(), 4);
    await page.close();
  });

  for (const lang of ['ko', 'en']) {
    it(`has no axe-core violations (${lang})`, async () => {
      for (const url of ['/', `/plans/${planId}`]) {
        const page = await open(`${url}?lang=${lang}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${url}: ${JSON.stringify(violations, null, 1)}`);
        await page.close();
      }
    });
  }

  it('switches to English and back, and keeps the choice on reload', async () => {
    const page = await open(`/plans/${planId}`);
    const koHeading = await page.locator('h2').first().innerText();
    await page
      .getByTestId('lang-switch')
      .getByRole('link', { name: /English/ })
      .or(page.getByTestId('lang-switch').getByRole('button', { name: /English/ }))
      .click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const enHeading = await page.locator('h2').first().innerText();
    assert.notEqual(enHeading, koHeading);
    assert.match(enHeading, /[A-Za-z]/);
    await page.reload();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.close();
  });

  it('reads on a phone without sideways scrolling of the page', async () => {
    const page = await open(`/plans/${planId}`, { width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    assert.ok(await page.getByTestId('plan-title').isVisible());
    await page.close();
  });

  it('is keyboard navigable: the first Tab reaches the skip link, which moves to the content', async () => {
    const page = await open(`/plans/${planId}`);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
    assert.match(first.text ?? '', /본문|content/i);
    await page.keyboard.press('Enter');
    const target = first.href!.replace('#', '');
    await page.waitForFunction((id) => document.activeElement?.id === id || location.hash === `#${id}`, target);
    await page.close();
  });

  it('says so when a plan does not exist', async () => {
    const page = await open('/plans/999999');
    assert.match(await page.locator('main').innerText(), /찾을 수 없|not found/i);
    await page.close();
  });
});
