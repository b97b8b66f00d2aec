/** The academy's yearly programmes. */
import { desc } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, fieldError } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { ProgrammeBody } from '../academy-api-schema.ts';
import { programmeView } from '../academy-presenters.ts';
import { academyProgrammes } from '../schema.ts';

type ProgrammeInput = z.infer<typeof ProgrammeBody>;

export async function listProgrammes(db: Executor) {
  return (await db.select().from(academyProgrammes).orderBy(desc(academyProgrammes.year))).map(programmeView);
}

export async function createProgramme(db: Executor, actor: Actor, input: ProgrammeInput) {
  return inTransaction(db, async (tx) => {
    const [p] = await tx
      .insert(academyProgrammes)
      .values({
        year: input.year,
        titleKo: input.title.ko,
        titleEn: input.title.en ?? null,
        descriptionKo: input.description?.ko ?? null,
        descriptionEn: input.description?.en ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!p) {
      throw new AppError('PROGRAMME_EXISTS', { ko: `${input.year}년 금융아카데미 계획이 이미 있습니다.`, en: `There is already an academy programme for ${input.year}.` }, [
        fieldError('year', '이미 있는 연도입니다.', 'This year already has a programme.'),
      ]);
    }
    await recordAudit(tx, actor, { action: 'academy.programme.create', entity: 'academy_programme', entityId: p.id, after: input });
    return programmeView(p);
  });
}
