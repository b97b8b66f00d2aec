/**
 * The phone budget: Lighthouse on the home, plan, academy and an event page of the real
 * `finhub serve` (a phone screen, slow 4G, CPU ×4): performance and accessibility scores, bytes
 * on the wire before the first paint, and axe-core with no violation at phone width in both
 * languages. The figures are printed (one JSON line per page) for docs/performance.md.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser } from '../support/browser.ts';
import { startLighthouse, type Lighthouse, type PageFigures } from '../support/lighthouse.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';
import { addUserWithCli, ApiSession } from '../support/staff.ts';

/**
 * The budget. Scores are Lighthouse's 0–100; bytes are on the wire (compressed). The bytes are the
 * gate: they do not depend on the machine. The performance score does (CPU ×4 on a machine
 * shared with other work scored 13–41 where the same build scores far higher alone), so its floor
 * is low by default; FINHUB_LH_MIN_PERFORMANCE raises it on a quiet machine.
 */
const BUDGET = {
  performance: Number(process.env.FINHUB_LH_MIN_PERFORMANCE ?? 10),
  accessibility: 100,
  /** What had arrived by the first paint (the HTML, the entry script and styles; fonts swap in later). */
  bytesDoneBeforeFirstRender: 250_000,
  jsBytes: 250_000,
  /** The typeface in slices (scripts/subset-fonts.mjs): the whole three weights were 795 kB. */
  fontBytes: 200_000,
  /** Everything the page loads, fonts included. */
  transferBytes: 1_100_000,
};

const iso = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('phone budget (Lighthouse, slow 4G)', () => {
  let server: ServerProcess;
  let lh: Lighthouse;
  let browser: Browser;
  let dataDir: string;
  const paths: string[] = [];
  const figures: PageFigures[] = [];

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-e2e-lighthouse-'));
    addUserWithCli(dataDir, 'admin@jeonju.test', 'admin', '관리자');
    server = await startServerProcess({ FINHUB_DATA_DIR: dataDir });
    const admin = await ApiSession.signIn(server.url, 'admin@jeonju.test');
    const plan = (await (await fetch(`${server.url}/api/plans`)).json()).items[0].id as number;
    const event = await admin.call<{ id: number }>('POST', '/api/events', {
      kind: 'seminar',
      title: { ko: '전주 금융세미나', en: 'Jeonju finance seminar' },
      description: { ko: '연기금과 자산운용의 미래를 함께 이야기합니다.', en: 'On the future of pensions and asset management.' },
      startsAt: iso(24 * 10),
      endsAt: iso(24 * 10 + 3),
      venue: { ko: '전주 한국소리문화의전당', en: 'Sori Arts Center, Jeonju' },
      published: true,
    });
    await admin.call('POST', '/api/academy/sessions', {
      title: { ko: '금융아카데미 1강', en: 'Financial academy 1' },
      startsAt: iso(48),
      endsAt: iso(50),
      venue: '전주시청 강당',
      capacity: 40,
      registrationOpensAt: iso(-1),
      registrationClosesAt: iso(24),
      lecturer: '김강사',
    });
    paths.push('/', `/plans/${plan}`, '/academy', `/events/${event.id}`);
    [lh, browser] = await Promise.all([startLighthouse(), launchBrowser()]);
  });
  after(async () => {
    await lh?.close();
    await browser?.close();
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every page within the scores and the byte budget', async () => {
    for (const p of paths) {
      const f = await lh.measure(`${server.url}${p}`);
      figures.push(f);
      console.log(`lighthouse ${JSON.stringify(f)}`);
    }
    for (const f of figures) {
      assert.ok(f.performance >= BUDGET.performance, `${f.path}: performance ${f.performance} < ${BUDGET.performance}`);
      assert.ok(f.accessibility >= BUDGET.accessibility, `${f.path}: accessibility ${f.accessibility}, failed: ${f.failedA11y.join(', ')}`);
      assert.ok(f.bytesDoneBeforeFirstRender <= BUDGET.bytesDoneBeforeFirstRender, `${f.path}: ${f.bytesDoneBeforeFirstRender} bytes before the first paint`);
      assert.ok(f.transferBytes <= BUDGET.transferBytes, `${f.path}: ${f.transferBytes} bytes in all`);
      assert.ok(f.jsBytes <= BUDGET.jsBytes, `${f.path}: ${f.jsBytes} bytes of JavaScript`);
      assert.ok(f.fontBytes <= BUDGET.fontBytes, `${f.path}: ${f.fontBytes} bytes of fonts`);
    }
  });

  it('has no axe-core violation at phone width, in Korean and English', async () => {
    for (const p of paths) {
      for (const lang of ['ko', 'en']) {
        const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
        await page.goto(`${server.url}${p}?lang=${lang}`);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${p}?lang=${lang}: ${JSON.stringify(violations, null, 1)}`);
        await page.close();
      }
    }
  });
});
