/**
 * Living infrastructure and settlement feedback in chromium, against the real `finhub serve` on
 * a fresh embedded database: the four facilities from the first start and a facility's public
 * page with its inspection photo; department, budget (억원/원) and a milestone's dates set on the
 * staff page and shown on the public page; the feedback form (contact needs consent) → the tracking page;
 * staff answer and publish through the API; the board shows the redacted text, the tracking page
 * the answer; the survey page compares two years.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { educationHarness, SCRIPT_NAME, waitForAttribute, waitForText } from '../support/education.ts';
import { samples } from '../support/files.ts';
import { axeViolations } from '../support/browser.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

describe('living infrastructure and settlement feedback in chromium', () => {
  const h = educationHarness('finhub-e2e-settlement-');

  it('lists the four facilities and shows a facility’s public page with its photo', async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const list = await manager.call<{ items: { id: number; name: { ko: string } }[] }>('GET', '/api/facilities');
    const sports = list.items.find((f) => f.name.ko === '혁신도시 다목적 체육센터')!;
    await manager.call('PATCH', `/api/manage/facilities/${sports.id}`, { stage: 'design' });
    const withInspection = await manager.call<{ inspections: { id: number }[] }>('POST', `/api/manage/facilities/${sports.id}/inspections`, {
      heldOn: '2023-08-10',
      findings: '설계 검토',
    });
    const form = new FormData();
    form.append('file', new Blob([samples.png()], { type: 'image/png' }), 'site.png');
    form.append('caption', '부지 전경');
    const cookie = (manager as unknown as { cookie: string }).cookie;
    const up = await fetch(`${h.server.url}/api/manage/inspections/${withInspection.inspections[0]!.id}/photos`, {
      method: 'POST',
      headers: { cookie, origin: h.server.url },
      body: form,
    });
    assert.equal(up.status, 201, await up.text());

    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto(`${h.server.url}/`);
    await page.getByTestId('public-nav').getByRole('link', { name: '생활 인프라' }).click();
    await page.getByTestId('facility-list').waitFor();
    assert.deepEqual(
      (await page.getByTestId('facility-card').locator('h2').allInnerTexts()).map((s) => s.trim()),
      ['혁신동 주민센터', '복합혁신센터', '혁신도시 다목적 체육센터', '어린이(가족) 친화공간'],
    );
    await page.getByRole('link', { name: '혁신도시 다목적 체육센터' }).click();
    await waitForText(page.getByTestId('facility-name'), /혁신도시 다목적 체육센터/);
    assert.equal(await page.getByTestId('facility-stage').getAttribute('data-stage'), 'design');
    assert.equal(await page.getByTestId('facility-progress').getAttribute('data-value'), '25');
    assert.equal(await page.getByTestId('facility-milestones').locator('tbody tr').count(), 5);
    const img = page.getByTestId('facility-photos').locator('img');
    await img.waitFor();
    await page.waitForFunction(() => {
      const i = document.querySelector<HTMLImageElement>('[data-testid="facility-photos"] img');
      return !!i && i.complete && i.naturalWidth > 0;
    });
    assert.match(await page.getByTestId('facility-photos').innerText(), /부지 전경/);
    // Staff move another facility on and record an inspection through the staff page (the
    // officer's department is made responsible for it first: officers change only their own).
    const complexId = list.items.find((f) => f.name.ko === '복합혁신센터')!.id;
    const depts = await manager.call<{ items: { id: number; name: string }[] }>('GET', '/api/departments');
    await manager.call('PATCH', `/api/manage/facilities/${complexId}`, { departmentId: depts.items.find((d) => d.name === '금융산업과')!.id });
    const staff = await signInPage(context, h.server.url, 'officer@jeonju.test');
    await staff.goto(`${h.server.url}/staff/settlement`);
    const complex = staff.getByTestId('staff-facility').filter({ hasText: '복합혁신센터' });
    await complex.waitFor();
    await complex.getByTestId('stage-form').locator('select[name="stage"]').selectOption('construction');
    await complex.getByTestId('stage-form').getByRole('button').click();
    await waitForAttribute(complex, 'data-stage', 'construction');
    const inspection = complex.getByTestId('inspection-form');
    await inspection.locator('input[name="heldOn"]').fill('2024-09-05');
    await inspection.locator('textarea[name="findings"]').fill('골조 공사 진행 중');
    await inspection.locator('textarea[name="followUps"]').fill('안전 펜스 보강\n배수로 정비');
    await inspection.getByRole('button').click();
    await waitForText(complex.getByTestId('staff-inspection'), /골조 공사 진행 중/);
    assert.equal(await complex.getByTestId('staff-inspection').locator('input[type="checkbox"]').count(), 2);
    await page.goto(`${h.server.url}/facilities/${complexId}`);
    await waitForAttribute(page.getByTestId('facility-stage'), 'data-stage', 'construction');

    await page.goto(`${h.server.url}/facilities/999999`);
    await page
      .getByText(/찾을 수 없습니다|페이지를 찾을 수 없습니다/)
      .first()
      .waitFor();
  });

  it('staff set the department and budget (manager) and a milestone’s dates (officer) on the staff page; the public page shows them', async () => {
    const list = (await (await fetch(`${h.server.url}/api/facilities`)).json()) as { items: { id: number; name: { ko: string } }[] };
    const kids = list.items.find((f) => f.name.ko === '어린이(가족) 친화공간')!;
    const managerContext = await h.newContext();
    const manager = await signInPage(managerContext, h.server.url, 'manager@jeonju.test');
    await manager.goto(`${h.server.url}/staff/settlement`);
    const card = manager.locator(`[data-testid="staff-facility"][data-facility-id="${kids.id}"]`);
    await card.waitFor();
    const department = card.getByTestId('facility-department-form');
    await department.locator('select[name="departmentId"]').selectOption({ label: '금융산업과' });
    await department.getByRole('button').click();
    await waitForText(department.getByTestId('form-status'), /담당 부서를 지정했습니다/);

    const budget = card.getByTestId('budget-form');
    const national = budget.getByTestId('budget-national');
    await national.getByTestId('money-amount').fill('12.5');
    await waitForText(national.getByTestId('money-preview'), /1,250,000,000/);
    const city = budget.getByTestId('budget-city');
    await city.getByTestId('money-unit').selectOption('won');
    await city.getByTestId('money-amount').fill('300,000,000');
    await budget.getByTestId('budget-province').getByTestId('money-amount').fill('열두 억');
    await budget.getByRole('button', { name: '사업비 저장' }).click();
    await budget.getByTestId('form-alert').waitFor();
    assert.equal(await budget.getByTestId('field-error').count(), 1, 'the amount in words is refused');
    await budget.getByTestId('budget-province').getByTestId('money-amount').fill('0');
    await budget.getByRole('button', { name: '사업비 저장' }).click();
    await waitForText(budget.getByTestId('form-status'), /사업비를 저장했습니다/);
    const saved = await (await fetch(`${h.server.url}/api/facilities/${kids.id}`)).json();
    assert.deepEqual(
      (saved.budget.lines as { source: string; amountWon: number }[]).toSorted((a, b) => a.source.localeCompare(b.source)),
      [
        { source: 'city', amountWon: 300_000_000 },
        { source: 'national', amountWon: 1_250_000_000 },
      ],
    );
    assert.equal(saved.budget.totalWon, 1_550_000_000);
    await managerContext.close();

    // The officer of the now responsible department records the first milestone's dates.
    const officerContext = await h.newContext();
    const officer = await signInPage(officerContext, h.server.url, 'officer@jeonju.test');
    await officer.goto(`${h.server.url}/staff/settlement`);
    const own = officer.locator(`[data-testid="staff-facility"][data-facility-id="${kids.id}"]`);
    await own.waitFor();
    assert.equal(await own.getByTestId('budget-form').count(), 0, 'the budget is a manager’s');
    const milestones = own.getByTestId('milestones-form');
    const first = milestones.getByTestId('milestone-fields').first();
    await first.locator('input[name="milestones.0.plannedOn"]').fill('2024-03-01');
    await first.locator('input[name="milestones.0.doneOn"]').fill('2024-03-15');
    await milestones.getByRole('button', { name: '일정 저장' }).click();
    await waitForText(milestones.getByTestId('form-status'), /추진 일정을 저장했습니다/);
    // Reloaded, the form shows the saved dates; saving again changes nothing.
    await officer.reload();
    await first.locator('input[name="milestones.0.doneOn"]').waitFor();
    assert.equal(await first.locator('input[name="milestones.0.doneOn"]').inputValue(), '2024-03-15');
    await milestones.getByRole('button', { name: '일정 저장' }).click();
    await waitForText(milestones.getByTestId('form-status'), /바뀐 내용이 없습니다/);
    await officerContext.close();

    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto(`${h.server.url}/facilities/${kids.id}`);
    const row = page.getByTestId('facility-milestones').locator('tbody tr').first();
    await waitForText(row, /2024-03-01\s+2024-03-15/);
    const shown = await page.getByTestId('facility-budget').innerText();
    assert.match(shown, /국비\s+12\.5억원/);
    assert.match(shown, /시비\s+3\.0억원/);
    assert.match(shown, /합계\s+15\.5억원/);
    assert.ok(!/도비/.test(shown), 'a source at 0 is left out');
    assert.match(await page.getByTestId('facility-facts').innerText(), /금융산업과/);
    await context.close();
  });

  it('takes feedback through the form (a contact needs consent), tracks it, and shows the published, redacted answer on the board', async () => {
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto(`${h.server.url}/`);
    await page.getByTestId('public-nav').getByRole('link', { name: '정주여건 의견' }).click();
    const form = page.getByTestId('feedback-form');
    await form.waitFor();
    await form.locator('select[name="category"]').selectOption('transport');
    await form.locator('textarea[name="text"]').fill(`혁신도시 통근버스가 부족합니다. 제 차 12가3456을 정류장 옆에 세웁니다. 010-2222-3333 으로 연락 주세요. ${SCRIPT_NAME}`);
    await form.getByLabel('연락처를 남기고 답변 안내를 받습니다').check();
    await form.getByTestId('feedback-submit').click();
    const errors = (await form.getByTestId('field-error').allInnerTexts()).join(' ');
    assert.match(errors, /휴대전화 번호나 이메일/);
    assert.match(errors, /동의/);
    await form.locator('input[name="phone"]').fill('010-2222-3333');
    await form.locator('input[name="consent"]').check();
    await form.getByTestId('feedback-photo').setInputFiles({ name: 'bus.png', mimeType: 'image/png', buffer: samples.png() });
    await form.getByTestId('feedback-submit').click();
    await page.getByTestId('feedback-new').waitFor();
    assert.match(page.url(), /\/settlement\/feedback\/track\/[A-Za-z0-9_-]{43}\?new=1$/);
    assert.equal(await page.getByTestId('feedback-status').getAttribute('data-status'), 'received');
    await page.getByTestId('feedback-has-photo').waitFor();
    await page.getByTestId('feedback-no-answer').waitFor();
    const trackingUrl = await page.getByTestId('tracking-link').getAttribute('href');

    // Staff, in the staff area: assign, answer, approve the proposed redaction.
    const admin = await ApiSession.signIn(h.server.url, 'admin@jeonju.test');
    await admin.call('POST', '/api/departments', { name: '대중교통과' });
    const board = await context.newPage();
    await board.goto(`${h.server.url}/settlement/board`);
    await board.getByTestId('board-empty').waitFor();

    const staffContext = await h.newContext();
    const staff = await signInPage(staffContext, h.server.url, 'manager@jeonju.test');
    await staff.getByTestId('staff-nav').getByRole('link', { name: '생활 인프라·정주여건' }).click();
    const card = staff.getByTestId('staff-feedback').filter({ hasText: '통근버스가 부족합니다' });
    await card.waitFor();
    assert.match(await card.getByTestId('staff-feedback-contact').innerText(), /010-\*\*\*\*-3333/, 'the phone is masked');
    await card.getByTestId('feedback-assign-form').locator('select[name="departmentId"]').selectOption({ label: '대중교통과' });
    await card.getByTestId('feedback-assign').click();
    await waitForAttribute(card, 'data-status', 'assigned');
    await card.getByTestId('feedback-answer-form').locator('textarea[name="text"]').fill('통근버스를 2대 늘립니다. 문의: 대중교통과 063-281-5555');
    await card.getByTestId('feedback-answer').click();
    await waitForAttribute(card, 'data-status', 'answered');
    const proposed = await card.getByTestId('feedback-public-text').inputValue();
    assert.ok(!/12가3456|010-2222-3333/.test(proposed), `the proposal is redacted: ${proposed}`);
    assert.ok(!(await card.getByTestId('feedback-public-answer').inputValue()).includes('063-281-5555'));
    await card.getByTestId('feedback-publish').click();
    await card.getByTestId('feedback-unpublish').waitFor();

    await board.reload();
    const item = board.getByTestId('board-item');
    await item.waitFor();
    const text = await item.getByTestId('board-text').innerText();
    assert.match(text, /\[차량번호\]/);
    assert.match(text, /\[전화번호\]/);
    assert.ok(!/12가3456|010-2222-3333/.test(text), text);
    assert.ok(text.includes(SCRIPT_NAME), 'a script in the text shows as text (the harness fails on any dialog)');
    assert.match(await item.getByTestId('board-answer').innerText(), /2대 늘립니다/);
    assert.ok(!(await item.innerText()).includes('063-281-5555'));

    await page.goto(trackingUrl!);
    await waitForAttribute(page.getByTestId('feedback-status'), 'data-status', 'answered');
    assert.match(await page.getByTestId('feedback-answer').innerText(), /063-281-5555/, 'the writer reads the answer as written');
  });

  it('shows the survey years side by side', async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    await manager.call('PUT', '/api/manage/settlement/surveys/2024', { respondents: 300, results: [{ topic: 'transport', satisfied: 40 }] });
    await manager.call('PUT', '/api/manage/settlement/surveys/2025', { respondents: 320, results: [{ topic: 'transport', satisfied: 52.5 }] });
    const context = await h.newContext();
    const page = await context.newPage();
    await page.goto(`${h.server.url}/settlement/survey`);
    const chart = page.locator('[data-testid="survey-chart"][data-topic="transport"]');
    await chart.waitFor();
    assert.deepEqual(await chart.locator('g[data-year]').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-year'), g.getAttribute('data-value')])), [
      ['2024', '40'],
      ['2025', '52.5'],
    ]);
    assert.match(await chart.getByTestId('survey-change').innerText(), /\+12\.5/);
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`axe-core finds no violations on the settlement pages (${lang})`, async () => {
      const context = await h.newContext();
      const page = await context.newPage();
      const facilityId = (await (await fetch(`${h.server.url}/api/facilities`)).json()).items[2].id;
      const pages: [string, string][] = [
        ['/facilities', 'facility-list'],
        [`/facilities/${facilityId}`, 'facility-facts'],
        ['/settlement', 'feedback-form'],
        ['/settlement/board', 'feedback-board'],
        ['/settlement/survey', 'survey-years'],
      ];
      for (const [url, testId] of pages) {
        await page.goto(`${h.server.url}${url}?lang=${lang}`);
        await page.getByTestId(testId).waitFor();
        await page.waitForLoadState('networkidle');
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${url} (${lang}): ${JSON.stringify(violations, null, 1)}`);
      }
      const staff = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD, `?lang=${lang}`);
      await staff.goto(`${h.server.url}/staff/settlement?lang=${lang}`);
      await staff.getByTestId('staff-facilities').waitFor();
      await staff.waitForLoadState('networkidle');
      const violations = await axeViolations(staff);
      assert.deepEqual(violations, [], `/staff/settlement (${lang}): ${JSON.stringify(violations, null, 1)}`);
      await context.close();
    });
  }

  it('no page errors', () => {
    assert.deepEqual(h.pageErrors, []);
  });
});
