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

export const ExecutionBody = z
  .object({
    sourceLabel,
    year: year.describe('the budget year the money belongs to'),
    executedOn: z.iso.date().describe('YYYY-MM-DD, Asia/Seoul'),
    amountKrw: won.min(1),
    description: multiLine(500),
  })
  .strict();

export const ExecutionPatchBody = ExecutionBody.partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change' });

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
