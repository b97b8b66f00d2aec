/**
 * GENIE Forum in the browser against the real `finhub serve`: a manager creates and publishes an
 * event in two languages with a timetable; the public page in Korean and English (fallback note
 * where a text has no English); registration in a general and an invited category (a wrong code
 * shows the field error); check-in twice ("already"); the XLSX export and the badge PDF; axe-core
 * on the new pages in both languages; phone width without sideways scrolling.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { deliveredToken, educationHarness, seoulInput, waitForText } from '../support/education.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

const iso = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function fill(page: Page, testId: string, values: Record<string, string>) {
  const form = page.getByTestId(testId);
  for (const [name, value] of Object.entries(values)) await form.locator(`[name="${name}"]`).fill(value);
  return form;
}

async function noSidewaysScroll(page: Page, url: string) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `${url} scrolls sideways by ${wide}px at phone width`);
}

describe('GENIE Forum: publish, register, check in, export', () => {
  const h = educationHarness('finhub-e2e-events-');
  let eventId = 0;
  let generalToken = '';
  let vipCode = '';

  before(async () => {
    const context = await h.newContext();
    const staff = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
    await staff.goto(`${h.server.url}/staff/events`);
    // The plan's editions are seeded, dated by quarter until staff know the day; the past ones read as past, not planned.
    await waitForText(staff.getByTestId('staff-events'), /2023년 3분기 \(지난 행사, 정확한 날짜 미입력\)/);
    assert.match(await staff.getByTestId('staff-events').innerText(), /지난 행사\(개최 결과 미입력\)/);
    assert.doesNotMatch(await staff.getByTestId('staff-events').innerText(), /분기 예정/);
    const form = await fill(staff, 'event-create-form', {
      titleKo: '제7회 지니포럼',
      titleEn: 'The 7th GENIE Forum',
      descriptionKo: '전북 국제금융 콘퍼런스',
      venueKo: '전북혁신도시 국민연금공단',
      venueEn: 'National Pension Service, Jeonbuk Innovation City',
      edition: '7',
      startsAt: seoulInput(24 * 10),
      endsAt: seoulInput(24 * 11),
    });
    await form.getByLabel(/^공개$/).check();
    await form.getByTestId('event-save').click();
    await staff.waitForURL(/\/staff\/events\/\d+$/);
    eventId = Number(/\/staff\/events\/(\d+)$/.exec(staff.url())![1]);

    const room = staff.getByTestId('room-form');
    await room.getByLabel('장소 이름 (한국어)').fill('대회의실');
    await room.getByLabel('장소 이름 (영어)').fill('Main hall');
    await room.getByRole('button', { name: '장소 추가' }).click();
    await waitForText(staff.getByTestId('rooms-editor').locator('li'), /대회의실/);

    const speaker = staff.getByTestId('speaker-form');
    await speaker.getByLabel('이름 (한국어)').fill('김연사');
    await speaker.getByLabel('이름 (영어)').fill('Kim Yeonsa');
    await speaker.getByLabel('소속 (한국어)').fill('국민연금공단');
    await speaker.getByLabel('약력 (한국어)').fill('기금운용 전문가');
    await speaker.getByRole('button', { name: '연사 추가' }).click();
    await waitForText(staff.getByTestId('staff-speaker'), /김연사/);

    const item = staff.getByTestId('programme-form');
    await item.getByLabel('제목 (한국어)').fill('연기금과 자산운용의 미래');
    await item.getByLabel('제목 (영어)').fill('The future of pension asset management');
    await item.locator('select[name="roomId"]').selectOption({ label: '대회의실' });
    await item.locator('[name="startsAt"]').fill(seoulInput(24 * 10));
    await item.locator('[name="endsAt"]').fill(seoulInput(24 * 10 + 1));
    await item.getByLabel('김연사').check();
    await item.getByRole('button', { name: '프로그램 추가' }).click();
    await waitForText(staff.getByTestId('staff-programme-item'), /연기금과 자산운용의 미래/);

    // Categories and codes through the API (the forms are exercised by the pages' axe runs).
    const manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    await manager.call('POST', `/api/events/${eventId}/categories`, { category: 'general', capacity: 50, opensAt: iso(-1), closesAt: iso(24 * 9) });
    const vip = await manager.call<{ id: number }>('POST', `/api/events/${eventId}/categories`, {
      category: 'vip',
      capacity: 10,
      opensAt: iso(-1),
      closesAt: iso(24 * 9),
      requiresInvitation: true,
    });
    assert.ok(vip.id);
    // Invitation codes from the staff page, shown once.
    await staff.reload();
    const codes = staff.getByTestId('staff-category').filter({ hasText: '초청' }).getByTestId('codes-form');
    await codes.locator('[name="count"]').fill('2');
    await codes.getByRole('button').click();
    const shown = await waitForText(staff.getByTestId('invitation-codes'), /\S+\s+\S+/);
    vipCode = shown.split(/\s+/)[0]!;
    await context.close();
  });

  it('shows the event in Korean and in English, with a note where a text is Korean only', async () => {
    const page = await (await h.newContext()).newPage();
    await page.goto(`${h.server.url}/events`);
    await waitForText(page.getByTestId('upcoming-events'), /제7회 지니포럼/);
    assert.match(await page.getByTestId('public-nav').innerText(), /지니포럼·세미나/);
    await page.getByRole('link', { name: '제7회 지니포럼' }).click();
    await waitForText(page.getByTestId('event-title'), /제7회 지니포럼/);
    assert.match(await page.getByTestId('agenda').innerText(), /연기금과 자산운용의 미래[\s\S]*대회의실|대회의실[\s\S]*연기금과 자산운용의 미래/);
    assert.match(await page.getByTestId('speakers').innerText(), /김연사[\s\S]*국민연금공단/);
    assert.equal(await page.getByTestId('event-ics').getAttribute('href'), `/api/events/${eventId}/calendar.ics`);
    assert.equal(await page.getByTestId('session-ics').count(), 1);

    await page.goto(`${h.server.url}/events/${eventId}?lang=en`);
    await waitForText(page.getByTestId('event-title'), /The 7th GENIE Forum/);
    assert.match(await page.getByTestId('event-description').innerText(), /전북 국제금융 콘퍼런스[\s\S]*Korean only/);
    assert.equal(await page.getByTestId('event-title').getByTestId('fallback-note').count(), 0);
    assert.match(await page.getByTestId('agenda').innerText(), /The future of pension asset management/);
    assert.match(await page.getByTestId('speakers').innerText(), /Kim Yeonsa/);
    const ics = await page.request.get(`${h.server.url}/api/events/${eventId}/calendar.ics`);
    assert.match(ics.headers()['content-type'] ?? '', /text\/calendar/);
  });

  it('registers in the general category and, with a code, in the invited one (a wrong code is a field error)', async () => {
    const page = await (await h.newContext()).newPage();
    await page.goto(`${h.server.url}/events/${eventId}`);
    const form = await fill(page, 'event-registration-form', {
      name: '홍길동',
      nameEn: 'Hong Gildong',
      phone: '010-2345-6789',
      email: 'hong@example.kr',
      affiliation: '전북대학교',
    });
    await form.locator('select[name="country"]').selectOption('KR');
    await form.getByLabel(/동의합니다|agree/).check();
    await form.getByTestId('event-register-submit').click();
    // The one neutral answer; the status link (and the QR code) come in the confirmation e-mail.
    await waitForText(page.getByTestId('application-received'), /신청을 접수했습니다/);
    generalToken = await deliveredToken(h.dataDir, 'hong@example.kr', 'registrations');
    await page.goto(`${h.server.url}/registrations/${generalToken}`);
    await page.getByTestId('registration-qr').waitFor();

    await page.goto(`${h.server.url}/events/${eventId}`);
    const vip = page.getByTestId('event-registration-form');
    await vip.getByLabel(/초청/).first().check();
    await fill(page, 'event-registration-form', { invitationCode: 'WRONG-CODE', name: '이초청', phone: '010-9876-5432', email: 'vip@example.kr' });
    await vip.locator('select[name="country"]').selectOption('US');
    await vip.getByLabel(/동의합니다|agree/).check();
    await vip.getByTestId('event-register-submit').click();
    await waitForText(vip.locator('[name="invitationCode"]').locator('xpath=..').getByTestId('field-error'), /.+/);
    await vip.locator('[name="invitationCode"]').fill(vipCode);
    await vip.getByTestId('event-register-submit').click();
    await waitForText(page.getByTestId('application-received'), /신청을 접수했습니다/);
    assert.match(await deliveredToken(h.dataDir, 'vip@example.kr', 'registrations'), /^[A-Za-z0-9_-]{43}$/);
  });

  it('checks a ticket in twice (the second says already), and serves the XLSX export and the badge PDF', async () => {
    assert.ok(generalToken, 'registered first');
    const context = await h.newContext({ width: 390, height: 844 });
    const staff = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
    await staff.goto(`${h.server.url}/staff/events/${eventId}/check-in`);
    const tokenForm = staff.getByTestId('token-form');
    await tokenForm.locator('input[name="token"]').fill(generalToken);
    await tokenForm.getByRole('button').click();
    await waitForText(staff.getByTestId('scan-result'), /홍길동님 출석을 확인했습니다/);
    await tokenForm.getByRole('button').click();
    await waitForText(staff.getByTestId('scan-result'), /이미 출석 확인/);
    await noSidewaysScroll(staff, 'check-in');

    await staff.goto(`${h.server.url}/staff/events/${eventId}`);
    await staff.getByTestId('attendee-table').waitFor();
    const xlsxHref = await staff.getByTestId('export-xlsx').getAttribute('href');
    const xlsx = await staff.request.get(`${h.server.url}${xlsxHref}`);
    assert.equal(xlsx.status(), 200);
    assert.equal((await xlsx.body()).subarray(0, 2).toString('latin1'), 'PK');
    const pdf = await staff.request.get(`${h.server.url}${await staff.getByTestId('badges-4').getAttribute('href')}`);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
    assert.deepEqual(h.pageErrors, []);
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`axe-core finds no violations on the event pages, and a phone needs no sideways scroll (${lang})`, async () => {
      const context = await h.newContext();
      const page = await context.newPage();
      for (const [url, testId] of [
        ['/events', 'upcoming-events'],
        [`/events/${eventId}`, 'event-registration-form'],
      ] as const) {
        await page.goto(`${h.server.url}${url}?lang=${lang}`);
        await page.getByTestId(testId).waitFor();
        await page.waitForLoadState('networkidle');
        assert.deepEqual(await axeViolations(page), [], `${url} (${lang})`);
      }
      const staff = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD, `?lang=${lang}`);
      for (const [url, testId] of [
        ['/staff/events', 'staff-events'],
        [`/staff/events/${eventId}`, 'attendee-table'],
        [`/staff/events/${eventId}/check-in`, 'attendee-table'],
      ] as const) {
        await staff.goto(`${h.server.url}${url}?lang=${lang}`);
        await staff.getByTestId(testId).waitFor();
        await staff.waitForLoadState('networkidle');
        const violations = await axeViolations(staff);
        assert.deepEqual(violations, [], `${url} (${lang}): ${JSON.stringify(violations, null, 1)}`);
      }
      const phone = await (await h.newContext({ width: 360, height: 740 })).newPage();
      for (const url of ['/events', `/events/${eventId}`]) {
        await phone.goto(`${h.server.url}${url}?lang=${lang}`);
        await phone.getByTestId(url === '/events' ? 'upcoming-events' : 'agenda').waitFor();
        await noSidewaysScroll(phone, url);
      }
    });
  }
});
