/** The staff to-do list's answer: one list per kind of work, each item with where it is done. */
import { z } from 'zod';
import { dbId } from '../../server/api-schema.ts';
import { OutboxMessageSchema } from '../notifications/api-schema.ts';
import { PERIODS } from '../plan/types.ts';

const bilingual = z.object({ ko: z.string(), en: z.string().nullable() });

const TodoActionSchema = z.object({
  id: dbId(),
  planId: dbId(),
  planTitle: z.string(),
  text: z.string(),
  year: z.number().int(),
  period: z.enum(PERIODS),
  status: z.string(),
  progress: z.number().int(),
  department: bilingual.nullable(),
  dueAt: z.string().describe('overdue: when its period ended; stale: when this quarter ends'),
  lastUpdateAt: z.string().nullable(),
  href: z.string().describe('the staff page where it is updated'),
});

const PoolTodoSchema = z.object({
  poolId: dbId(),
  kind: z.enum(['academy_session', 'event']),
  ownerId: dbId(),
  title: bilingual,
  startsAt: z.string(),
  count: z.number().int(),
  firstOfferDeadline: z.string().nullable(),
  href: z.string(),
});

export const TodoSchema = z
  .object({
    /** What the signed-in person's role and department are shown (the lists below are limited to it). */
    scope: z.enum(['all', 'department', 'none']),
    overdueActions: z.array(TodoActionSchema),
    staleActions: z.array(TodoActionSchema),
    unreportedQuarters: z.array(z.object({ planId: dbId(), planTitle: z.string(), year: z.number().int(), quarter: z.number().int(), href: z.string() })),
    pendingApprovals: z.array(PoolTodoSchema),
    expiringOffers: z.array(PoolTodoSchema),
    schoolApplications: z.array(z.object({ surveyId: dbId(), year: z.number().int(), count: z.number().int(), oldestAt: z.string().nullable(), href: z.string() })),
    failedMessages: z.object({ total: z.number().int(), latest: z.array(OutboxMessageSchema), href: z.string() }),
  })
  .meta({ id: 'StaffTodo' });
