/** Audit rows as the API answers them: JSON (the row, its time as ISO text) and the CSV export. */
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS, safeCsvCell } from '../../server/csv.ts';
import type { auditLog } from './schema.ts';

type AuditRow = typeof auditLog.$inferSelect;

export const auditView = (r: AuditRow) => ({ ...r, at: r.at.toISOString() });

/**
 * The rows as CSV (formula cells neutralised, records ending with CR LF), UTF-8 with a byte-order
 * mark so that Korean opens correctly in Excel. `at` stays ISO 8601 UTC: the trail is evidence, read
 * by programs as much as by people.
 */
export function auditCsv(items: AuditRow[]): string {
  const rows = items.map((r) => [r.at.toISOString(), r.actorEmail, r.action, r.entity, r.entityId, JSON.stringify(r.before), JSON.stringify(r.after), r.ip].map(safeCsvCell));
  return `\uFEFF${stringify([['at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'ip'], ...rows], CSV_OPTIONS)}`;
}
