/**
 * The KRDS public shell in chromium against the real `finhub serve`: the official-site banner and
 * its "how to verify" disclosure, the city identity (emblem with its text alternative, no
 * "finhub" shown), the phone menu button, the identifier footer and its policy pages (the privacy
 * policy generated from the register of processing) in Korean and English, an unknown address
 * answered 404 with the not-found page; axe-core finds nothing on any of them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, settled } from '../support/browser.ts';
import { waitForAttribute } from '../support/education.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';

const PHONE = { width: 360, height: 740 };

describe('public shell (KRDS) in chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  const errors: string[] = [];

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-e2e-shell-'));
    [server, browser] = await Promise.all([
      startServerProcess({ FINHUB_DATA_DIR: dataDir, FINHUB_PRIVACY_OFFICER_NAME: '김보호', FINHUB_PRIVACY_OFFICER_EMAIL: 'privacy@jeonju.go.kr' }),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    assert.deepEqual(errors, []);
  });

  async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${url}`);
    await settled(page);
    return page;
  }

  it('shows the official-site banner, whose disclosure explains go.kr and the padlock', async () => {
    const page = await open('/');
    const masthead = page.getByTestId('masthead');
    assert.match(await masthead.innerText(), /이 누리집은 대한민국 공식 전자정부 누리집입니다/);
    const toggle = page.getByTestId('masthead-verify');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    const panel = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    assert.equal(await panel.isVisible(), false);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const text = await panel.innerText();
    assert.match(text, /go\.kr/);
    assert.match(text, /자물쇠/);
    assert.match(text, /https:\/\//);
    assert.deepEqual(await axeViolations(page), []);
    await toggle.press('Enter');
    assert.equal(await panel.isVisible(), false, 'the keyboard closes it again');
    await page.close();
  });

  it('names the city with its emblem, never "finhub", on screen', async () => {
    const page = await open('/');
    const home = page.locator('.header-bar .service-name');
    assert.match(await home.innerText(), /전주시/);
    assert.equal(await home.locator('img').getAttribute('alt'), '전주시 상징');
    const visible = await page.locator('header, footer').allInnerTexts();
    assert.ok(!/finhub/i.test(visible.join(' ')), 'no "finhub" in the header or footer');
    await page.close();
  });

  it('folds the public menu behind a button at phone width, with aria-expanded', async () => {
    const page = await open('/', PHONE);
    const button = page.getByTestId('menu-button');
    const nav = page.getByTestId('public-nav');
    assert.equal(await button.isVisible(), true);
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await nav.isVisible(), false);
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.match(await nav.innerText(), /금융아카데미[\s\S]*지니포럼·세미나/);
    assert.deepEqual(await axeViolations(page), []);
    // Escape folds it and gives focus back to the button
    await nav.getByRole('link', { name: '금융아카데미' }).focus();
    await page.keyboard.press('Escape');
    assert.equal(await nav.isVisible(), false);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'menu-button');
    // following a link folds it too
    await button.click();
    await nav.getByRole('link', { name: '금융아카데미' }).click();
    await page.waitForURL('**/academy');
    await waitForAttribute(button, 'aria-expanded', 'false');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `scrolls sideways by ${wide}px`);
    await page.close();

    const desktop = await open('/');
    assert.equal(await desktop.getByTestId('menu-button').isVisible(), false);
    assert.equal(await desktop.getByTestId('public-nav').isVisible(), true);
    await desktop.close();
  });

  it('ends with the identifier footer: address, phone and the three policy pages', async () => {
    const page = await open('/', PHONE);
    const footer = page.getByTestId('site-footer');
    const text = await footer.innerText();
    assert.match(text, /전주시 완산구 노송광장로 10/);
    assert.match(text, /대표전화 063-281-2114/);
    assert.match(await page.getByTestId('identifier').innerText(), /이 누리집은 전주시 누리집입니다/);
    const links = footer.getByTestId('footer-links').getByRole('link');
    assert.deepEqual(await links.allInnerTexts(), ['개인정보처리방침', '저작권정책', '웹접근성']);
    await links.first().click();
    await page.waitForURL('**/privacy');
    await page.getByTestId('privacy-page').waitFor();
    await page.close();
  });

  it('shows the privacy policy generated from the register, in Korean and English', async () => {
    for (const lang of ['ko', 'en'] as const) {
      const page = await open(`/privacy?lang=${lang}`, PHONE);
      const processings = page.getByTestId('privacy-processing');
      assert.ok((await processings.count()) >= 8);
      const academy = await processings.filter({ has: page.locator('[data-id="academy"]') }).count();
      assert.equal(academy, 0); // data-id sits on the section itself
      const academyText = await page.locator('[data-testid="privacy-processing"][data-id="academy"]').innerText();
      assert.match(academyText, lang === 'ko' ? /금융아카데미[\s\S]*강좌 종료 후 1년간/ : /Financial academy[\s\S]*one year after the session ends/);
      const officer = await page.getByTestId('privacy-officer').innerText();
      assert.match(officer, /김보호/);
      assert.match(officer, /privacy@jeonju\.go\.kr/);
      assert.match(officer, /063-281-2114/);
      // no SMS provider or mail server is set up here: only the employers (with consent) are named
      assert.deepEqual(await page.getByTestId('privacy-recipient').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))), ['provision']);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      assert.deepEqual(await axeViolations(page), [], `privacy ${lang}`);
      await page.close();
    }
  });

  it('has the copyright and accessibility policies in both languages', async () => {
    for (const [url, testId, ko, en] of [
      ['/copyright', 'copyright-page', /공공누리 제1유형/, /KOGL\) Type 1/],
      ['/accessibility', 'accessibility-page', /KWCAG\) 2\.2|지침\(KWCAG\) 2\.2/, /KWCAG\) 2\.2/],
    ] as const) {
      for (const lang of ['ko', 'en'] as const) {
        const page = await open(`${url}?lang=${lang}`, PHONE);
        assert.match(await page.getByTestId(testId).innerText(), lang === 'ko' ? ko : en);
        assert.deepEqual(await axeViolations(page), [], `${url} ${lang}`);
        await page.close();
      }
    }
  });

  it('answers an unknown address with 404 and the not-found page', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const res = await page.goto(`${server.url}/no-such-page`);
    assert.equal(res?.status(), 404);
    await page.getByTestId('not-found').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    const known = await page.goto(`${server.url}/events`);
    assert.equal(known?.status(), 200);
    await page.close();
  });
});
