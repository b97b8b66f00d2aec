/** The public home's one answer: the program at a glance (with its 기준일), this quarter's actions, upcoming sessions and events, latest news. */
import { z } from 'zod';
import { dbId } from '../../server/api-schema.ts';
import { SessionSchema } from '../education/academy-api-schema.ts';
import { EventSummarySchema } from '../events/event-api-schema.ts';
import { NewsSummarySchema } from '../news/api-schema.ts';
import { FiguresSchema, LedgerAmountsSchema } from '../plan/api-schema.ts';
import { ACTION_STATUSES } from '../plan/types.ts';

const asOf = (what: string) => z.string().describe(`기준일 (ISO 8601): ${what}`);
const english = z.string().nullable().describe('English entered by staff; null: none yet, show the Korean');

export const HomeSchema = z.object({
  plans: z.array(
    z.object({
      id: dbId(),
      title: z.string(),
      titleEn: english,
      pledge: z.string(),
      pledgeEn: english,
      figures: FiguresSchema.extend({
        asOf: asOf('the latest change of an action (the time of reading when a measure is bound), else the import; as the plan page’s asOf.progress'),
      }),
      ledger: LedgerAmountsSchema.extend({ asOf: asOf('the latest change of the ledger (secured money, executions), else the import') }),
    }),
  ),
  quarter: z.object({
    year: z.number().int(),
    quarter: z.number().int().min(1).max(4),
    figures: FiguresSchema.extend({ asOf: asOf('the latest change of one of these actions (the time of reading when a measure drives one)') }).nullable(),
    actions: z
      .array(
        z.object({
          id: dbId(),
          planId: dbId(),
          text: z.string(),
          textEn: english,
          status: z.enum(ACTION_STATUSES),
          progress: z.number().int(),
        }),
      )
      .describe('the actions due this quarter (Seoul) in every plan, by the plan view’s rules (H1 → Q2, H2 and FY → Q4)'),
  }),
  sessions: z
    .array(SessionSchema.pick({ id: true, title: true, startsAt: true, endsAt: true, venue: true, registrationState: true }))
    .describe('the next academy sessions (at most 3, not cancelled)'),
  events: z
    .array(EventSummarySchema.pick({ id: true, kind: true, title: true, startsAt: true, endsAt: true, dateApproximate: true, venue: true }))
    .describe('the next published events not yet over (at most 3, not cancelled)'),
  news: z.array(NewsSummarySchema).describe('the latest published news (at most 3)'),
});
