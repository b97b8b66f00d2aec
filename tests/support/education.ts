/**
 * Shared set-up for the education browser tests: the real `finhub serve` on a fresh embedded
 * database with a manager, an officer and a viewer, public writes unthrottled; browser
 * contexts that record page errors and any dialog (a script from user text would open one).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { simpleParser } from 'mailparser';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServerProcess, type ServerProcess } from './server.ts';
import { addUserWithCli, ApiSession, STAFF_PASSWORD } from './staff.ts';

export const SCRIPT_NAME = '<script>alert(1)</script>';

/** Polls a locator's text until it matches (playwright-core has no expect()). */
export async function waitForText(locator: Locator, pattern: RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = (await locator.count()) > 0 ? await locator.first().innerText() : '';
    if (pattern.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in ${locator}; last text: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitForAttribute(locator: Locator, name: string, value: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await locator.getAttribute(name)) !== value) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${name}=${value} on ${locator}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls until the locator matches exactly `count` elements (a list that is re-fetched shows the old rows first). */
export async function waitForCount(locator: Locator, count: number, message: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = await locator.count();
  while (last !== count) {
    if (Date.now() > deadline) throw new Error(`${message}: timed out waiting for ${count} of ${locator}; last count: ${last}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await locator.count();
  }
}

/** A `datetime-local` value in Seoul time, `hours` from now. */
export function seoulInput(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000 + 9 * 3_600_000).toISOString().slice(0, 16);
}
export const seoulDate = (days: number) => new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);

export interface Harness {
  server: ServerProcess;
  dataDir: string;
  pageErrors: string[];
  /** A browser context; `timezoneId` sets the browser's own zone (the pages must still work in Seoul time). */
  newContext(viewport?: { width: number; height: number }, options?: { timezoneId?: string }): Promise<BrowserContext>;
}

/** Registers before/after hooks in the calling describe(); the fields are filled in before(). */
export function educationHarness(prefix: string, env: Record<string, string> = {}): Harness {
  const h = { pageErrors: [] as string[] } as Harness;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];

  before(async () => {
    h.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    addUserWithCli(h.dataDir, 'admin@jeonju.test', 'admin', '관리자');
    [h.server, browser] = await Promise.all([
      // Messages are written to dataDir/outbox quickly: the status links reach citizens (and tests) only there.
      // Check-in opens 30 days ahead (the most allowed) unless the test says otherwise: the tests check in to sessions days ahead.
      startServerProcess({
        FINHUB_DATA_DIR: h.dataDir,
        FINHUB_LOGIN_RATE_LIMIT: '0',
        FINHUB_PUBLIC_RATE_LIMIT: '0',
        FINHUB_OUTBOX_POLL_MS: '100',
        FINHUB_CHECK_IN_OPENS_MINUTES: String(30 * 24 * 60),
        ...env,
      }),
      launchBrowser(),
    ]);
    const admin = await ApiSession.signIn(h.server.url, 'admin@jeonju.test');
    const dept = (await admin.call<{ id: number }>('POST', '/api/departments', { name: '금융산업과', nameEn: 'Finance Industry Division' })).id;
    await admin.call('POST', '/api/users', { email: 'manager@jeonju.test', name: '김금융', role: 'manager', departmentId: dept, password: STAFF_PASSWORD });
    await admin.call('POST', '/api/users', { email: 'officer@jeonju.test', name: '이담당', role: 'officer', departmentId: dept, password: STAFF_PASSWORD });
    await admin.call('POST', '/api/users', { email: 'viewer@jeonju.test', name: '최열람', role: 'viewer', departmentId: null, password: STAFF_PASSWORD });
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await h.server?.stop();
    if (h.dataDir) fs.rmSync(h.dataDir, { recursive: true, force: true });
    assert.deepEqual(dialogs, [], 'no script ran from user text');
  });

  h.newContext = async (viewport = { width: 1280, height: 900 }, options = {}) => {
    const context = await browser.newContext({ viewport, ...options });
    context.on('page', (page) => {
      page.on('pageerror', (e) => h.pageErrors.push(`${page.url()}: ${e.message}`));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // Chromium logs every 4xx fetch (the 409s shown to users) as a console error.
      page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && h.pageErrors.push(`${page.url()}: ${m.text()}`));
    });
    contexts.push(context);
    return context;
  };
  return h;
}

const iso = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** A session open for registration now, starting in three days, made through the API. */
export async function createOpenSession(manager: ApiSession, title: string, capacity: number): Promise<number> {
  const body = {
    title: { ko: title, en: `${title} (en)` },
    lecturer: '정강사',
    venue: '전주시청 강당',
    capacity,
    startsAt: iso(72),
    endsAt: iso(74),
    registrationOpensAt: iso(-1),
    registrationClosesAt: iso(48),
  };
  return (await manager.call<{ id: number }>('POST', '/api/academy/sessions', body)).id;
}

/**
 * The token of the newest link to `/<page>/<token>` delivered to this recipient (a phone's digits
 * or an e-mail address) as a file by the server's outbox worker (dataDir/outbox: SMS .txt,
 * e-mail .eml): the answer to a registration carries no link, the registrant's message does.
 */
export async function deliveredToken(
  dataDir: string,
  recipient: string,
  page: 'registrations' | 'school/applications' | 'surveys' | 'training/status',
  timeout = 15_000,
): Promise<string> {
  const folder = path.join(dataDir, 'outbox');
  const to = recipient.includes('@') ? recipient : recipient.replace(/\D/g, '');
  const link = new RegExp(`/${page}/([A-Za-z0-9_-]{43})`);
  const deadline = Date.now() + timeout;
  for (;;) {
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /^\d+-.*\.(txt|eml)$/.test(f)) : [];
    files.sort((a, b) => parseInt(b, 10) - parseInt(a, 10));
    for (const f of files) {
      const raw = fs.readFileSync(path.join(folder, f));
      let text: string;
      if (f.endsWith('.txt')) {
        if (!raw.toString('utf8').startsWith(`To: ${to}\n`)) continue;
        text = raw.toString('utf8');
      } else {
        const mail = await simpleParser(raw);
        if (!(mail.to && !Array.isArray(mail.to) && mail.to.value.some((a) => a.address === to))) continue;
        text = mail.text ?? '';
      }
      const m = link.exec(text);
      if (m) return m[1]!;
    }
    if (Date.now() > deadline) throw new Error(`no /${page}/ link delivered to ${to} in ${folder}: ${files.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A citizen's registration through the public API (same-origin, as the browser sends it); with
 * `dataDir`, the token of the link in the message it was sent (else '').
 */
export async function registerByApi(base: string, sessionId: number, body: Record<string, unknown>, dataDir?: string): Promise<{ token: string }> {
  const res = await fetch(`${base}/api/academy/sessions/${sessionId}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ consent: true, ...body }),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return { token: dataDir ? await deliveredToken(dataDir, String(body.email ?? body.phone), 'registrations') : '' };
}

/** This year's demand survey (open now) and one school's application, through the API; the application's token. */
export async function schoolByApi(base: string, manager: ApiSession, schoolName: string, dataDir: string): Promise<string> {
  await manager.call('POST', '/api/school/surveys', { year: Number(seoulDate(0).slice(0, 4)), opensAt: iso(-1), closesAt: iso(24 * 14), targetSchools: 3 });
  const res = await fetch(`${base}/api/school/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({
      schoolName,
      level: 'elementary',
      teacherName: '최교사',
      teacherPhone: '063-222-1234',
      grade: '5학년',
      students: 28,
      preferredDates: [seoulDate(30)],
      topics: '용돈 관리',
      consent: true,
    }),
  });
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${await res.text()}`);
  return deliveredToken(dataDir, '063-222-1234', 'school/applications');
}
