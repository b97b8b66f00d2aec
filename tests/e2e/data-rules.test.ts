/**
 * Data rules in the browser against the real `finhub serve` (issue 14), at phone and desktop
 * width: marking an action 완료 below progress 100 turns the API's refusal into a question that
 * saves it with 100; an execution beyond the secured money is refused under the amount field and
 * booked once the override is ticked with a reason; the public plan shows the plan's past GENIE
 * Forum editions as past, not as 추진예정. axe-core finds nothing on the pages.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { axeViolations } from '../support/browser.ts';
import { educationHarness, waitForText } from '../support/education.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

interface PlanView {
  id: number;
  schedule: { year: number; period: string; actions: { id: number; text: string; status: string }[] }[];
}

describe('data rules in the staff pages', () => {
  const h = educationHarness('finhub-e2e-rules-');
  let manager: ApiSession;
  let plan: PlanView;

  before(async () => {
    manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const plans = await manager.call<{ items: { id: number }[] }>('GET', '/api/plans');
    plan = await manager.call<PlanView>('GET', `/api/plans/${plans.items[0]!.id}`);
    await manager.call('PUT', `/api/plans/${plan.id}/ledger/secured`, { sourceLabel: '시비', year: 2024, securedKrw: 10_000_000 });
  });

  for (const [name, viewport, index] of [
    ['desktop', DESKTOP, 0],
    ['phone', PHONE, 1],
  ] as const) {
    it(`asks to set progress 100 when an action is marked 완료 below it (${name})`, async () => {
      const entry = plan.schedule.find((e) => e.actions.length > 1 && !e.actions.some((a) => a.text.includes('지니포럼')))!;
      const action = entry.actions[index]!;
      const page = await signInPage(await h.newContext(viewport), h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
      await page.goto(`${h.server.url}/staff/plans/${plan.id}/actions/${action.id}`);
      const card = page.locator(`[data-testid="action-card"][data-action-id="${action.id}"]`);
      await card.waitFor();
      await card.getByTestId('status-select').selectOption('done');
      await card.getByTestId('progress-input').fill('70');
      await card.getByTestId('save-action').click();

      const question = card.getByTestId('full-progress-question');
      await waitForText(question, /'완료' 상태는 진척도가 100%여야 합니다\(지금 입력 70%\)\. 진척도를 100%로 바꾸어 저장하시겠습니까\?/);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'full-progress-question', 'focus moves to the question');
      assert.doesNotMatch(await question.innerText(), /DONE_NEEDS_FULL_PROGRESS/, 'no codes on screen');
      assert.deepEqual(await axeViolations(page), [], `question (${name})`);
      // Nothing was saved yet.
      assert.equal((await manager.call<{ status: string }>('GET', `/api/actions/${action.id}`)).status, 'planned');

      await question.getByTestId('set-full-progress').click();
      await waitForText(card.getByTestId('action-card-status'), /완료/);
      await question.waitFor({ state: 'detached' });
      assert.equal(await card.getByTestId('progress-input').inputValue(), '100');
      const saved = await manager.call<{ status: string; progress: number }>('GET', `/api/actions/${action.id}`);
      assert.deepEqual([saved.status, saved.progress], ['done', 100]);
      await context(page).close();
    });

    it(`refuses an execution beyond the secured money, then books it with the override and a reason (${name})`, async () => {
      const page = await signInPage(await h.newContext(viewport), h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
      await page.goto(`${h.server.url}/staff/plans/${plan.id}/ledger`);
      const form = page.getByTestId('execution-form');
      await form.waitFor();
      await form.getByTestId('source-select').selectOption('시비');
      await form.getByTestId('year-select').selectOption('2024');
      await form.getByTestId('executed-on').fill('2024-05-02');
      await form.getByTestId('money-unit').selectOption('won');
      await form.getByTestId('money-amount').fill(name === 'phone' ? '30000000' : '20000000');
      const description = `지니포럼 운영 지원 (${name})`;
      await form.getByTestId('execution-description').fill(description);
      await form.locator('button[type="submit"]').click();

      const error = form.getByTestId('field-error').first();
      // The desktop run books 20,000,000원 of the 10,000,000원 secured with the override: nothing is left for the phone run.
      await waitForText(error, name === 'phone' ? /남은 확보액\(0원\)보다 많습니다\./ : /남은 확보액\(10,000,000원\)보다 많습니다\./);
      await waitForText(form.getByTestId('form-alert'), /확보액을 넘겨 집행하려면 '확보액 초과 집행'을 선택하고 사유를 입력하십시오/);
      assert.equal(await page.getByTestId('execution-row').filter({ hasText: description }).count(), 0, 'nothing booked');
      assert.deepEqual(await axeViolations(page), [], `refusal (${name})`);

      await form.getByTestId('exceed-secured').check();
      await form.getByTestId('override-reason').fill('추경 확정 전 선집행');
      await form.locator('button[type="submit"]').click();
      await page.getByTestId('execution-row').filter({ hasText: description }).waitFor();
      const audit = await manager.call<{ items: { action: string; after: { description?: string; override?: { reason: string } } }[] }>(
        'GET',
        '/api/audit?action=execution.create',
      );
      const row = audit.items.find((r) => r.after.description === description);
      assert.equal(row?.after.override?.reason, '추경 확정 전 선집행');
      await context(page).close();
    });
  }

  it('shows the plan’s past GENIE Forum editions as past on the public plan page, not as 추진예정', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const context = await h.newContext(viewport);
      const page = await context.newPage();
      await page.goto(`${h.server.url}/plans/${plan.id}`);
      for (const edition of [3, 4, 5, 6]) {
        const action = page.getByTestId('public-action').filter({ hasText: `제${edition}회 지니포럼` });
        const badge = action.getByTestId('action-status');
        await waitForText(badge, /기간 경과 · 결과 미입력/);
        assert.equal(await badge.getAttribute('data-past'), 'true');
      }
      // A future period still reads as planned.
      const future = page.locator('[data-testid="schedule-entry"][data-year="2026"][data-period="Q4"] [data-testid="action-status"]').first();
      if (await future.count()) assert.doesNotMatch(await future.innerText(), /기간 경과/);
      assert.deepEqual(await axeViolations(page), [], 'plan page');
      await context.close();
    }
  });
});

const context = (page: import('playwright-core').Page) => page.context();
