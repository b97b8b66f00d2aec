/** The finhub command as a user runs it: import-plan, migrate, refusals and the embedded-database lock. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { lockDataDir } from '../../src/db/lock.ts';
import { parsePlanText } from '../../src/modules/plan/importer/parse.ts';
import { SEED_PLAN_FILE } from '../../src/modules/plan/seed.ts';
import { createPostgresDatabase } from '../support/db.ts';
import { seedText } from '../support/fixtures.ts';
import { DEFAULT_PARTS, planText } from '../support/plan-text.ts';

function finhub(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _, ...inherited } = process.env;
  const res = spawnSync(process.execPath, ['bin/finhub.mjs', ...args], { env: { ...inherited, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8' });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const made: string[] = [];
const tmp = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `finhub-${name}-`));
  made.push(dir);
  return dir;
};
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('finhub import-plan on the embedded database', () => {
  it('--json prints the normalized plan and writes nothing', () => {
    const dir = path.join(tmp('json'), 'data');
    const r = finhub(['import-plan', SEED_PLAN_FILE, '--json'], { FINHUB_DATA_DIR: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), parsePlanText(seedText()));
    assert.equal(fs.existsSync(dir), false);
  });

  it('--dry-run checks and writes nothing; a file that is not a plan exits non-zero', () => {
    const dir = path.join(tmp('dry'), 'data');
    const dry = finhub(['import-plan', SEED_PLAN_FILE, '--dry-run'], { FINHUB_DATA_DIR: dir });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /nothing written/);
    assert.match(dry.stderr, /read as 2026/, 'warnings are shown');
    const notPlan = path.join(tmp('notplan'), 'README.md');
    fs.writeFileSync(notPlan, '# Hello\n\nnot a plan\n');
    const bad = finhub(['import-plan', notPlan], { FINHUB_DATA_DIR: dir });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /not a pledge plan/);
    assert.match(bad.stderr, /공약 실천계획 문서가 아닙니다/);
    const missing = finhub(['import-plan', '/no/such/file.txt'], { FINHUB_DATA_DIR: dir });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Cannot read the file/);
    assert.equal(fs.existsSync(dir), false);
  });

  it('refuses a negative amount or a reference that is no character with the bilingual message naming the place, exit 1, writing nothing', () => {
    const dir = path.join(tmp('refuse'), 'data');
    const negative = path.join(tmp('negative'), 'plan.txt');
    fs.writeFileSync(negative, planText({ budget: DEFAULT_PARTS.budget.replace('시비\t4.0\t0.5\t2.5\t0.5', '시비\t4.0\t0.5\t2.5\t-0.5') }));
    const lines = planText().split('\n');
    const at = lines.findIndex((l) => l.includes('교재 제작'));
    lines[at] = lines[at]!.replace('교재 제작', '교재&#x110000; 제작');
    const badRef = path.join(tmp('badref'), 'plan.txt');
    fs.writeFileSync(badRef, lines.join('\n'));
    for (const [file, ko, en] of [
      [negative, /재원투자 표의 시비 행 "'23" 열의 금액이 음수입니다.*\(budget\.시비\.'23\)/, /negative amount: "-0\.5".*\(budget\.시비\.'23\)/],
      [badRef, new RegExp(`${at + 1}번째 줄에 쓸 수 없는 문자 참조가 있습니다`), new RegExp(`Line ${at + 1} holds a character reference that is not allowed: "&#x110000;"`)],
    ] as const) {
      for (const extra of [[], ['--dry-run']]) {
        const r = finhub(['import-plan', file, ...extra], { FINHUB_DATA_DIR: dir });
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stderr, ko);
        assert.match(r.stderr, en);
        assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
      }
    }
    assert.equal(fs.existsSync(dir), false);
  });

  it('says exactly that a running server holds the embedded database', () => {
    const dir = tmp('locked');
    const release = lockDataDir(dir, 'server');
    try {
      const r = finhub(['import-plan', SEED_PLAN_FILE], { FINHUB_DATA_DIR: dir });
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`held by a running finhub server \\(pid ${process.pid}\\)`));
      assert.match(r.stderr, /사용하고 있습니다/);
    } finally {
      release();
    }
    const ok = finhub(['migrate'], { FINHUB_DATA_DIR: dir });
    assert.equal(ok.code, 0, ok.stderr);
  });

  it('answers unknown commands and options with usage', () => {
    assert.equal(finhub(['frobnicate']).code, 2);
    const r = finhub(['import-plan', SEED_PLAN_FILE, '--frob']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage/);
  });
});

describe('finhub import-plan on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  before(async () => {
    db = await createPostgresDatabase();
  });
  after(() => db.drop());

  it('imports, refuses a duplicate unless --replace, and migrates on the way', async () => {
    const env = { DATABASE_URL: db.url };
    const first = finhub(['import-plan', SEED_PLAN_FILE], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Imported plan \d+/);
    const again = finhub(['import-plan', SEED_PLAN_FILE], env);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists.*--replace/);
    const replaced = finhub(['import-plan', SEED_PLAN_FILE, '--replace'], env);
    assert.equal(replaced.code, 0, replaced.stderr);
    assert.match(replaced.stdout, /Replaced plan/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('select count(*)::int as n from plans');
    await client.end();
    assert.equal(rows[0].n, 1);
  });
});
