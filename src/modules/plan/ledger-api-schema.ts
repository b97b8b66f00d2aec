/** Zod schemas of the budget ledger API (공약가계부). */
import { z } from 'zod';
import { dbId, idNumber } from '../../server/api-schema.ts';
import { multiLine, singleLine } from '../../server/text.ts';
import { FUNDING_SOURCES } from './types.ts';
import { ledgerAmountsShape } from './api-schema.ts';
import { ActorSchema } from './tracking-api-schema.ts';

const won = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('integer won (1억원 = 100,000,000)');
const year = z.number().int().min(1900).max(2200);
const sourceLabel = singleLine(50).describe('the funding source as the plan writes it (시비, 도비, 국비 …)');

export const ExecutionIdParams = z.object({ id: idNumber().describe('execution id') });

export const SecuredBody = z.object({ sourceLabel, year, securedKrw: won }).strict();

const executionFields = {
  sourceLabel,
  year: year.describe('the budget year the money belongs to; the execution is dated inside it'),
  executedOn: z.iso.date().describe('YYYY-MM-DD, Asia/Seoul, inside the budget year'),
  amountKrw: won.min(1),
  description: multiLine(500),
};
/** The explicit override of the secured money (확보액 초과 집행), audited with its reason. */
const overrideFields = {
  exceedSecured: z.boolean().optional().describe('true: execute beyond the money secured for the source and year (audited; needs overrideReason)'),
  overrideReason: multiLine(500, { min: 0 }).optional().describe('why the secured money is passed; kept in the audit row'),
};

export const ExecutionBody = z.object({ ...executionFields, ...overrideFields }).strict();

export const ExecutionPatchBody = z
  .object({ ...z.object(executionFields).partial().shape, ...overrideFields })
  .strict()
  .refine((o) => Object.keys(o).some((k) => k in executionFields), { message: 'Nothing to change' });

export const ExecutionSchema = z
  .object({
    id: dbId(),
    sourceLabel: z.string(),
    year: z.number().int(),
    executedOn: z.string(),
    amountKrw: z.number().int(),
    description: z.string(),
    createdBy: ActorSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Execution' });

export const LedgerSchema = z
  .object({
    rows: z.array(z.object({ sourceLabel: z.string(), source: z.enum(FUNDING_SOURCES), year: z.number().int(), ...ledgerAmountsShape })),
    executions: z.array(ExecutionSchema),
    byYear: z.array(z.object({ year: z.number().int(), ...ledgerAmountsShape })),
    totals: z.object(ledgerAmountsShape),
  })
  .meta({ id: 'Ledger' });

export type Ledger = z.infer<typeof LedgerSchema>;
export type Execution = z.infer<typeof ExecutionSchema>;
