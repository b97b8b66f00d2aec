/**
 * The ordinance (조례) and institution attraction (금융기관 유치) in the browser against the real
 * `finhub serve`: the seeded ordinance moves to its legislative notice through the staff form,
 * then through every stage, and the public page shows the current stage and each date in Korean
 * and English; the attraction pipeline stays on the staff page while the public page shows only
 * the counts and the names institutions agreed to announce. axe-core on the new pages.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { axeViolations } from '../support/browser.ts';
import { educationHarness, waitForText } from '../support/education.ts';
import { ApiSession, signInPage } from '../support/staff.ts';

describe('ordinance and institution attraction pages', () => {
  const h = educationHarness('finhub-e2e-ordinance-');
  let manager: ApiSession;

  before(async () => {
    manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
  });

  it('moves the ordinance through its stages onto the public page', async () => {
    const context = await h.newContext();
    const staff = await signInPage(context, h.server.url, 'manager@jeonju.test');
    await staff.goto(`${h.server.url}/staff/ordinance`);
    await waitForText(staff.getByTestId('ordinance-next-stage'), /입법예고/);
    const form = staff.getByTestId('ordinance-move-form');
    await form.locator('[name="reachedOn"]').fill('2025-02-01');
    await form.locator('[name="noticeEndsOn"]').fill('2025-02-21');
    await form.getByRole('button', { name: '단계 진행' }).click();
    await waitForText(staff.getByTestId('ordinance-next-stage'), /조례·규칙심의회/);
    await waitForText(staff.getByTestId('ordinance-notice'), /2025-02-01 ~ 2025-02-21/);
    // An opinion through the form: the sender's kind only.
    const opinion = staff.getByTestId('opinion-form');
    await opinion.locator('[name="receivedOn"]').fill('2025-02-05');
    await opinion.locator('[name="summary"]').fill('전문인력 양성 조항을 넣어 주십시오.');
    await opinion.getByRole('button', { name: '의견 등록' }).click();
    await waitForText(staff.getByTestId('opinion'), /전문인력 양성 조항/);
    assert.equal(
      await staff
        .getByTestId('opinion')
        .getByLabel(/이름|성명/)
        .count(),
      0,
    );
    const answer = staff.getByTestId('answer-form');
    await answer.locator('[name="answer"]').fill('제5조에 반영하였습니다.');
    await answer.locator('[name="answeredOn"]').fill('2025-02-25');
    await answer.getByRole('button', { name: '답변 저장' }).click();
    await waitForText(staff.getByTestId('opinion'), /제5조에 반영/);
    assert.deepEqual(await axeViolations(staff), []);

    // The stages up to promulgation through the API; the last one through the form again.
    const { current } = await manager.call<{ current: { id: number } }>('GET', '/api/manage/ordinance');
    for (const [stage, reachedOn] of [
      ['regulation_review', '2025-03-05'],
      ['council_submission', '2025-03-20'],
      ['committee', '2025-04-10'],
      ['plenary', '2025-04-20'],
      ['promulgation', '2025-05-01'],
    ]) {
      await manager.call('POST', `/api/ordinance/rounds/${current.id}/stage`, { stage, reachedOn });
    }
    await staff.reload();
    const last = staff.getByTestId('ordinance-move-form');
    await waitForText(staff.getByTestId('ordinance-next-stage'), /시행/);
    await last.locator('[name="reachedOn"]').fill('2025-05-02');
    await last.getByRole('button', { name: '단계 진행' }).click();
    await waitForText(staff.getByTestId('ordinance-final'), /개정/);

    const page = await context.newPage();
    await page.goto(`${h.server.url}/cooperation/ordinance`);
    await waitForText(page.getByTestId('ordinance-current-stage'), /시행 \(8\/8단계\)/);
    const stages = page.getByTestId('ordinance-stages').locator('li');
    assert.equal(await stages.count(), 8);
    await waitForText(stages.nth(1), /입법예고 2025-02-01 완료/);
    await waitForText(stages.nth(7), /시행 2025-05-02 완료/);
    await waitForText(page.getByTestId('ordinance-opinion-counts'), /접수 1건 · 답변 1건 · 반영 1건/);
    assert.ok(!(await page.content()).includes('제5조에 반영'), 'the answer text stays with staff');
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(`${h.server.url}/cooperation/ordinance?lang=en`);
    await waitForText(page.getByTestId('ordinance-current-stage'), /In force \(stage 8 of 8\)/);
    await waitForText(page.getByTestId('ordinance-stages').locator('li').nth(1), /Legislative notice done 2025-02-01/);
    assert.deepEqual(await axeViolations(page), []);
    // A phone: no sideways scrolling with the longer menu and the stage list.
    const phone = await (await h.newContext({ width: 375, height: 800 })).newPage();
    await phone.goto(`${h.server.url}/cooperation/ordinance`);
    await waitForText(phone.getByTestId('ordinance-current-stage'), /시행/);
    await phone.getByTestId('menu-button').click();
    assert.match(await phone.getByTestId('public-nav').innerText(), /조례·기관 유치/);
    const wide = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `scrolls sideways by ${wide}px at phone width`);
    assert.deepEqual(h.pageErrors, []);
  });

  it('shows the attraction funnel to staff and only counts and agreed names to the public', async () => {
    const officer = await ApiSession.signIn(h.server.url, 'officer@jeonju.test');
    const add = (ko: string, kind: string, announce: boolean) =>
      officer.call<{ id: number }>('POST', '/api/attraction/targets', { name: { ko, en: `${ko} (EN)` }, kind, identifiedOn: '2025-01-10', announce });
    const a = await add('가나자산운용', 'asset_manager', true);
    const b = await add('비공개수탁은행', 'custodian', false);
    await add('다라핀테크', 'fintech', true);
    await officer.call('POST', `/api/attraction/targets/${a.id}/stage`, { stage: 'office_opened', reachedOn: '2025-06-01' });
    await officer.call('POST', `/api/attraction/targets/${b.id}/stage`, { stage: 'mou', reachedOn: '2025-05-01' });

    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto(`${h.server.url}/cooperation/attraction`);
    await waitForText(page.getByTestId('attraction-mous'), /2곳/);
    await waitForText(page.getByTestId('attraction-offices'), /1곳/);
    await waitForText(page.getByTestId('attraction-named'), /가나자산운용/);
    const text = await page.content();
    for (const secret of ['비공개수탁은행', '다라핀테크']) assert.ok(!text.includes(secret), `public page shows ${secret}`);
    assert.deepEqual(await axeViolations(page), []);

    const staff = await signInPage(context, h.server.url, 'viewer@jeonju.test');
    await staff.goto(`${h.server.url}/staff/attraction`);
    await waitForText(staff.getByTestId('attraction-funnel'), /업무협약/);
    assert.equal(await staff.getByTestId('attraction-target').count(), 3);
    assert.equal(await staff.getByTestId('attraction-add-form').count(), 0, 'viewers read only');
    const mouRow = staff.getByTestId('attraction-funnel').locator('tr[data-stage="mou"] td');
    assert.deepEqual((await mouRow.allInnerTexts()).slice(0, 2), ['1', '2'], 'one at MOU now, two have reached it');
    assert.deepEqual(await axeViolations(staff), []);
    assert.deepEqual(h.pageErrors, []);
  });
});
