/**
 * The rules a budget execution keeps (공약가계부), for booking and for editing one: it is dated
 * inside the budget year it is booked to (Seoul calendar dates), and the executions of a source
 * and year do not pass the money secured for them — unless the caller overrides explicitly,
 * with a reason, which the audit row keeps. The caller holds the budget line's row lock, so two
 * bookings cannot both pass the check.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { AppError, fieldError, invalidField } from '../../server/errors.ts';
import type { BudgetLineRow } from './service.ts';
import { budgetExecutions } from './tracking-schema.ts';

export interface ExecutionCheckInput {
  year: number;
  executedOn: string;
  amountKrw: number;
  /** True: book it even though it passes the money secured (needs `overrideReason`). */
  exceedSecured?: boolean;
  overrideReason?: string;
}

/** What the audit row records when the secured amount was passed on purpose. */
export interface SecuredOverride {
  reason: string;
  securedKrw: number;
  executedBeforeKrw: number;
  executedAfterKrw: number;
}

const won = (n: number) => `${n.toLocaleString('ko-KR')}원`;
const wonEn = (n: number) => `KRW ${n.toLocaleString('en-US')}`;

/** Throws unless the execution fits; returns the override to audit, or null. `excludeId`: the execution being edited. */
export async function checkExecution(tx: Executor, line: BudgetLineRow, input: ExecutionCheckInput, opts: { excludeId?: number } = {}): Promise<SecuredOverride | null> {
  if (input.executedOn < `${input.year}-01-01` || input.executedOn > `${input.year}-12-31`) {
    throw new AppError(
      'EXECUTION_OUTSIDE_YEAR',
      {
        ko: `집행일은 예산 연도(${input.year}년) 안이어야 합니다: ${input.year}-01-01 ~ ${input.year}-12-31.`,
        en: `The execution date must fall in its budget year ${input.year}: ${input.year}-01-01 to ${input.year}-12-31.`,
      },
      [fieldError('executedOn', `${input.year}년 안의 날짜를 입력하십시오.`, `Enter a date in ${input.year}.`)],
    );
  }
  const [sum] = await tx
    .select({ executed: sql<string>`coalesce(sum(${budgetExecutions.amountKrw}), 0)::text` })
    .from(budgetExecutions)
    .where(
      and(
        eq(budgetExecutions.planId, line.planId),
        eq(budgetExecutions.sourceLabel, line.sourceLabel),
        eq(budgetExecutions.year, input.year),
        opts.excludeId === undefined ? undefined : ne(budgetExecutions.id, opts.excludeId),
      ),
    );
  const before = Number(sum?.executed ?? 0);
  const after = before + input.amountKrw;
  if (after <= line.securedKrw) {
    if (input.exceedSecured) {
      throw invalidField('exceedSecured', '확보액 안의 집행이므로 초과 승인이 필요 없습니다. 표시를 지우십시오.', 'The execution fits the secured money: no override is needed; clear the flag.');
    }
    return null;
  }
  if (!input.exceedSecured) {
    const left = Math.max(0, line.securedKrw - before);
    throw new AppError(
      'EXECUTION_EXCEEDS_SECURED',
      {
        ko: `${line.sourceLabel} ${input.year}년 확보액 ${won(line.securedKrw)} 중 이미 ${won(before)}을 집행해 ${won(left)}만 남았습니다. 초과 집행은 사유를 적고 '확보액 초과 승인'을 선택해야 합니다.`,
        en: `Of the ${wonEn(line.securedKrw)} secured for ${line.sourceLabel} ${input.year}, ${wonEn(before)} is executed and ${wonEn(left)} is left. To book more, tick the override and give a reason.`,
      },
      [fieldError('amountKrw', `남은 확보액(${won(left)})을 넘습니다.`, `More than the secured money left (${wonEn(left)}).`)],
    );
  }
  const reason = input.overrideReason?.trim() ?? '';
  if (!reason) throw invalidField('overrideReason', '확보액 초과 집행의 사유를 입력하십시오.', 'Give the reason for executing beyond the secured money.');
  return { reason, securedKrw: line.securedKrw, executedBeforeKrw: before, executedAfterKrw: after };
}
