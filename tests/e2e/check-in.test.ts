/**
 * Check-in on every phone, in chromium at phone width (360 px) against the real `finhub serve`
 * with check-in opening 60 minutes before the start:
 * - the citizen's confirmation page prints a short code under the QR code;
 * - staff check in by camera: chromium's fake camera shows the citizen's QR code (a Y4M file
 *   drawn from its modules) and, with no BarcodeDetector in the page (as on iOS Safari and
 *   Firefox), the jsqr decoder — fetched only then — reads it from the video frames;
 * - staff check in by typing the code (lower case, with a dash);
 * - a session that starts in three hours refuses check-in, naming when it opens;
 * - the registrant and attendee tables fit 360 px: nothing scrolls sideways.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { deliveredToken, educationHarness, registerByApi, waitForText } from '../support/education.ts';
import { writeQrVideo } from '../support/qr-video.ts';
import { ApiSession, signInPage, STAFF_PASSWORD } from '../support/staff.ts';

const PHONE = { width: 360, height: 740 };
const iso = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

/** How far the page scrolls sideways (0: it fits), and the attendee or registrant tables that scroll sideways in their box. */
async function sideways(page: Page): Promise<{ page: number; tables: string[] }> {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: [...document.querySelectorAll('.table-scroll')]
      .filter((box) => box.querySelector('[data-testid="attendee-table"], [data-testid="registrant-table"]') && box.scrollWidth > box.clientWidth)
      .map((box) => `${box.querySelector('table')?.dataset.testid ?? box.querySelector('caption')?.textContent}: ${box.scrollWidth - box.clientWidth}px`),
  }));
}

async function assertFits(page: Page, what: string) {
  const s = await sideways(page);
  assert.ok(s.page <= 0, `${what}: the page scrolls sideways by ${s.page}px at 360 px`);
  assert.deepEqual(s.tables, [], `${what}: a table scrolls sideways at 360 px`);
}

describe('check-in on a phone: camera without BarcodeDetector, typed code, window, tables', () => {
  const h = educationHarness('finhub-e2e-check-in-', { FINHUB_CHECK_IN_OPENS_MINUTES: '60' });
  let cameraBrowser: Browser;
  let videoDir = '';
  let manager: ApiSession;
  let soon = 0;
  let later = 0;
  let eventId = 0;
  const tokens: Record<string, string> = {};

  async function session(title: string, startsIn: number): Promise<number> {
    const body = {
      title: { ko: title, en: `${title} (en)` },
      venue: '전주시청 강당',
      capacity: 20,
      startsAt: iso(startsIn),
      endsAt: iso(startsIn + 120),
      registrationOpensAt: iso(-60),
      registrationClosesAt: iso(startsIn - 10),
    };
    return (await manager.call<{ id: number }>('POST', '/api/academy/sessions', body)).id;
  }

  before(async () => {
    manager = await ApiSession.signIn(h.server.url, 'manager@jeonju.test');
    soon = await session('오늘 저녁 강좌', 30);
    later = await session('세 시간 뒤 강좌', 180);
    for (const [who, sessionId, phone] of [
      ['camera', soon, '010-3100-0001'],
      ['typed', soon, '010-3100-0002'],
      ['early', later, '010-3100-0003'],
    ] as const) {
      tokens[who] = (await registerByApi(h.server.url, sessionId, { name: `${who === 'camera' ? '김카메라' : who === 'typed' ? '이코드' : '박일찍'}`, phone }, h.dataDir)).token;
    }
    // An event today with a registrant, for the attendee tables.
    eventId = (
      await manager.call<{ id: number }>('POST', '/api/events', {
        kind: 'seminar',
        title: { ko: '오늘의 금융세미나', en: "Today's finance seminar" },
        startsAt: iso(40),
        endsAt: iso(160),
        published: true,
      })
    ).id;
    await manager.call('POST', `/api/events/${eventId}/categories`, { category: 'general', capacity: 10, opensAt: iso(-60), closesAt: iso(30) });
    const res = await fetch(`${h.server.url}/api/events/${eventId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.server.url },
      body: JSON.stringify({
        category: 'general',
        name: '최아주긴이름참가자',
        nameEn: 'Choi Averyveryverylongname',
        phone: '010-3100-0004',
        email: 'long-name-attendee@example.kr',
        consent: true,
        answers: {},
      }),
    });
    assert.equal(res.status, 201, await res.text());
    await deliveredToken(h.dataDir, 'long-name-attendee@example.kr', 'registrations');

    // The fake camera shows the first registrant's QR code (the server's QR holds the token).
    videoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-qr-video-'));
    const video = path.join(videoDir, 'qr.y4m');
    writeQrVideo(video, tokens.camera!);
    cameraBrowser = await launchBrowser(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`, '--use-fake-ui-for-media-stream']);
  });

  after(async () => {
    await cameraBrowser?.close();
    if (videoDir) fs.rmSync(videoDir, { recursive: true, force: true });
  });

  it("prints a short code under the citizen's QR code, and the page fits a phone", async () => {
    const page = await (await h.newContext(PHONE)).newPage();
    await page.goto(`${h.server.url}/registrations/${tokens.typed}`);
    await page.getByTestId('registration-qr').waitFor();
    const code = page.getByTestId('check-in-code');
    const stored = await code.getAttribute('data-code');
    assert.match(stored ?? '', /^[2-9A-HJKMNP-Z]{6}$/);
    assert.equal(await code.innerText(), `${stored!.slice(0, 3)} ${stored!.slice(3)}`);
    assert.match(await page.locator('.qr-section').innerText(), /입장 코드/);
    await assertFits(page, 'registration page');
    await page.close();
  });

  it('checks in by camera: with no BarcodeDetector, the jsqr decoder reads the QR from the video', async () => {
    const context = await cameraBrowser.newContext({ viewport: PHONE });
    // As on iOS Safari and Firefox: no built-in reader (Linux chromium has none either).
    await context.addInitScript(() => {
      delete (window as unknown as { BarcodeDetector?: unknown }).BarcodeDetector;
    });
    await context.grantPermissions(['camera'], { origin: h.server.url });
    const errors: string[] = [];
    const scripts: string[] = [];
    context.on('page', (p) => {
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    });
    const staff = await signInPage(context, h.server.url, 'officer@jeonju.test', STAFF_PASSWORD);
    await staff.goto(`${h.server.url}/staff/academy/sessions/${soon}/check-in`);
    await staff.getByTestId('scan-toggle').waitFor();
    assert.equal(await staff.evaluate(() => 'BarcodeDetector' in window), false);
    assert.ok(!scripts.some((u) => /jsQR/i.test(u)), 'the decoder is not fetched before the camera starts');
    await staff.getByTestId('scan-toggle').click();
    await waitForText(staff.getByTestId('scan-result'), /김카메라님 출석을 확인했습니다/, 30_000);
    assert.ok(
      scripts.some((u) => /jsQR/i.test(u)),
      `the decoder was fetched once the camera started: ${scripts.filter((u) => u.includes('/assets/')).join(', ')}`,
    );
    const row = staff.getByTestId('registrant-table').locator('tr', { hasText: '김카메라' });
    await waitForText(row, /출석/);
    await staff.getByTestId('scan-toggle').click();
    await assertFits(staff, 'academy check-in page');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('checks in by the typed code, and refuses a session that starts in three hours, naming when', async () => {
    const context = await h.newContext(PHONE);
    const staff = await signInPage(context, h.server.url, 'officer@jeonju.test', STAFF_PASSWORD);
    const citizen = await context.newPage();
    await citizen.goto(`${h.server.url}/registrations/${tokens.typed}`);
    const code = (await citizen.getByTestId('check-in-code').getAttribute('data-code'))!;
    await citizen.goto(`${h.server.url}/registrations/${tokens.early}`);
    const earlyCode = (await citizen.getByTestId('check-in-code').getAttribute('data-code'))!;

    await staff.goto(`${h.server.url}/staff/academy/sessions/${soon}/check-in`);
    const form = staff.getByTestId('token-form');
    await form.locator('input[name="token"]').fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`);
    await form.getByRole('button').click();
    await waitForText(staff.getByTestId('scan-result'), /이코드님 출석을 확인했습니다/);
    await form.getByRole('button').click();
    await waitForText(staff.getByTestId('scan-result'), /이미 출석 확인/);

    await staff.goto(`${h.server.url}/staff/academy/sessions/${later}/check-in`);
    await form.locator('input[name="token"]').fill(earlyCode);
    await form.getByRole('button').click();
    const refusal = await waitForText(
      staff.locator('[role="alert"]').filter({ hasText: /입장 확인/ }),
      /아직 입장 확인을 할 수 없습니다\. 입장 확인은 시작 60분 전인 .+부터 할 수 있습니다/,
    );
    assert.doesNotMatch(refusal, /CHECK_IN_NOT_OPEN/);
    await assertFits(staff, 'academy check-in page (refusal)');

    await context.close();
  });

  it('the attendee and registrant tables fit 360 px (staff pages of an event and a session)', async (t) => {
    const context = await h.newContext(PHONE);
    const staff = await signInPage(context, h.server.url, 'manager@jeonju.test', STAFF_PASSWORD);
    const shots = process.env.FINHUB_SCREENSHOTS;
    for (const url of [`/staff/events/${eventId}/check-in`, `/staff/events/${eventId}`, `/staff/academy/sessions/${soon}`]) {
      await staff.goto(`${h.server.url}${url}`);
      const table = staff.locator('[data-testid="attendee-table"], [data-testid="registrant-table"]').first();
      await table.waitFor();
      await assertFits(staff, url);
      if (shots) await table.screenshot({ path: path.join(shots, `${url.replace(/\W+/g, '-')}.png`) });
      // As the table was before it stacked on phones: how far it scrolled sideways.
      const before = await table.evaluate((el) => {
        el.classList.remove('stack-on-phone');
        const box = el.parentElement!;
        return box.scrollWidth - box.clientWidth;
      });
      t.diagnostic(`${url}: the table scrolled ${before}px sideways at 360 px as a plain table; stacked: 0`);
    }
    // The check-in button of the event's attendee still works from the stacked table.
    await staff.goto(`${h.server.url}/staff/events/${eventId}/check-in`);
    await staff.getByTestId('attendee-check-in').first().click();
    await waitForText(staff.getByTestId('attendee-check-in-result'), /최아주긴이름참가자님 출석을 확인했습니다/);
    await context.close();
  });
});
