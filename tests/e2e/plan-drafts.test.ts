/**
 * Drafts with preview in the browser against the real `finhub serve` (issue 14), at desktop and
 * phone width: a manager saves two changes as drafts → the public page is unchanged → the
 * staff-only preview shows them → publish → the public page shows them. axe-core finds nothing.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { educationHarness, waitForText } from '../support/education.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

interface PlanView {
  id: number;
  schedule: { year: number; period: string; actions: { id: number; text: string; status: string }[] }[];
}

describe('plan drafts with preview', () => {
  const h = educationHarness('finhub-e2e-drafts-');
  let plan: PlanView;

  before(async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const plans = await manager.call<{ items: { id: number }[] }>('GET', '/api/plans');
    plan = await manager.call<PlanView>('GET', `/api/plans/${plans.items[0]!.id}`);
  });

  /** The status badge of an action on a plan page (public or preview). */
  const badge = (page: Page, actionId: number) => page.locator(`[data-testid="public-action"][data-action-id="${actionId}"] [data-testid="action-status"]`);

  for (const [name, viewport, offset] of [
    ['desktop', DESKTOP, 0],
    ['phone', PHONE, 2],
  ] as const) {
    it(`saves two changes as drafts, previews them, and publishes them together (${name})`, async () => {
      // The term's last actions, all still planned (추진예정) when published.
      const last = plan.schedule.flatMap((e) => e.actions).reverse();
      const [a, b] = [last[offset]!, last[offset + 1]!];
      const context = await h.newContext(viewport);
      const page = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);

      for (const [action, status, progress] of [
        [a, 'on_track', '30'],
        [b, 'done', '100'],
      ] as const) {
        await page.goto(`${h.server.url}/staff/plans/${plan.id}/actions/${action.id}`);
        const card = page.locator(`[data-testid="action-card"][data-action-id="${action.id}"]`);
        await card.waitFor();
        await card.getByTestId('status-select').selectOption(status);
        await card.getByTestId('progress-input').fill(progress);
        await card.getByTestId('save-draft').click();
        await waitForText(card.getByTestId('draft-note'), /게시 대기 초안/);
        // Not saved as published: the card's badge still says 추진예정.
        assert.equal(await card.getByTestId('action-card-status').getAttribute('data-status'), 'planned');
      }

      // The public page has not changed.
      const citizen = await (await h.newContext(viewport)).newPage();
      await citizen.goto(`${h.server.url}/plans/${plan.id}`);
      await badge(citizen, a.id).waitFor();
      assert.equal(await badge(citizen, a.id).getAttribute('data-status'), 'planned');
      assert.equal(await badge(citizen, b.id).getAttribute('data-status'), 'planned');

      // The workspace lists the drafts; the preview shows the public page with them.
      await page.goto(`${h.server.url}/staff/plans/${plan.id}`);
      const panel = page.getByTestId('drafts-panel');
      await waitForText(panel.getByRole('heading'), /게시 대기 초안 \(2건\)/);
      assert.equal(await panel.getByTestId('draft-row').count(), 2);
      assert.deepEqual(await axeViolations(page), [], `workspace with drafts (${name})`);
      await panel.getByTestId('preview-link').click();
      await page.getByTestId('plan-preview').waitFor();
      await waitForText(page.getByTestId('preview-notice'), /초안 2건을 반영한 모습입니다/);
      await waitForText(badge(page, a.id), /정상추진/);
      assert.equal((await badge(page, b.id).innerText()).trim(), '완료');
      assert.equal(await page.locator(`[data-testid="public-action"][data-action-id="${a.id}"] [data-testid="draft-mark"]`).count(), 1);
      assert.deepEqual(await axeViolations(page), [], `preview (${name})`);
      // The preview is staff-only: a citizen at the same address gets the sign-in page, not the plan.
      await citizen.goto(`${h.server.url}/staff/plans/${plan.id}/preview`);
      await citizen.locator('input[name="email"]').waitFor();
      assert.equal(await citizen.getByTestId('plan-preview').count(), 0);

      // Publish them together.
      await page.goto(`${h.server.url}/staff/plans/${plan.id}`);
      await page.getByTestId('publish-drafts').click();
      await waitForText(page.getByTestId('drafts-panel').getByTestId('form-status'), /초안 2건을 게시했습니다/);
      await page.getByTestId('drafts-empty').waitFor();

      await citizen.goto(`${h.server.url}/plans/${plan.id}`);
      await waitForText(badge(citizen, a.id), /정상추진/);
      assert.equal((await badge(citizen, b.id).innerText()).trim(), '완료');
      await context.close();
      await citizen.context().close();
    });
  }
});
