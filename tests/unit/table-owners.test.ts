/**
 * audit_log and outbox are written only by their modules: elsewhere in src/, code goes through
 * recordAudit / auditInsertSql (src/modules/audit/service.ts) and enqueueNotification /
 * outboxInsertSql / blankMessagesOf (src/modules/notifications/service.ts). This scans the
 * source for raw writes — SQL text and Drizzle calls — outside those two modules. (The backup's
 * restore loads every table generically and names none.)
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

const SRC = path.resolve(import.meta.dirname, '../../src');
const OWNERS: Record<string, string> = { audit_log: 'modules/audit', outbox: 'modules/notifications' };
const DRIZZLE_NAMES: Record<string, string> = { auditLog: 'audit_log', outbox: 'outbox' };

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p.endsWith(path.join('db', 'migrations')) || e.name === 'web' ? [] : files(p);
    return /\.(ts|tsx|mts)$/.test(e.name) ? [p] : [];
  });
}

export function rawWrites(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\b(?:insert\s+into|update|delete\s+from)\s+(?:public\.)?"?(audit_log|outbox)"?(?=[\s(;`]|$)/gi)) found.push(m[1]!.toLowerCase());
  for (const m of source.matchAll(/\.(?:insert|update|delete)\(\s*(auditLog|outbox)\s*\)/g)) found.push(DRIZZLE_NAMES[m[1]!]!);
  return found;
}

it('the scan sees SQL text and Drizzle writes', () => {
  assert.deepEqual(rawWrites('sql`insert into audit_log (a) values (1)`; tx.update(outbox).set({}); db.delete( auditLog ); sql`UPDATE "outbox" SET x = 1`'), [
    'audit_log',
    'outbox',
    'outbox',
    'audit_log',
  ]);
  assert.deepEqual(rawWrites('db.select().from(outbox); sql`select * from audit_log`; const outboxDir = 1; // update outboxes'), []);
});

it('only the audit and notifications modules write audit_log and outbox', () => {
  const offenders: string[] = [];
  for (const file of files(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    for (const table of rawWrites(fs.readFileSync(file, 'utf8'))) if (!rel.startsWith(`${OWNERS[table]}/`)) offenders.push(`${rel} writes ${table}`);
  }
  assert.deepEqual(offenders, []);
});
