/**
 * The privacy policy's register of processing against what the platform really stores and
 * erases: every column the purge erases is named under its table, every table and column the
 * register names exists in the schema, and the retention days are the purge's and the schemas'.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getTableColumns, getTableName, isTable } from 'drizzle-orm';
import * as schema from '../../src/db/schema.ts';
import { privacyPolicy } from '../../src/modules/privacy/policy.ts';
import { PROCESSING_REGISTER } from '../../src/modules/privacy/processing-register.ts';
import { FEEDBACK_RETENTION_DAYS, PURGED_COLUMNS } from '../../src/modules/privacy/purge.ts';
import { PRIVACY_OFFICER_DEFAULTS } from '../../src/config.ts';

const tables = new Map<string, string[]>(
  Object.values(schema)
    .filter((v) => isTable(v))
    .map((t) => [getTableName(t), Object.values(getTableColumns(t)).map((c) => c.name)]),
);

const registered = new Map<string, Set<string>>();
for (const p of PROCESSING_REGISTER)
  for (const [table, columns] of Object.entries(p.stores)) for (const c of columns) registered.set(table, (registered.get(table) ?? new Set()).add(c));

describe('register of processing', () => {
  it('names every table and column the purge erases', () => {
    assert.ok(Object.keys(PURGED_COLUMNS).length >= 8);
    for (const [table, columns] of Object.entries(PURGED_COLUMNS)) {
      for (const c of columns) assert.ok(registered.get(table)?.has(c), `${table}.${c} is erased by the purge but missing from the register`);
    }
  });

  it('names only tables and columns that exist', () => {
    for (const [table, columns] of registered) {
      assert.ok(tables.has(table), `no table ${table}`);
      for (const c of columns) assert.ok(tables.get(table)!.includes(c), `no column ${table}.${c}`);
    }
  });

  it('gives the retention periods the purge and the schemas use', () => {
    const days = Object.fromEntries(PROCESSING_REGISTER.map((p) => [p.id, p.retentionDays]));
    assert.equal(days.settlement, FEEDBACK_RETENTION_DAYS);
    // the column defaults the purge reads per row
    const defaultOf = (table: string, column: string) => {
      const t = Object.values(schema).find((v) => isTable(v) && getTableName(v) === table) as Parameters<typeof getTableColumns>[0];
      return (Object.values(getTableColumns(t)) as { name: string; default?: unknown }[]).find((c) => c.name === column)!.default;
    };
    assert.equal(days.academy, defaultOf('capacity_pools', 'retention_days'));
    assert.equal(days.event, defaultOf('capacity_pools', 'retention_days'));
    assert.equal(days.school, defaultOf('school_surveys', 'retention_days'));
    assert.equal(days.training, defaultOf('training_cohorts', 'retention_days'));
    const academy = PROCESSING_REGISTER.find((p) => p.id === 'academy')!;
    assert.match(academy.retention.ko, /강좌 종료 후 1년간/);
    assert.match(PROCESSING_REGISTER.find((p) => p.id === 'school')!.retention.ko, /3년간/);
  });

  it('names recipients only for channels in use, and the configured officer', () => {
    const plain = privacyPolicy({ privacyOfficer: PRIVACY_OFFICER_DEFAULTS, sms: { provider: 'file' } });
    assert.deepEqual(
      plain.recipients.map((r) => r.kind),
      ['provision'],
    );
    const wired = privacyPolicy({
      privacyOfficer: { ...PRIVACY_OFFICER_DEFAULTS, name: '홍길동', email: 'privacy@jeonju.go.kr' },
      sms: { provider: 'solapi' },
      smtpUrl: 'smtps://user:secret@mail.jeonju.go.kr:465',
    });
    assert.deepEqual(
      wired.recipients.map((r) => r.name.en),
      ['SOLAPI Inc.', 'Mail server (mail.jeonju.go.kr)', 'Employers with a posting (only graduates who agreed to referral)'],
    );
    assert.ok(!JSON.stringify(wired).includes('secret'), 'the SMTP credentials never reach the policy');
    assert.equal(wired.officer.name, '홍길동');
    assert.equal(wired.officer.email, 'privacy@jeonju.go.kr');
  });
});
