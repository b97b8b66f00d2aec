/** Audit rows as the API answers them: JSON (the row, its time as ISO text) and the CSV export. */
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS, safeCsvCell } from '../../server/csv.ts';
import { maskEmail, maskName } from '../../server/mask.ts';
import type { auditLog } from './schema.ts';

type AuditRow = typeof auditLog.$inferSelect;

/**
 * A row for the trail's page: the person named masked (김*동, the platform's one rule), so the
 * page reads "김*동 님이 '…'를 완료로 변경했습니다" (the sentence is composed in the page, in ko and en).
 */
export const auditView = (r: AuditRow & { actorName: string | null }) => ({ ...r, actorName: r.actorName === null ? null : maskName(r.actorName), at: r.at.toISOString() });

/** The people of the person filter: masked name and e-mail (two 김*동 are told apart by the address). */
export const actorOption = (a: { id: number; name: string; email: string }) => ({ id: a.id, label: `${maskName(a.name)} (${maskEmail(a.email)})` });

/**
 * The rows as CSV (formula cells neutralised, records ending with CR LF), UTF-8 with a byte-order
 * mark so that Korean opens correctly in Excel. `at` stays ISO 8601 UTC: the trail is evidence, read
 * by programs as much as by people.
 */
export function auditCsv(items: AuditRow[]): string {
  const rows = items.map((r) => [r.at.toISOString(), r.actorEmail, r.action, r.entity, r.entityId, JSON.stringify(r.before), JSON.stringify(r.after), r.ip].map(safeCsvCell));
  return `\uFEFF${stringify([['at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'ip'], ...rows], CSV_OPTIONS)}`;
}
