/**
 * The yearly settlement survey (정주여건 만족도 조사): staff record each year's respondents and
 * the share satisfied per topic; the public page compares the years topic by topic.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { invalidField } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { FEEDBACK_CATEGORIES, settlementSurveyResults, settlementSurveys } from '../schema.ts';

type Topic = (typeof FEEDBACK_CATEGORIES)[number];

const toPermille = (pct: number) => Math.round(pct * 10);
const fromPermille = (pm: number) => pm / 10;

export async function saveSurveyYear(
  db: Executor,
  actor: Actor,
  year: number,
  input: { respondents: number; note?: string | undefined; results: { topic: Topic; satisfied: number }[] },
) {
  return inTransaction(db, async (tx) => {
    const topics = input.results.map((r) => r.topic);
    if (new Set(topics).size !== topics.length) {
      throw invalidField('results', '같은 주제가 두 번 있습니다.', 'A topic is given twice.');
    }
    const [before] = await tx.select().from(settlementSurveys).where(eq(settlementSurveys.year, year)).for('update');
    const [s] = await tx
      .insert(settlementSurveys)
      .values({ year, respondents: input.respondents, note: input.note ?? null })
      .onConflictDoUpdate({ target: settlementSurveys.year, set: { respondents: input.respondents, note: input.note ?? null, updatedAt: new Date() } })
      .returning();
    await tx.delete(settlementSurveyResults).where(eq(settlementSurveyResults.surveyId, s!.id));
    await tx.insert(settlementSurveyResults).values(input.results.map((r) => ({ surveyId: s!.id, topic: r.topic, satisfiedPermille: toPermille(r.satisfied) })));
    await recordAudit(tx, actor, {
      action: 'settlement.survey.save',
      entity: 'settlement_survey',
      entityId: s!.id,
      before: before ? { respondents: before.respondents } : null,
      after: { year, respondents: input.respondents, results: input.results },
    });
    return (await surveyYears(tx)).years.find((y) => y.year === year)!;
  });
}

/** Every year's results, and per topic the figures side by side with the change from the year before. */
export async function surveyYears(db: Executor) {
  const surveys = await db.select().from(settlementSurveys).orderBy(asc(settlementSurveys.year));
  const results = surveys.length
    ? await db
        .select()
        .from(settlementSurveyResults)
        .where(
          inArray(
            settlementSurveyResults.surveyId,
            surveys.map((s) => s.id),
          ),
        )
    : [];
  const years = surveys.map((s) => ({
    year: s.year,
    respondents: s.respondents,
    note: s.note,
    results: FEEDBACK_CATEGORIES.flatMap((topic) => {
      const r = results.find((x) => x.surveyId === s.id && x.topic === topic);
      return r ? [{ topic, satisfied: fromPermille(r.satisfiedPermille) }] : [];
    }),
  }));
  const comparison = FEEDBACK_CATEGORIES.map((topic) => {
    const byYear = years.map((y) => ({ year: y.year, satisfied: y.results.find((r) => r.topic === topic)?.satisfied ?? null }));
    const known = byYear.filter((b) => b.satisfied !== null);
    const change = known.length >= 2 ? Math.round((known.at(-1)!.satisfied! - known.at(-2)!.satisfied!) * 10) / 10 : null;
    return { topic, byYear, change };
  }).filter((c) => c.byYear.some((b) => b.satisfied !== null));
  return { years, comparison };
}
