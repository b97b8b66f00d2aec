/**
 * The visiting financial school in chromium, against the real `finhub serve` on a fresh
 * embedded database: a manager opens the year's demand survey, a school applies through the
 * public form (bad input refused by field, consent required), the manager selects it with a
 * reason, schedules a class and records its result, the school's status page shows all of it;
 * a script-laden school name shows as text. (axe-core: education-axe.test.ts.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deliveredToken, educationHarness, SCRIPT_NAME, seoulDate, seoulInput, waitForAttribute, waitForText } from '../support/education.ts';
import { signInPage } from '../support/staff.ts';

describe('visiting financial school in chromium', () => {
  const h = educationHarness('finhub-e2e-school-');
  let schoolToken = '';

  it('a school applies (bad input refused by field), is selected with a reason, gets a class and its result', async () => {
    const context = await h.newContext();
    const staff = await signInPage(context, h.server.url, 'manager@jeonju.test');
    await staff.goto(`${h.server.url}/staff/school`);
    const surveyForm = staff.getByTestId('school-survey-form');
    await surveyForm.locator('input[name="targetSchools"]').fill('3');
    await surveyForm.locator('input[name="opensAt"]').fill(seoulInput(-1));
    await surveyForm.locator('input[name="closesAt"]').fill(seoulInput(24 * 14));
    await surveyForm.getByRole('button').click();
    await staff.getByTestId('staff-school-survey').waitFor();

    const page = await context.newPage();
    await page.goto(`${h.server.url}/`);
    await page.getByTestId('public-nav').getByRole('link', { name: '찾아가는 금융학교' }).click();
    const form = page.getByTestId('school-form');
    await form.waitFor();
    await form.locator('input[name="schoolName"]').fill(`${SCRIPT_NAME}초등학교`);
    await form.locator('input[name="teacherName"]').fill('최교사');
    await form.locator('input[name="teacherPhone"]').fill('12345');
    await form.locator('input[name="grade"]').fill('5학년');
    await form.locator('input[name="students"]').fill('28');
    await form.locator('input[name="preferredDate1"]').fill(seoulDate(30));
    await form.locator('input[name="preferredDate2"]').fill(seoulDate(31));
    await form.locator('textarea[name="topics"]').fill('용돈 관리');
    await form.getByTestId('school-submit').click();
    const errors = (await form.getByTestId('field-error').allInnerTexts()).join(' ');
    assert.match(errors, /휴대전화 번호 형식/);
    assert.match(errors, /동의/);
    await form.locator('input[name="teacherPhone"]').fill('063-222-1234');
    await form.locator('input[name="consent"]').check();
    await form.getByTestId('school-submit').click();
    await waitForText(page.getByTestId('application-received'), /신청을 접수했습니다/);
    schoolToken = await deliveredToken(h.dataDir, '063-222-1234', 'school/applications');
    await page.goto(`${h.server.url}/school/applications/${schoolToken}`);
    await page.getByTestId('application-status').waitFor();
    assert.equal(await page.getByTestId('application-status').getAttribute('data-status'), 'submitted');

    await staff.reload();
    const card = staff.getByTestId('application-card').filter({ hasText: '최교사' });
    await card.waitFor();
    assert.equal(await card.getByTestId('application-school').innerText(), `${SCRIPT_NAME}초등학교`);
    assert.match(await card.getByTestId('application-phone').innerText(), /\*\*\*\*/, 'the phone is masked');
    const decision = card.getByTestId('decision-form');
    await decision.getByTestId('decision-submit').click();
    assert.ok((await decision.getByTestId('field-error').count()) >= 1, 'a decision needs a reason');
    await decision.locator('select[name="decision"]').selectOption('selected');
    await decision.locator('textarea[name="reason"]').fill('수요 학생 수가 많고 일정이 맞음');
    await decision.getByTestId('decision-submit').click();
    await waitForAttribute(card.getByTestId('staff-application-status'), 'data-status', 'selected');

    const classForm = card.getByTestId('class-form');
    await classForm.locator('input[name="heldOn"]').fill(seoulDate(30));
    await classForm.locator('input[name="lecturer"]').fill('정강사');
    await classForm.locator('input[name="classes"]').fill('2');
    await classForm.getByTestId('class-submit').click();
    const cls = card.getByTestId('school-class');
    await cls.waitFor();
    await cls.getByTestId('result-form').locator('input[name="studentsReached"]').fill('56');
    await cls.getByTestId('result-submit').click();
    await waitForText(card.getByTestId('class-result'), /56/);
    await waitForText(staff.getByTestId('selected-of-target'), /1 \/ 목표 3/);

    await page.goto(`${h.server.url}/school/applications/${schoolToken}`);
    await page.getByTestId('application-status').waitFor();
    assert.notEqual(await page.getByTestId('application-status').getAttribute('data-status'), 'submitted');
    assert.match(await page.getByTestId('decision-reason').innerText(), /수요 학생 수가 많고/);
    assert.match(await page.getByTestId('application-classes').innerText(), /정강사/);
    await context.close();
  });

  it('no page errors', () => {
    assert.deepEqual(h.pageErrors, []);
  });
});
