/**
 * The staff to-do list: what needs doing now, gathered from each module's own query and limited
 * to what the signed-in person may do there (the same policies as the pages each item opens):
 * - managers and admins: everything (actions of every department, reports, approvals, offers,
 *   school decisions, failed messages);
 * - officers: their department's overdue and stale actions (they may update only those);
 * - partners and viewers: nothing (they change none of these).
 */
import type { Executor } from '../../db/executor.ts';
import type { SessionUser } from '../accounts/service.ts';
import { undecidedApplications } from '../education/school/undecided.ts';
import { failedMessages } from '../notifications/listing.ts';
import { actionsToDo, unreportedQuarters } from '../plan/todo.ts';
import { poolsNeedingAttention } from '../registration/engine/attention.ts';
import { todoView, type TodoParts } from './presenters.ts';

export async function staffTodo(db: Executor, user: SessionUser, now = new Date()) {
  const manager = user.role === 'admin' || user.role === 'manager';
  const scope: TodoParts['scope'] = manager ? 'all' : user.role === 'officer' && user.departmentId !== null ? 'department' : 'none';
  const acts = scope === 'none' ? { overdue: [], stale: [] } : await actionsToDo(db, manager ? null : user.departmentId, now);
  if (!manager) return todoView({ scope, ...acts, quarters: [], pools: [], schools: [], failed: { total: 0, latest: [] } });
  // One after another: a request has one connection (PGlite has only one).
  const quarters = await unreportedQuarters(db, now);
  const pools = await poolsNeedingAttention(db, now);
  const schools = await undecidedApplications(db);
  const failed = await failedMessages(db);
  return todoView({ scope, ...acts, quarters, pools, schools, failed });
}
