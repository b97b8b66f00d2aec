/**
 * The public home against the real `finhub serve`, at phone width (390×844) in Korean and English:
 * the program at a glance (이행률, 완료율, budget executed, each with its 기준일) equal to the
 * server's figures, this quarter, the next academy session and event, the latest news, each linked
 * to its page. axe-core finds no violation and nothing scrolls sideways.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations } from '../support/browser.ts';
import { createOpenSession, educationHarness, waitForText } from '../support/education.ts';
import { ApiSession } from '../support/staff.ts';

const PHONE = { width: 390, height: 844 };
const iso = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('home page', () => {
  const h = educationHarness('finhub-e2e-home-');

  it('shows the program at a glance, what is coming up and the latest news, in Korean and English on a phone', async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const planId = (await (await fetch(`${h.server.url}/api/plans`)).json()).items[0].id as number;
    const plan = await manager.call<{ schedule: { actions: { id: number }[] }[] }>('GET', `/api/plans/${planId}`);
    await manager.call('PATCH', `/api/actions/${plan.schedule[0]!.actions[0]!.id}`, { status: 'done', progress: 100 });
    const sessionId = await createOpenSession(manager, '금융아카데미 홈 강좌', 30);
    const event = await manager.call<{ id: number }>('POST', '/api/events', {
      kind: 'seminar',
      title: { ko: '전주 금융세미나', en: 'Jeonju finance seminar' },
      startsAt: iso(24 * 10),
      endsAt: iso(24 * 10 + 3),
      venue: { ko: '전주 한국소리문화의전당', en: 'Sori Arts Center, Jeonju' },
      published: true,
    });
    const news = await manager.call<{ id: number }>('POST', '/api/manage/news', {
      kind: 'press_release',
      title: { ko: '전주시, 금융중심지 협약 체결', en: 'Jeonju signs a financial-center agreement' },
      body: { ko: '협약을 맺었습니다.', en: 'An agreement was signed.' },
    });
    await manager.call('POST', `/api/manage/news/${news.id}/publish`);
    const home = (await (await fetch(`${h.server.url}/api/home`)).json()) as {
      plans: { figures: { progressRate: number | null; completionRate: number | null } }[];
    };

    const page = await (await h.newContext(PHONE)).newPage();
    await page.goto(`${h.server.url}/`);
    const card = page.getByTestId('plan-card').first();
    await waitForText(card.getByTestId('progress-rate'), /%/);
    assert.equal((await card.getByTestId('progress-rate').innerText()).trim(), `${home.plans[0]!.figures.progressRate!.toFixed(1)}%`);
    assert.equal((await card.getByTestId('completion-rate').innerText()).trim(), `${home.plans[0]!.figures.completionRate!.toFixed(1)}%`);
    await waitForText(card.getByTestId('budget-executed'), /억원/);
    await waitForText(card.getByTestId('home-as-of'), /이행률·완료율 기준일: \d{4}년 \d{1,2}월 \d{1,2}일\s*예산 기준일: \d{4}년/);
    await waitForText(page.getByTestId('home-quarter'), /\d{4}년 [1-4]분기 추진 과제/);
    await waitForText(page.getByTestId('home-sessions'), /금융아카데미 홈 강좌/);
    await waitForText(page.getByTestId('home-events'), /전주 금융세미나/);
    await waitForText(page.getByTestId('home-news'), /금융중심지 협약 체결/);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `scrolls sideways by ${wide}px at phone width`);
    assert.deepEqual(await axeViolations(page), []);

    // Each entry leads to its page.
    await page
      .getByTestId('home-sessions')
      .getByRole('link', { name: /금융아카데미 홈 강좌/ })
      .click();
    await page.waitForURL(`**/academy/sessions/${sessionId}`);
    await page.goBack();
    await page
      .getByTestId('home-events')
      .getByRole('link', { name: /전주 금융세미나/ })
      .click();
    await page.waitForURL(`**/events/${event.id}`);
    await page.goBack();
    await page
      .getByTestId('home-news')
      .getByRole('link', { name: /금융중심지 협약 체결/ })
      .click();
    await waitForText(page.getByTestId('news-title'), /금융중심지 협약 체결/);

    // English: the labels and the texts given in English; the plan's own texts, Korean only here, say so.
    await page.goto(`${h.server.url}/?lang=en`);
    await waitForText(page.getByTestId('plan-card').first().getByTestId('home-as-of'), /Progress figures as of \d{1,2} \w+ \d{4}\s*Budget figures as of/);
    await waitForText(page.getByTestId('plan-card').first(), /Korean only/);
    await waitForText(page.getByTestId('home-quarter'), /Actions for Q[1-4] \d{4}/);
    await waitForText(page.getByTestId('home-sessions'), /금융아카데미 홈 강좌 \(en\)/);
    await waitForText(page.getByTestId('home-events'), /Jeonju finance seminar/);
    await waitForText(page.getByTestId('home-news'), /Jeonju signs a financial-center agreement/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const wideEn = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wideEn <= 0, `scrolls sideways by ${wideEn}px at phone width (en)`);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(h.pageErrors, []);
  });
});
