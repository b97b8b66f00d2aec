/**
 * Editing in place in the browser against the real `finhub serve` (issue 14): a manager edits a
 * programme item from the rooms × time grid (an overlap in one room is refused with the clashing
 * item named), a room, a speaker, a category, a question, an academy session, a ledger execution
 * and an evidence title, each where it is shown; the public event page shows the same grid (a
 * list on a phone); a browser in New York still saves Seoul time; axe-core finds nothing.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from '../support/browser.ts';
import { educationHarness, seoulDate, waitForText } from '../support/education.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const iso = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

interface Item {
  id: number;
  startsAt: string;
  title: { ko: string };
}

/** Opens the record's in-place form (the "수정" button inside `scope`), fills it and saves. */
async function editInPlace(scope: Locator, values: Record<string, string>) {
  await scope.getByTestId('edit-open').click();
  const form = scope.locator('form');
  for (const [name, value] of Object.entries(values)) await form.locator(`[name="${name}"]`).fill(value);
  await form.locator('button[type="submit"]').click();
  await waitForText(scope.getByTestId('form-status').last(), /저장했습니다/);
}

describe('editing in place', () => {
  const h = educationHarness('finhub-e2e-edit-');
  const day = seoulDate(10);
  const at = (time: string) => `${day}T${time}:00+09:00`;
  let manager: ApiSession;
  let eventId = 0;
  let keynote: Item;
  let talk: Item;

  before(async () => {
    manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    eventId = (
      await manager.call<{ id: number }>('POST', '/api/events', {
        kind: 'forum',
        title: { ko: '제8회 지니포럼', en: 'The 8th GENIE Forum' },
        startsAt: at('09:00'),
        endsAt: at('18:00'),
        published: true,
      })
    ).id;
    const room = (ko: string, en: string) => manager.call<{ id: number }>('POST', `/api/events/${eventId}/rooms`, { name: { ko, en } });
    const hall = await room('대강당', 'Main hall');
    const side = await room('세미나실', 'Seminar room');
    await manager.call('POST', `/api/events/${eventId}/speakers`, { name: { ko: '김연사', en: 'Kim' }, affiliation: { ko: '국민연금공단' } });
    const item = (body: object) => manager.call<Item>('POST', `/api/events/${eventId}/programme`, { kind: 'talk', ...body });
    keynote = await item({ kind: 'keynote', title: { ko: '기조연설', en: 'Keynote' }, startsAt: at('10:00'), endsAt: at('11:00'), roomId: hall.id });
    talk = await item({ title: { ko: '발표 1', en: 'Talk 1' }, startsAt: at('11:00'), endsAt: at('11:30'), roomId: hall.id });
    await item({ title: { ko: '분과 토론', en: 'Breakout' }, startsAt: at('10:30'), endsAt: at('11:30'), roomId: side.id });
    await manager.call('POST', `/api/events/${eventId}/categories`, { category: 'general', capacity: 50, opensAt: iso(-1), closesAt: iso(24 * 9) });
    await manager.call('POST', `/api/events/${eventId}/questions`, { kind: 'text', label: { ko: '소속 기관' } });
  });

  async function staffPage(viewport = DESKTOP, options: { timezoneId?: string } = {}): Promise<Page> {
    const context = await h.newContext(viewport, options);
    const page = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
    await page.goto(`${h.server.url}/staff/events/${eventId}`);
    await page.getByTestId('programme-editor').waitFor();
    return page;
  }

  it('edits a programme item from the timetable grid; an overlap in one room is refused naming the clashing item', async () => {
    const page = await staffPage();
    const grid = page.getByTestId('programme-editor').getByTestId('timetable-grid');
    assert.deepEqual(await grid.getByTestId('timetable-room').allInnerTexts(), ['대강당', '세미나실']);
    assert.equal(await grid.getByTestId('timetable-item').count(), 3);
    // The keynote spans the 10:00–10:30 and 10:30–11:00 rows (the breakout starts at 10:30 next door).
    assert.equal(await grid.locator(`[data-item-id="${keynote.id}"]`).getAttribute('rowspan'), '2');
    assert.equal(await page.getByTestId('staff-programme-item').first().isVisible(), false, 'the list is for phones');

    await grid.locator(`[data-item-id="${talk.id}"]`).getByTestId('programme-edit-open').click();
    const panel = page.getByTestId('programme-edit');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'kind', 'focus moves into the form');
    await panel.locator('[name="startsAt"]').fill(`${day}T10:45`);
    await panel.locator('button[type="submit"]').click();
    const alert = await waitForText(panel.getByTestId('form-alert'), /겹칩니다/);
    assert.match(alert, /같은 장소의 '기조연설'\(10:00–11:00\) 항목과 시간이 겹칩니다\./);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'form-alert', 'focus moves to the error summary');
    assert.deepEqual(await axeViolations(page), [], 'an open edit form with its error');

    await panel.locator('[name="startsAt"]').fill(`${day}T11:00`);
    await panel.locator('[name="title.ko"]').fill('발표 1: 전북 금융중심지');
    await panel.locator('button[type="submit"]').click();
    await waitForText(grid.locator(`[data-item-id="${talk.id}"]`), /발표 1: 전북 금융중심지/);
    assert.equal(await panel.count(), 0, 'the form closes after a save');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-edit-open')), String(talk.id), 'focus returns to the item');
    await waitForText(page.getByTestId('programme-editor').getByTestId('form-status').first(), /발표 1: 저장했습니다/);
    // The add form starts empty again after a save of its own.
    const add = page.getByTestId('programme-editor').getByTestId('programme-form').last();
    await add.locator('[name="title.ko"]').fill('폐회');
    await add.locator('[name="startsAt"]').fill(`${day}T17:00`);
    await add.locator('[name="endsAt"]').fill(`${day}T17:30`);
    await add.locator('button[type="submit"]').click();
    await waitForText(grid.getByTestId('timetable-item').last(), /폐회/);
    assert.equal(await add.locator('[name="title.ko"]').inputValue(), '', 'the add form resets after a save');
    assert.deepEqual(
      h.pageErrors.filter((e) => !/409/.test(e)),
      [],
    );
  });

  it('edits a room, a speaker, a category and a question in place', async () => {
    const page = await staffPage();
    await editInPlace(page.getByTestId('staff-room').filter({ hasText: '세미나실' }), { 'name.ko': '제1세미나실', 'name.en': 'Seminar room 1' });
    await waitForText(page.getByTestId('programme-editor').getByTestId('timetable-room').last(), /제1세미나실/);
    await editInPlace(page.getByTestId('staff-speaker').filter({ hasText: '김연사' }), { 'affiliation.ko': '전북특별자치도' });
    await waitForText(page.getByTestId('staff-speaker').first(), /전북특별자치도/);
    await editInPlace(page.getByTestId('staff-category').first(), { capacity: '80' });
    await waitForText(page.getByTestId('staff-category').first(), /80/);
    await editInPlace(page.getByTestId('staff-question').first(), { 'label.ko': '소속 기관명' });
    await waitForText(page.getByTestId('staff-question').first(), /소속 기관명/);
    // A refused edit keeps the form open with the field's error.
    const category = page.getByTestId('staff-category').first();
    await category.getByTestId('edit-open').click();
    await category.locator('[name="capacity"]').fill('0');
    await category.locator('button[type="submit"]').click();
    await waitForText(category.getByTestId('field-error'), /1 이상/);
    assert.deepEqual(await axeViolations(page), []);
    await category.getByTestId('edit-cancel').click();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'edit-open', 'cancel returns focus to the button');
  });

  it('shows the public timetable as rooms × time on a desktop and as a list on a phone', async () => {
    const desktop = await (await h.newContext(DESKTOP)).newPage();
    await desktop.goto(`${h.server.url}/events/${eventId}`);
    const grid = desktop.getByTestId('agenda').getByTestId('timetable-grid');
    await grid.waitFor();
    assert.deepEqual(await grid.getByTestId('timetable-room').allInnerTexts(), ['대강당', '제1세미나실']);
    assert.equal(await desktop.getByTestId('agenda-item').first().isVisible(), false);
    assert.deepEqual(await axeViolations(desktop), []);

    const phone = await (await h.newContext(PHONE)).newPage();
    await phone.goto(`${h.server.url}/events/${eventId}`);
    await phone.getByTestId('agenda-item').first().waitFor();
    assert.equal(await phone.getByTestId('timetable-grid').isVisible(), false);
    const wide = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `the event page scrolls sideways by ${wide}px on a phone`);
    assert.deepEqual(await axeViolations(phone), []);
  });

  it('edits a programme item and a room at phone width', async () => {
    const page = await staffPage(PHONE);
    const row = page.getByTestId('staff-programme-item').filter({ hasText: '폐회' });
    await row.getByTestId('programme-edit-open').click();
    const panel = page.getByTestId('programme-edit');
    await panel.locator('[name="title.ko"]').fill('폐회식');
    await panel.locator('button[type="submit"]').click();
    await waitForText(page.getByTestId('staff-programme-item').last(), /폐회식/);
    await editInPlace(page.getByTestId('staff-room').filter({ hasText: '대강당' }), { 'name.ko': '대강당 A' });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `the staff event page scrolls sideways by ${wide}px on a phone`);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('a browser in New York still saves Seoul time', async () => {
    const page = await staffPage(DESKTOP, { timezoneId: 'America/New_York' });
    assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'America/New_York');
    const grid = page.getByTestId('programme-editor').getByTestId('timetable-grid');
    await grid.locator(`[data-item-id="${keynote.id}"]`).getByTestId('programme-edit-open').click();
    const panel = page.getByTestId('programme-edit');
    assert.equal(await panel.locator('[name="startsAt"]').inputValue(), `${day}T10:00`, 'shown in Seoul time');
    await panel.locator('[name="startsAt"]').fill(`${day}T09:30`);
    await panel.locator('button[type="submit"]').click();
    await waitForText(grid.locator(`[data-item-id="${keynote.id}"]`), /09:30/);
    const event = await manager.call<{ programme: Item[] }>('GET', `/api/events/${eventId}`);
    assert.equal(new Date(event.programme.find((i) => i.id === keynote.id)!.startsAt).toISOString(), new Date(at('09:30')).toISOString());
  });

  it('edits an academy session, a ledger execution and an evidence title in place', async () => {
    const sessionId = (
      await manager.call<{ id: number }>('POST', '/api/academy/sessions', {
        title: { ko: '금융아카데미 1강' },
        startsAt: iso(48),
        endsAt: iso(50),
        venue: '전주시청 강당',
        capacity: 20,
        registrationOpensAt: iso(-1),
        registrationClosesAt: iso(24),
      })
    ).id;
    const plans = await manager.call<{ items: { id: number }[] }>('GET', '/api/plans');
    const planId = plans.items[0]!.id;
    await manager.call('PUT', `/api/plans/${planId}/ledger/secured`, { sourceLabel: '시비', year: 2023, securedKrw: 240_000_000 });
    await manager.call('POST', `/api/plans/${planId}/executions`, { sourceLabel: '시비', year: 2023, executedOn: '2023-08-10', amountKrw: 100_000_000, description: '포럼 지원' });

    for (const viewport of [DESKTOP, PHONE]) {
      const context = await h.newContext(viewport);
      const page = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
      const suffix = viewport === PHONE ? ' (휴대전화)' : '';

      await page.goto(`${h.server.url}/staff/academy`);
      const row = page.locator(`tr[data-session-id="${sessionId}"]`);
      await row.getByTestId('edit-session').click();
      const panel = page.getByTestId('edit-panel');
      await panel.locator('[name="venue"]').fill(`전주시청 회의실${suffix}`);
      await panel.getByTestId('session-submit').click();
      await waitForText(row, new RegExp(`전주시청 회의실${suffix.replace(/[()]/g, '\\$&')}`));
      assert.deepEqual(await axeViolations(page), [], `academy${suffix}`);

      await page.goto(`${h.server.url}/staff/plans/${planId}/ledger`);
      const execution = page.getByTestId('execution-row').first();
      await execution.getByTestId('edit-execution').click();
      const form = page.getByTestId('edit-panel');
      assert.equal(await form.getByTestId('money-unit').inputValue(), 'won');
      await form.getByTestId('money-unit').selectOption('eok');
      await form.getByTestId('money-amount').fill(viewport === PHONE ? '0.8' : '0.9');
      await form.getByTestId('execution-description').fill(`제4회 지니포럼 개최 지원${suffix}`);
      await form.locator('button[type="submit"]').click();
      await waitForText(page.getByTestId('execution-row').first(), viewport === PHONE ? /80,000,000원/ : /90,000,000원/);
      assert.deepEqual(await axeViolations(page), [], `ledger${suffix}`);
    }

    const actionId = (await manager.call<{ schedule: { actions: { id: number }[] }[] }>('GET', `/api/plans/${planId}`)).schedule[0]!.actions[0]!.id;
    const link = await manager.call<{ id: number }>('POST', `/api/actions/${actionId}/links`, { title: '회의 자료', url: 'https://example.org/a', published: false });
    const context = await h.newContext(DESKTOP);
    const page = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
    // The workspace lists actions; one opens at a time, at its own address (evidence is shown there).
    await page.goto(`${h.server.url}/staff/plans/${planId}/actions/${actionId}`);
    const item = page.locator(`[data-evidence-id="${link.id}"]`);
    await item.waitFor({ state: 'attached' });
    if (!(await item.isVisible())) await page.locator(`[data-action-id="${actionId}"] [data-testid="evidence-panel"] summary`).first().click();
    await editInPlace(item, { title: '제1차 회의 자료' });
    await waitForText(item.locator('a').first(), /제1차 회의 자료/);
    assert.deepEqual(await axeViolations(page), [], 'workspace');
  });
});
