/**
 * A citizen's walk through the public record on a phone (390×844), in Korean and in English,
 * against the real `finhub serve` in Debian chromium: home → the plan (기준일 on its figures) →
 * an action's page (public explanation, status history without names or internal comments) →
 * a reported quarter downloaded as PDF, XLSX and HWPX (each file's type checked from its bytes,
 * the HWPX read by python's zipfile) → a press release in the news → event registration. Also: the staff write the public
 * explanation in the plan workspace; axe-core finds nothing on the new and changed pages.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { educationHarness, waitForText } from '../support/education.ts';
import { readHwpx } from '../support/independent.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

const PHONE = { width: 390, height: 844 };
const iso = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const TITLE = '전북금융중심지 지정을 위한 협력 및 기반 구축';

interface Action {
  id: number;
  text: string;
}

async function noSidewaysScroll(page: Page, what: string) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `${what} scrolls sideways by ${wide}px at phone width`);
}

async function downloaded(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).first().click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

describe('a citizen walks through the public record on a phone', () => {
  const h = educationHarness('finhub-e2e-walk-');
  let planId = 0;
  let forum: Action;
  let eventId = 0;
  let newsId = 0;

  before(async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const { items } = await (await fetch(`${h.server.url}/api/plans`)).json();
    planId = items[0].id;
    const plan = await (await fetch(`${h.server.url}/api/plans/${planId}`)).json();
    const q3 = plan.schedule.find((e: { year: number; period: string }) => e.year === 2023 && e.period === 'Q3');
    forum = q3.actions[0];
    await manager.call('PATCH', `/api/actions/${forum.id}`, { status: 'on_track', progress: 50, comment: '내부 의견: 장소 협의 중' });
    await manager.call('PATCH', `/api/actions/${forum.id}`, { status: 'done', progress: 100 });
    await manager.call('PATCH', `/api/actions/${q3.actions[1].id}`, { status: 'partly', progress: 30 });
    await manager.call('POST', `/api/plans/${planId}/reports`, { year: 2023, quarter: 3 });

    const event = await manager.call<{ id: number }>('POST', '/api/events', {
      kind: 'forum',
      title: { ko: '제8회 지니포럼', en: 'The 8th GENIE Forum' },
      startsAt: iso(24 * 14),
      endsAt: iso(24 * 14 + 6),
      published: true,
    });
    eventId = event.id;
    const news = await manager.call<{ id: number }>('POST', '/api/manage/news', {
      kind: 'press_release',
      title: { ko: '전주시, 금융중심지 협력 협약 체결', en: 'Jeonju signs a financial-centre cooperation agreement' },
      body: {
        ko: '전주시는 국민연금공단과 금융중심지 협력 협약을 체결했습니다.\n\n협약에 따라 금융아카데미를 함께 운영합니다.',
        en: 'Jeonju signed a financial-centre cooperation agreement with the National Pension Service.\n\nThe two will run the financial academy together.',
      },
    });
    newsId = news.id;
    await manager.call('POST', `/api/manage/news/${newsId}/publish`);
    await manager.call('POST', `/api/events/${eventId}/categories`, { category: 'general', capacity: 50, opensAt: iso(-1), closesAt: iso(24 * 13) });
  });

  it('staff write the public explanation of an action in the plan workspace', async () => {
    const context = await h.newContext();
    const staff = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
    await staff.goto(`${h.server.url}/staff/plans/${planId}/actions/${forum.id}`);
    const card = staff.locator(`[data-testid="action-card"][data-action-id="${forum.id}"]`);
    const form = card.getByTestId('explanation-form');
    await form.locator('summary').click();
    await form.getByTestId('explanation-ko').fill('2023년 9월 지니포럼을 열었습니다.\n국내외 금융기관 30곳이 참여했습니다.');
    await form.getByTestId('explanation-en').fill('The GENIE Forum was held in September 2023 with 30 financial institutions.');
    await form.getByTestId('save-explanation').click();
    await waitForText(form.getByTestId('explanation-state'), /공개 중/);
    assert.deepEqual(await axeViolations(staff), [], 'the workspace with the explanation form open');
    await context.close();
  });

  for (const lang of ['ko', 'en'] as const) {
    const q = lang === 'en' ? '?lang=en' : '';
    const L = <T>(ko: T, en: T) => (lang === 'ko' ? ko : en);

    it(`home → plan → action history → report downloads → news → event registration (${lang}, 390×844)`, async () => {
      const context = await h.newContext(PHONE);
      const page = await context.newPage();

      // Home: the program at a glance with its 기준일, the coming event and the latest news
      await page.goto(`${h.server.url}/${q}`);
      await waitForText(page.getByTestId('plan-card').first(), L(/이행률/, /Progress rate/));
      assert.match(await page.getByTestId('home-as-of').first().innerText(), L(/기준일/, /as of/));
      await waitForText(page.getByTestId('home-events'), L(/제8회 지니포럼/, /The 8th GENIE Forum/));
      await waitForText(page.getByTestId('home-news'), L(/금융중심지 협력 협약 체결/, /cooperation agreement/));
      await noSidewaysScroll(page, `home (${lang})`);
      await page.getByTestId('plan-link').first().click();
      await page.waitForURL(`**/plans/${planId}**`);
      await waitForText(page.getByTestId('plan-title'), new RegExp(TITLE));
      assert.match(await page.getByTestId('as-of-progress').innerText(), L(/이행률·완료율 기준일: \d{4}년 \d+월 \d+일/, /Progress figures as of \d+ \w+ \d{4}/));
      assert.match(await page.getByTestId('as-of-budget').innerText(), L(/예산 기준일/, /Budget figures as of/));
      await noSidewaysScroll(page, `plan (${lang})`);

      // The plan → the action's page and its history
      const action = page.locator(`[data-testid="public-action"][data-action-id="${forum.id}"]`);
      await action.getByTestId('action-details').click();
      await page.waitForURL(`**/plans/${planId}/actions/${forum.id}**`);
      await waitForText(page.getByTestId('action-title'), new RegExp(forum.text.slice(0, 6)));
      const history = page.getByTestId('history-item');
      assert.equal(await history.count(), 2);
      assert.match(await history.first().innerText(), L(/정상추진에서 완료로 바뀌었습니다\.[\s\S]*진척률 50% → 100%/, /from On track to Done[\s\S]*Progress 50% → 100%/));
      assert.match(await history.nth(1).innerText(), L(/추진예정에서 정상추진으로 바뀌었습니다/, /from Planned to On track/));
      assert.match(
        await page.getByTestId('explanation').innerText(),
        L(/2023년 9월 지니포럼을 열었습니다\.\n국내외 금융기관 30곳이 참여했습니다\./, /The GENIE Forum was held in September 2023/),
      );
      const body = await page.locator('main').innerText();
      // the internal comment (not the page's own note that internal comments are not published)
      for (const secret of ['장소 협의 중', '김금융', 'manager@jeonju.test']) assert.ok(!body.includes(secret), `the action page shows ${secret}`);
      assert.match(await page.getByTestId('action-as-of').innerText(), L(/기준일/, /As of/));
      await noSidewaysScroll(page, `action (${lang})`);

      // Back to the plan → the reported quarter, downloaded in three formats
      await page.getByRole('link', { name: L('실천계획으로 돌아가기', 'Back to the plan') }).click();
      const report = page.locator('[data-testid="public-report"][data-year="2023"][data-quarter="3"]');
      await report.scrollIntoViewIfNeeded();
      assert.match(await report.innerText(), L(/2023년 3분기[\s\S]*보고일/, /2023 Q3[\s\S]*Reported/));
      const pdf = await downloaded(page, 'download-pdf');
      assert.match(pdf.name, /2023-Q3\.pdf$/);
      assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      const xlsx = await downloaded(page, 'download-xlsx');
      assert.match(xlsx.name, /2023-Q3\.xlsx$/);
      assert.equal(xlsx.bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
      const hwpx = await downloaded(page, 'download-hwpx');
      assert.match(hwpx.name, /2023-Q3\.hwpx$/);
      const read = readHwpx(hwpx.bytes);
      assert.equal(read.mimetype, 'application/hwp+zip');
      assert.equal(read.members[0]!.name, 'mimetype');
      assert.equal(read.paragraphs[0], TITLE);
      await noSidewaysScroll(page, `plan reports (${lang})`);

      // → the news, through the folded phone menu, and one press release
      await page.getByTestId('menu-button').click();
      await page.getByRole('link', { name: L('뉴스', 'News'), exact: true }).click();
      await page.waitForURL(`**/news**`);
      const row = page.getByTestId('news-row').filter({ hasText: L('협력 협약 체결', 'cooperation agreement') });
      await row.getByRole('link').click();
      await page.waitForURL(`**/news/${newsId}**`);
      const article = page.getByTestId('news-article');
      await waitForText(article, L(/전주시, 금융중심지 협력 협약 체결/, /Jeonju signs a financial-centre cooperation agreement/));
      assert.equal(await article.locator('.news-body p').count(), 2, 'two paragraphs');
      assert.match(await article.getByTestId('news-body').innerText(), L(/국민연금공단과/, /National Pension Service/));
      assert.equal(await page.getByTestId('fallback-note').count(), 0, 'both languages were written');
      await noSidewaysScroll(page, `news (${lang})`);

      // → an event, and registration
      await page.goto(`${h.server.url}/events${q}`);
      await page.locator(`[data-testid="event-card"][data-event-id="${eventId}"]`).getByRole('link').first().click();
      await page.waitForURL(`**/events/${eventId}**`);
      const form = page.getByTestId('event-registration-form');
      const n = lang === 'ko' ? 1 : 2;
      await form.locator('[name="name"]').fill(L('박시민', 'Jane Citizen'));
      await form.locator('[name="phone"]').fill(`010-5555-000${n}`);
      await form.locator('[name="email"]').fill(`citizen${n}@example.kr`);
      await form.locator('select[name="country"]').selectOption('KR');
      await form.getByLabel(/동의합니다|consent to/).check();
      await form.getByTestId('event-register-submit').click();
      await waitForText(page.getByTestId('application-received'), L(/신청을 접수했습니다/, /received/i));
      await noSidewaysScroll(page, `event (${lang})`);
      await context.close();
      assert.deepEqual(h.pageErrors, []);
    });

    it(`axe-core finds no violations on the plan, action, disclosure and news pages (${lang})`, async () => {
      const context = await h.newContext(PHONE);
      const page = await context.newPage();
      for (const [url, testId] of [
        [`/plans/${planId}`, 'public-report'],
        [`/plans/${planId}/actions/${forum.id}`, 'action-history'],
        [`/plans/${planId}/disclosure`, 'status-counts'],
        ['/news', 'news-row'],
        [`/news/${newsId}`, 'news-article'],
      ] as const) {
        await page.goto(`${h.server.url}${url}${q}`);
        await page.getByTestId(testId).first().waitFor();
        assert.deepEqual(await axeViolations(page), [], `${url} (${lang})`);
        await noSidewaysScroll(page, `${url} (${lang})`);
      }
      await context.close();
    });
  }

  it('the pledge disclosure counts actions by status and lays out the budget by source, with 기준일', async () => {
    const context = await h.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/plans/${planId}`);
    await page.getByTestId('disclosure-link').click();
    await page.waitForURL(`**/plans/${planId}/disclosure`);
    const counts = page.getByTestId('status-counts');
    await counts.waitFor();
    assert.match(await counts.locator('tr[data-status="done"]').innerText(), /완료\s+1\b/);
    assert.match(await counts.locator('tr[data-status="partly"]').innerText(), /일부추진\s+1\b/);
    assert.match(await page.getByTestId('disclosure-as-of-budget').innerText(), /예산 기준일: \d{4}년/);
    const budget = await page.getByTestId('budget-by-source').innerText();
    for (const word of ['시비', '계획', '확보', '집행', '총계']) assert.ok(budget.includes(word), `the budget table shows ${word}`);
    await page.goto(`${h.server.url}/plans/${planId}/disclosure?lang=en`);
    await waitForText(page.getByTestId('budget-by-source'), /City \(시비\)/);
    await context.close();
  });
});
