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
import { ApiSession, signInPage } from '../support/staff.ts';

const iso = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('professional training in chromium', () => {
  const h = educationHarness('finhub-e2e-training-');

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

  it('the staff page shows a placement with its six-month follow-up and the figures', async () => {
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
    const employer = await manager.call<{ id: number }>('POST', '/api/training/employers', {
      name: { ko: '국민연금공단', en: 'National Pension Service' },
      kind: 'innovation_city',
    });
    const p = await manager.call<{ id: number }>('POST', '/api/training/placements', {
      applicationId: a!.id,
      employerId: employer.id,
      jobTitle: '기금 사무',
      startedOn: seoulDate(-200),
    });
    await manager.call('POST', `/api/training/placements/${p.id}/follow-up`, { followUpOn: seoulDate(0), retained: true });

    const staff = await signInPage(await h.newContext(), h.server.url, 'manager@jeonju.test');
    await staff.goto(`${h.server.url}/staff/training`);
    await waitForText(staff.getByTestId('staff-placements'), /김취업 · 국민연금공단 · 기금 사무 .* 6개월 고용 유지/);
    const figures = await waitForText(staff.getByTestId('training-figures'), /백오피스 기초 예전 기수/);
    assert.match(figures, /백오피스 기초 예전 기수\s+1\s+1\s+100(\.0)?%\s+1\s+100(\.0)?%\s+1\/1/);
  });

  it('no page errors', () => {
    assert.deepEqual(h.pageErrors, []);
  });
});
