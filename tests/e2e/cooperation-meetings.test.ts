/**
 * Regular consultations in the browser against the real `finhub serve`: a manager starts a series
 * with two of the seeded partner organisations, schedules meetings, records an action item owned
 * by 국민연금공단 that carries into the next meeting; a partner account of 국민연금공단 sees it
 * overdue on its dashboard, sees only its organisation's series, and closes the item; the manager
 * writes and approves the minutes (printable page); the manager moves and cancels a meeting,
 * removes an attendee and an agenda item, and renames an organisation with a new contact;
 * axe-core on the pages.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { educationHarness, seoulDate, seoulInput, waitForText } from '../support/education.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function noAxeViolations(page: Page, what: string) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 1)}`);
}

describe('regular consultations: series, carry-over, a partner closing its action item, minutes', () => {
  const h = educationHarness('finhub-e2e-meetings-');
  let manager: ApiSession;
  let nps = 0;
  let politics = 0;
  let first = 0;
  let second = 0;

  before(async () => {
    manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    const orgs = (await manager.call<{ items: { id: number; name: { ko: string } }[] }>('GET', '/api/organisations')).items;
    nps = orgs.find((o) => o.name.ko === '국민연금공단')!.id;
    politics = orgs.find((o) => o.name.ko === '지역 정치권')!.id;
    const admin = await ApiSession.signIn(h.server.url, 'admin@jeonju.test');
    await admin.call('POST', '/api/users', { email: 'nps@nps.test', name: '박연금', role: 'partner', organisationId: nps, password: STAFF_PASSWORD });
    // A series the partner's organisation is not part of.
    await manager.call('POST', '/api/meeting-series', { title: { ko: '지역 정치권 정책간담회' }, organisationIds: [politics] });
  });

  it('a manager runs a series whose open action item carries into the next meeting', async () => {
    const context = await h.newContext();
    const page = await signInPage(context, h.server.url, 'manager@jeonju.test');
    await page.goto(`${h.server.url}/staff/meetings`);
    const form = page.getByTestId('series-form');
    await form.locator('[name="title.ko"]').fill('전북금융중심지 실무협의회');
    await form.locator('[name="title.en"]').fill('Jeonbuk financial hub working group');
    await form.locator('[name="cadence"]').fill('분기별');
    await form.getByLabel('전북특별자치도').check();
    await form.getByLabel('국민연금공단').check();
    await form.getByTestId('series-submit').click();
    const card = page.getByTestId('meeting-series').locator('li.plan-card', { hasText: '전북금융중심지 실무협의회' });
    await waitForText(card, /전북특별자치도, 국민연금공단/);
    const seriesId = Number(await card.getAttribute('data-series-id'));

    const meetingForm = card.getByTestId(`meeting-form-${seriesId}`);
    await meetingForm.locator('[name="startsAt"]').fill(seoulInput(-24 * 20));
    await meetingForm.locator('[name="endsAt"]').fill(seoulInput(-24 * 20 + 2));
    await meetingForm.locator('[name="venue"]').fill('전주시청 4층 회의실');
    await meetingForm.getByTestId('meeting-submit').click();
    await waitForText(card.locator('.link-list'), /개최|예정/);
    second = (await manager.call<{ id: number }>('POST', `/api/meeting-series/${seriesId}/meetings`, { startsAt: iso(40), endsAt: iso(40.1) })).id;
    const series = await manager.call<{ meetings: { id: number }[] }>('GET', `/api/meeting-series/${seriesId}`);
    first = series.meetings[0]!.id;

    await page.goto(`${h.server.url}/staff/meetings/${first}`);
    await waitForText(page.getByTestId('meeting-title'), /전북금융중심지 실무협의회/);
    const agenda = page.getByTestId('agenda-form');
    await agenda.locator('[name="title.ko"]').fill('금융중심지 지정 추진 현황');
    await agenda.locator('[name="presenter"]').fill('전주시 금융산업과');
    await agenda.locator('[name="minutesAllotted"]').fill('20');
    await agenda.getByTestId('agenda-submit').click();
    await waitForText(page.getByTestId('meeting-agenda'), /금융중심지 지정 추진 현황 — 전주시 금융산업과 \(20분\)/);

    const outcome = page.getByTestId('outcome-form');
    await outcome.locator('select[name="kind"]').selectOption('action');
    await outcome.locator('[name="text.ko"]').fill('공동 건의문 초안 작성');
    await outcome.locator('select[name="ownerOrganisationId"]').selectOption({ label: '국민연금공단' });
    await outcome.locator('[name="dueOn"]').fill(seoulDate(-5));
    await outcome.getByTestId('outcome-submit').click();
    await waitForText(page.getByTestId('meeting-outcomes'), /공동 건의문 초안 작성[\s\S]*국민연금공단[\s\S]*진행 중[\s\S]*기한 지남/);
    await noAxeViolations(page, 'meeting page');

    await page.goto(`${h.server.url}/staff/meetings/${second}`);
    await waitForText(page.getByTestId('carried-over'), /공동 건의문 초안 작성[\s\S]*진행 중/);
    await page.goto(`${h.server.url}/staff/meetings`);
    await waitForText(page.getByTestId('overdue-items'), /공동 건의문 초안 작성/);
    await noAxeViolations(page, 'meetings page');
  });

  it('a partner sees only its organisation’s series and closes its own action item', async () => {
    const context = await h.newContext();
    const page = await signInPage(context, h.server.url, 'nps@nps.test');
    await waitForText(page.getByTestId('overdue-items'), /공동 건의문 초안 작성/);
    await page.goto(`${h.server.url}/staff/meetings`);
    const list = await waitForText(page.getByTestId('meeting-series'), /전북금융중심지 실무협의회/);
    assert.doesNotMatch(list, /지역 정치권 정책간담회/);
    assert.equal(await page.getByTestId('series-form').count(), 0, 'partners do not start series');

    await page.goto(`${h.server.url}/staff/meetings/${second}`);
    const carried = page.getByTestId('carried-over');
    await waitForText(carried, /공동 건의문 초안 작성/);
    assert.equal(await page.getByTestId('outcome-form').count(), 0);
    await carried.getByTestId('outcome-toggle').click();
    await waitForText(carried.getByTestId('outcome-status'), /완료/);
    await page.goto(`${h.server.url}/staff`);
    await waitForText(page.getByTestId('overdue-items'), /기한이 지난 조치사항이 없습니다/);
    await noAxeViolations(page, 'partner dashboard');
  });

  it('the manager approves the minutes, shared with the attendees and printable', async () => {
    await manager.call('POST', `/api/meetings/${first}/attendees`, { organisationId: nps, name: '박연금', email: 'nps@nps.test' });
    const context = await h.newContext();
    const page = await signInPage(context, h.server.url, 'manager@jeonju.test');
    await page.goto(`${h.server.url}/staff/meetings/${first}`);
    await page.getByTestId('send-invitations').click();
    await waitForText(page.getByTestId('meeting-note'), /참석자 1명에게 초대장을 보냈습니다/);
    const minutes = page.getByTestId('minutes-form');
    await minutes.locator('[name="minutes.ko"]').fill('공동 건의문을 작성하기로 했다.\n다음 회의에서 점검한다.');
    await minutes.getByTestId('minutes-submit').click();
    await waitForText(page.getByTestId('meeting-minutes'), /공동 건의문을 작성하기로 했다/);
    await page.getByTestId('approve-minutes').click();
    await waitForText(page.getByTestId('meeting-note'), /승인하고 참석자 1명에게 보냈습니다/);
    assert.equal(await page.getByTestId('minutes-form').count(), 0, 'approved minutes are no longer edited');

    await page.goto(`${h.server.url}/staff/meetings/${first}/minutes`);
    await waitForText(page.getByTestId('minutes-text'), /다음 회의에서 점검한다/);
    await noAxeViolations(page, 'printable minutes');

    // The invitation and the minutes went out by e-mail (files in the outbox folder here).
    const outbox = path.join(h.dataDir, 'outbox');
    const deadline = Date.now() + 10_000;
    let mails: string[] = [];
    while (Date.now() < deadline) {
      mails = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml')) : [];
      if (mails.length >= 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const texts = mails.map((f) => fs.readFileSync(path.join(outbox, f), 'utf8'));
    assert.ok(
      texts.some((t) => /text\/calendar; charset=utf-8; method=REQUEST/i.test(t)),
      'the invitation carries an iCalendar REQUEST',
    );
    assert.ok(
      texts.some((t) => /application\/pdf/.test(t)),
      'the approved minutes carry the PDF',
    );
    assert.deepEqual(h.pageErrors, []);
  });
  it('a manager moves and cancels a meeting, removes an attendee and an agenda item, and renames an organisation', async () => {
    await manager.call('POST', `/api/meetings/${second}/attendees`, { organisationId: nps, name: '이출석', email: 'stay@nps.test' });
    await manager.call('POST', `/api/meetings/${second}/attendees`, { organisationId: nps, name: '최불참' });
    await manager.call('POST', `/api/meetings/${second}/agenda`, { title: { ko: '상반기 실적 점검' } });
    await manager.call('POST', `/api/meetings/${second}/agenda`, { title: { ko: '철회된 안건' } });
    const context = await h.newContext();
    const page = await signInPage(context, h.server.url, 'manager@jeonju.test');
    await page.goto(`${h.server.url}/staff/meetings/${second}`);
    await waitForText(page.getByTestId('meeting-attendees'), /최불참/);

    // Move the meeting: new time and place.
    const edit = page.getByTestId('meeting-edit-form');
    await edit.locator('[name="startsAt"]').fill('2027-03-15T14:30');
    await edit.locator('[name="endsAt"]').fill('2027-03-15T16:00');
    await edit.locator('[name="venue.ko"]').fill('국민연금공단 본부 대회의실');
    await edit.locator('[name="videoUrl"]').fill('https://meet.example.test/nps-2027');
    await edit.getByTestId('meeting-edit-submit').click();
    await waitForText(page.getByTestId('meeting-when'), /2027\.\s*3\.\s*15\.\s*오후\s*2:30\s*–\s*2027\.\s*3\.\s*15\.\s*오후\s*4:00\s*·\s*예정/);
    await waitForText(page.getByTestId('meeting-venue'), /국민연금공단 본부 대회의실/);
    const moved = await manager.call<{ startsAt: string; endsAt: string; videoUrl: string | null }>('GET', `/api/meetings/${second}`);
    assert.equal(new Date(moved.startsAt).toISOString(), '2027-03-15T05:30:00.000Z');
    assert.equal(new Date(moved.endsAt).toISOString(), '2027-03-15T07:00:00.000Z');
    assert.equal(moved.videoUrl, 'https://meet.example.test/nps-2027');
    // An end before the start is refused in the form, with the server's message.
    await edit.locator('[name="endsAt"]').fill('2027-03-15T13:00');
    await edit.getByTestId('meeting-edit-submit').click();
    await waitForText(edit, /끝나는 시각은 시작 시각보다 뒤여야 합니다/);
    await page.reload();

    // Cancel it.
    await page.getByTestId('meeting-edit-form').locator('select[name="status"]').selectOption('cancelled');
    await page.getByTestId('meeting-edit-form').getByTestId('meeting-edit-submit').click();
    await waitForText(page.getByTestId('meeting-when'), /오후\s*4:00\s*·\s*취소/);

    // Remove an attendee and an agenda item.
    await page.getByRole('button', { name: '참석자 삭제: 최불참' }).click();
    await waitForText(page.getByTestId('meeting-note'), /참석자를 삭제했습니다: 최불참/);
    const attendees = await waitForText(page.getByTestId('meeting-attendees'), /이출석/);
    assert.doesNotMatch(attendees, /최불참/);
    await page.getByRole('button', { name: '안건 삭제: 철회된 안건' }).click();
    await waitForText(page.getByTestId('meeting-note'), /안건을 삭제했습니다: 철회된 안건/);
    const agenda = await waitForText(page.getByTestId('meeting-agenda'), /상반기 실적 점검/);
    assert.doesNotMatch(agenda, /철회된 안건/);
    const after = await manager.call<{ status: string; attendees: { name: string }[]; agenda: { title: { ko: string } }[] }>('GET', `/api/meetings/${second}`);
    assert.equal(after.status, 'cancelled');
    assert.deepEqual(
      after.attendees.map((a) => a.name),
      ['이출석'],
    );
    assert.deepEqual(
      after.agenda.map((a) => a.title.ko),
      ['상반기 실적 점검'],
    );
    await noAxeViolations(page, 'meeting page with the edit form');

    // Rename an organisation and give it a contact.
    await page.goto(`${h.server.url}/staff/meetings`);
    const item = page.getByTestId('organisations').locator(`li[data-organisation-id="${politics}"]`);
    await item.locator('summary').click();
    const orgForm = item.getByTestId(`organisation-form-${politics}`);
    await orgForm.locator('[name="name.ko"]').fill('전북 지역 국회의원실');
    await orgForm.locator('[name="name.en"]').fill('Jeonbuk National Assembly offices');
    await orgForm.locator('[name="contacts.0.name"]').fill('김보좌');
    await orgForm.locator('[name="contacts.0.title"]').fill('보좌관');
    await orgForm.locator('[name="contacts.0.email"]').fill('aide@assembly.test');
    await orgForm.getByTestId('organisation-submit').click();
    await waitForText(item.getByTestId('organisation-name'), /전북 지역 국회의원실 · 정치권 · 김보좌/);
    await waitForText(page.getByTestId('meeting-series'), /지역 정치권 정책간담회[\s\S]*참여 기관: 전북 지역 국회의원실/);
    await noAxeViolations(page, 'meetings page with an organisation form open');
    const orgs = (
      await manager.call<{ items: { id: number; kind: string; name: { ko: string; en: string }; contacts: { name: string; title: string | null; email: string | null }[] }[] }>(
        'GET',
        '/api/organisations',
      )
    ).items;
    const renamed = orgs.find((o) => o.id === politics)!;
    assert.deepEqual(renamed.name, { ko: '전북 지역 국회의원실', en: 'Jeonbuk National Assembly offices' });
    assert.equal(renamed.kind, 'political_office');
    assert.deepEqual(
      renamed.contacts.map((c) => [c.name, c.title, c.email]),
      [['김보좌', '보좌관', 'aide@assembly.test']],
    );
    assert.deepEqual(h.pageErrors, []);
  });
});
