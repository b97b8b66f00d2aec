/**
 * Professional training in chromium, against the real `finhub serve`: a citizen applies through
 * the public form (consent required), a manager selects them with a reason, the room display shows
 * the rotating code, the trainee checks in with it on their status page (and through the QR
 * link), certificates are issued from the staff page, anyone verifies the certificate on its
 * public page, and after the manager revokes it the page says so; the staff page shows the
 * figures and the placement with its follow-up.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deliveredToken, educationHarness, seoulDate, waitForAttribute, waitForText } from '../support/education.ts';
import { axeViolations } from '../support/browser.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

const iso = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('professional training in chromium', () => {
  const h = educationHarness('finhub-e2e-training-');
  const made = { cohortId: 0, token: '', code: '', sessionId: 0 };

  it('application → selection → rotating-code check-in → certificate → public verification → revocation', async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const course = await manager.call<{ id: number }>('POST', '/api/training/courses', {
      track: 'fintech',
      title: { ko: '핀테크 실무', en: 'Fintech in practice' },
      hours: 16,
      minAttendancePct: 100,
      minScore: 60,
    });
    const cohort = await manager.call<{ id: number }>('POST', '/api/training/cohorts', {
      courseId: course.id,
      name: '2026년 2기',
      startsOn: seoulDate(0),
      endsOn: seoulDate(1),
      capacity: 2,
      applyOpensAt: iso(-60),
      applyClosesAt: iso(24 * 60),
      criteria: { ko: '전북 연고 청년 우선', en: 'Young people from Jeonbuk first' },
      documents: { ko: '이력서', en: 'CV' },
    });

    // The public form.
    const context = await h.newContext({ width: 400, height: 850 });
    const page = await context.newPage();
    await page.goto(`${h.server.url}/`);
    // A phone: the public menu is folded behind its button (KRDS).
    await page.getByTestId('menu-button').click();
    await page.getByTestId('public-nav').getByRole('link', { name: '금융전문인력 양성' }).click();
    await page.getByTestId('cohort-card').first().getByRole('link').click();
    await waitForText(page.getByTestId('cohort-facts'), /전북 연고 청년 우선/);
    const form = page.getByTestId('training-form');
    await form.locator('input[name="name"]').fill('홍길동');
    await form.locator('input[name="phone"]').fill('010-2468-1357');
    await form.locator('textarea[name="statement"]').fill('핀테크 스타트업에서 일하고 싶습니다.');
    await form.getByTestId('training-submit').click();
    assert.match((await form.getByTestId('field-error').allInnerTexts()).join(' '), /동의/);
    await form.locator('input[name="consent"]').check();
    await form.locator('input[name="referralConsent"]').check();
    await form.getByTestId('training-submit').click();
    await waitForText(page.getByTestId('application-received'), /접수/);
    const token = await deliveredToken(h.dataDir, '010-2468-1357', 'training/status');
    await page.goto(`${h.server.url}/training/status/${token}`);
    await waitForAttribute(page.getByTestId('trainee-status'), 'data-status', 'submitted');

    // Selection with a reason.
    const staffContext = await h.newContext();
    const staff = await signInPage(staffContext, h.server.url, 'manager@jeonju.test');
    await staff.goto(`${h.server.url}/staff/training/cohorts/${cohort.id}`);
    const card = staff.getByTestId('trainee-card').filter({ hasText: '홍길동' });
    await card.waitFor();
    assert.match(await card.innerText(), /010-\*\*\*\*-1357/, 'the phone is masked');
    await card.locator('input').first().fill('지원 동기가 분명함');
    await card.getByTestId('decide-selected').click();
    await waitForAttribute(card, 'data-status', 'selected');
    await page.reload();
    await waitForAttribute(page.getByTestId('trainee-status'), 'data-status', 'selected');
    assert.match(await page.getByTestId('trainee-reason').innerText(), /지원 동기가 분명함/);

    // The room display and check-in with its code.
    const session = await manager.call<{ id: number }>('POST', `/api/training/cohorts/${cohort.id}/sessions`, {
      title: { ko: '1회차 오리엔테이션', en: 'Session 1' },
      startsAt: iso(-5),
      endsAt: iso(120),
      room: '전주시청 4층 교육장',
    });
    const display = await signInPage(await h.newContext(), h.server.url, 'officer@jeonju.test');
    await display.goto(`${h.server.url}/staff/training/sessions/${session.id}/display`);
    const shown = await waitForText(display.getByTestId('room-code'), /^\d{6}$/);
    assert.match((await display.getByTestId('room-qr').getAttribute('src')) ?? '', /^data:image\/svg\+xml/);
    await page.reload();
    const checkIn = page.getByTestId('check-in-form');
    await checkIn.locator('#check-in-code').fill(shown === '000000' ? '111111' : '000000');
    await checkIn.getByTestId('check-in-submit').click();
    await waitForText(checkIn.getByTestId('form-alert'), /출석 코드가 맞지 않습니다/);
    const current = await waitForText(display.getByTestId('room-code'), /^\d{6}$/);
    await checkIn.locator('#check-in-code').fill(current);
    await checkIn.getByTestId('check-in-submit').click();
    await waitForText(page.getByTestId('trainee-sessions'), /출석/);
    assert.equal(await page.getByTestId('trainee-sessions').locator('li').first().getAttribute('data-attendance'), 'present');
    // The room's QR link on the same phone: the status page kept the link.
    const again = await waitForText(display.getByTestId('room-code'), /^\d{6}$/);
    await page.goto(`${h.server.url}/training/check-in?session=${session.id}&code=${again}`);
    await waitForText(page.getByTestId('check-in-result'), /이미 출석/);

    // Scores, then certificates from the staff page.
    const [trainee] = (await manager.call<{ items: { id: number }[] }>('GET', `/api/training/cohorts/${cohort.id}/applications`)).items;
    await staff.reload();
    const scores = staff.getByTestId('scores-form');
    await scores.locator(`#pre-${trainee!.id}`).fill('40');
    await scores.locator(`#post-${trainee!.id}`).fill('85');
    await scores.getByTestId('scores-submit').click();
    await waitForText(card.getByTestId('trainee-progress'), /출석률 100% · 사전 40 · 사후 85 · 수료 기준 충족/);
    await staff.getByTestId('issue-certificates').click();
    const certLine = await waitForText(card.getByTestId('trainee-certificate'), /JJFC-/);
    const code = /JJFC-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(certLine)![0];
    Object.assign(made, { cohortId: cohort.id, token, code, sessionId: session.id });

    // Anyone verifies it.
    const visitor = await (await h.newContext()).newPage();
    await visitor.goto(`${h.server.url}/certificates/${code}`);
    await waitForAttribute(visitor.getByTestId('certificate-validity'), 'data-valid', 'true');
    assert.equal(await visitor.getByTestId('certificate-holder').innerText(), '홍*동');
    assert.match(await visitor.getByTestId('certificate-facts').innerText(), /핀테크 실무 2026년 2기/);
    await page.goto(`${h.server.url}/training/status/${token}`);
    await page.getByTestId('own-certificate').waitFor();

    // Revoked: the public page says so.
    await card.getByPlaceholder('취소 사유').fill('출석 기록 오류');
    await card.getByTestId('revoke-certificate').click();
    await waitForText(card.getByTestId('trainee-certificate'), /취소된 수료증/);
    await visitor.reload();
    await waitForAttribute(visitor.getByTestId('certificate-validity'), 'data-valid', 'false');
    await visitor.goto(`${h.server.url}/certificates/JJFC-2222-3333-4444`);
    await visitor.getByTestId('certificate-unknown').waitFor();
  });

  it('staff link a graduate to a job: employer, posting, referral and interview, placement, six-month follow-up, figures', async () => {
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const course = await manager.call<{ id: number }>('POST', '/api/training/courses', {
      track: 'back_office',
      title: { ko: '백오피스 기초', en: 'Back office basics' },
      hours: 8,
      minAttendancePct: 50,
      minScore: 50,
    });
    const cohort = await manager.call<{ id: number }>('POST', '/api/training/cohorts', {
      courseId: course.id,
      name: '예전 기수',
      startsOn: seoulDate(-240),
      endsOn: seoulDate(-230),
      capacity: 5,
      applyOpensAt: iso(-60),
      applyClosesAt: iso(60),
      criteria: { ko: '누구나', en: 'Anyone' },
      documents: { ko: '이력서', en: 'CV' },
    });
    const res = await fetch(`${h.server.url}/api/training/cohorts/${cohort.id}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.server.url },
      body: JSON.stringify({ name: '김취업', phone: '010-1357-2468', statement: '지원', consent: true, referralConsent: true }),
    });
    assert.equal(res.status, 201);
    const [a] = (await manager.call<{ items: { id: number }[] }>('GET', `/api/training/cohorts/${cohort.id}/applications`)).items;
    await manager.call('POST', `/api/training/applications/${a!.id}/decision`, { decision: 'selected', reason: '선발' });
    const s = await manager.call<{ id: number }>('POST', `/api/training/cohorts/${cohort.id}/sessions`, {
      title: { ko: '1회차', en: 'Session 1' },
      startsAt: `${seoulDate(-239)}T10:00:00+09:00`,
      endsAt: `${seoulDate(-239)}T17:00:00+09:00`,
      room: '교육장',
    });
    await manager.call('PUT', `/api/training/sessions/${s.id}/attendance`, { items: [{ applicationId: a!.id, status: 'present' }] });
    await manager.call('PUT', `/api/training/cohorts/${cohort.id}/scores`, { items: [{ applicationId: a!.id, post: 70 }] });
    await manager.call('POST', `/api/training/cohorts/${cohort.id}/certificates`);
    // The job linkage on the staff page: employer, posting, referral and interview, placement, follow-up.
    const staff = await signInPage(await h.newContext(), h.server.url, 'manager@jeonju.test');
    await staff.goto(`${h.server.url}/staff/training`);
    const employerForm = staff.getByTestId('employer-form');
    await employerForm.locator('#emp-ko').fill('국민연금공단');
    await employerForm.locator('#emp-en').fill('National Pension Service');
    await employerForm.getByRole('button').click();
    const postingForm = staff.getByTestId('posting-form');
    await postingForm.waitFor();
    await postingForm.locator('#post-ko').fill('기금 사무');
    await postingForm.locator('#post-closes').fill(seoulDate(30));
    await postingForm.getByRole('button').click();
    const posting = staff.getByTestId('posting').filter({ hasText: '기금 사무' });
    await posting.waitFor();
    await posting.locator('select').first().selectOption({ label: '김취업 (백오피스 기초 예전 기수)' });
    await posting.getByTestId('refer-submit').click();
    const referral = posting.getByTestId('referral');
    await waitForAttribute(referral, 'data-status', 'referred');
    await referral.locator('select').selectOption('interview');
    await referral.locator('input[type="datetime-local"]').fill(`${seoulDate(-205)}T14:00`);
    await referral.getByRole('button').click();
    await waitForAttribute(posting.getByTestId('referral'), 'data-status', 'interview');
    const placementForm = staff.getByTestId('placement-form');
    await placementForm.locator('#pl-grad').selectOption({ label: '김취업 (백오피스 기초 예전 기수)' });
    await placementForm.locator('#pl-title').fill('기금 사무');
    await placementForm.locator('#pl-start').fill(seoulDate(-200));
    await placementForm.getByTestId('placement-submit').click();
    const placement = staff.getByTestId('placement').filter({ hasText: '김취업' });
    await waitForText(placement, /6개월|확인 예정/);
    await placement.getByTestId('follow-up-submit').click();
    await waitForText(staff.getByTestId('staff-placements'), /김취업 · 국민연금공단 · 기금 사무 .* 6개월 고용 유지/);
    const figures = await waitForText(staff.getByTestId('training-figures'), /백오피스 기초 예전 기수/);
    assert.match(figures, /백오피스 기초 예전 기수\s+1\s+1\s+100(\.0)?%\s+1\s+100(\.0)?%\s+1\/1/);
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`axe-core finds no violations on the training pages (${lang})`, async () => {
      const context = await h.newContext();
      const page = await context.newPage();
      const check = async (p: typeof page, url: string, testId: string) => {
        await p.goto(`${h.server.url}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        await p.getByTestId(testId).first().waitFor();
        await p.waitForLoadState('networkidle');
        assert.equal(await p.getAttribute('html', 'lang'), lang);
        const violations = await axeViolations(p);
        assert.deepEqual(violations, [], `${url} (${lang}): ${JSON.stringify(violations, null, 1)}`);
      };
      for (const [url, testId] of [
        ['/training', 'cohort-list'],
        [`/training/cohorts/${made.cohortId}`, 'training-form'],
        [`/training/status/${made.token}`, 'trainee-facts'],
        [`/certificates/${made.code}`, 'certificate-facts'],
      ] as const)
        await check(page, url, testId);
      const staff = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD, `?lang=${lang}`);
      for (const [url, testId] of [
        ['/staff/training', 'training-figures'],
        [`/staff/training/cohorts/${made.cohortId}`, 'trainee-list'],
        [`/staff/training/sessions/${made.sessionId}/display`, 'room-code'],
      ] as const)
        await check(staff, url, testId);
    });
  }

  it('no page errors', () => {
    assert.deepEqual(h.pageErrors, []);
  });
});
