/**
 * The example cohort (`finhub seed-training-example`, tests/api/training-seed.test.ts): one course
 * run through the whole chain by the same use cases staff and trainees call — 14 applicants,
 * 10 selected, 3 waitlisted and 1 rejected; one selected trainee withdraws and the first on the
 * waiting list moves up; 4 sessions with QR and staff attendance (absences with reasons); pre/post
 * scores; the course evaluation; certificates for those meeting the rule; referrals, interviews,
 * placements and their six-month follow-up. Dates are set back from `now` so the follow-up has
 * come due. Running it again changes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import type { Actor } from '../audit/service.ts';
import { outbox } from '../notifications/schema.ts';
import { seoulDate } from '../plan/seoul-time.ts';
import { apply, decide } from './applications.ts';
import { answerEvaluation, recordScores, sendEvaluation } from './assessments.ts';
import { checkInCode, stepOf } from './check-in-code.ts';
import { issueCertificates } from './certificates.ts';
import type { TrainingContext } from './common.ts';
import { createCohort, createCourse } from './courses.ts';
import { trainingFigures } from './figures.ts';
import { createEmployer, createPlacement, createPosting, recordFollowUp, refer, updateReferral } from './jobs.ts';
import { trainingCourses, trainingSessions } from './schema.ts';
import { createSession, markAttendance, selfCheckIn } from './sessions.ts';

const SEED_ACTOR: Actor = { userId: null, email: 'seed:training-example', ip: null };
const EXAMPLE_COURSE_KO = '연기금 자산운용 실무과정 (예시)';

const DAY = 86_400_000;
const NAMES = ['김하늘', '이서준', '박지민', '최유나', '정민호', '강수아', '조현우', '윤채원', '장도윤', '임서연', '한지호', '오예린', '서준영', '신다은'];
/** Applicants 4 and 7 (1-based) do not consent to referral to employers. */
const NO_REFERRAL = new Set([4, 7]);
const at = (d: Date, ms: number) => new Date(d.getTime() + ms);
const dateAfter = (d: string, days: number) => seoulDate(new Date(Date.parse(`${d}T00:00:00+09:00`) + days * DAY));
const seoulAt = (d: string, hhmm: string) => new Date(`${d}T${hhmm}:00+09:00`);

export async function seedTrainingExample(db: Executor, ctx: TrainingContext, now = new Date()) {
  const [existing] = await db.select({ id: trainingCourses.id }).from(trainingCourses).where(eq(trainingCourses.titleKo, EXAMPLE_COURSE_KO));
  if (existing) return { created: false, figures: await trainingFigures(db) };
  await inTransaction(db, async (tx) => {
    const course = await createCourse(tx, SEED_ACTOR, {
      track: 'pension_fund',
      title: { ko: EXAMPLE_COURSE_KO, en: 'Pension fund asset management in practice (example)' },
      description: { ko: '국민연금 기금운용 실무를 익히는 4주 과정입니다.', en: 'Four weeks of pension fund management practice.' },
      hours: 28,
      minAttendancePct: 75,
      minScore: 60,
    });
    const startsOn = seoulDate(at(now, -300 * DAY));
    const endsOn = dateAfter(startsOn, 21);
    const opens = at(seoulAt(startsOn, '09:00'), -30 * DAY);
    const closes = at(seoulAt(startsOn, '09:00'), -7 * DAY);
    const cohort = await createCohort(
      tx,
      SEED_ACTOR,
      {
        courseId: course.id,
        name: '예시 1기',
        startsOn,
        endsOn,
        capacity: 10,
        applyOpensAt: opens.toISOString(),
        applyClosesAt: closes.toISOString(),
        criteria: { ko: '전북 거주 또는 취업 희망 청년, 지원 동기와 금융 관련 경험', en: 'Young people living or seeking work in Jeonbuk; motivation and finance experience' },
        documents: { ko: '이력서\n자기소개서', en: 'CV\nCover letter' },
      },
      opens,
    );

    // 14 applicants.
    const apps: { id: number; token: string }[] = [];
    for (const [i, name] of NAMES.entries()) {
      const r = await apply(
        tx,
        ctx,
        SEED_ACTOR,
        cohort.id,
        {
          name,
          phone: `010-7000-${String(1001 + i)}`,
          statement: '연기금 운용 분야에서 일하고 싶습니다.',
          documents: ['이력서', '자기소개서'],
          consent: true,
          referralConsent: !NO_REFERRAL.has(i + 1),
        },
        at(opens, (i + 1) * 3_600_000),
      );
      apps.push({ id: r.id!, token: r.token! });
    }
    // Selection: 10 selected, 3 waitlisted, 1 rejected; then no. 3 withdraws and no. 11 moves up.
    const decided = at(closes, 3_600_000);
    for (const [i, a] of apps.entries()) {
      const decision = i < 10 ? 'selected' : i < 13 ? 'waitlisted' : 'rejected';
      const reason = decision === 'selected' ? '선발 기준 충족' : decision === 'waitlisted' ? '정원 초과, 평가 순위에 따라 대기' : '지원 자격(전북 연고) 미충족';
      await decide(tx, SEED_ACTOR, null, a.id, { decision, reason }, at(decided, i * 60_000));
    }
    await decide(tx, SEED_ACTOR, null, apps[2]!.id, { decision: 'withdrawn', reason: '개인 사정으로 수강 포기' }, at(decided, DAY));
    const trainees = apps.filter((_, i) => i !== 2 && i <= 10);

    // Four weekly sessions: QR self check-in, staff marks and absences with reasons.
    for (let w = 0; w < 4; w++) {
      const day = dateAfter(startsOn, w * 7);
      const s = await createSession(tx, SEED_ACTOR, cohort.id, {
        title: { ko: `${w + 1}주차 실무 교육`, en: `Week ${w + 1} practice` },
        startsAt: seoulAt(day, '10:00').toISOString(),
        endsAt: seoulAt(day, '17:00').toISOString(),
        room: '전주시청 4층 교육장',
      });
      const [row] = await tx.select({ secret: trainingSessions.checkInSecret }).from(trainingSessions).where(eq(trainingSessions.id, s.id));
      const scanAt = seoulAt(day, '09:50');
      const absent: { applicationId: number; status: 'absent'; reason: string }[] = [];
      for (const [k, t] of trainees.entries()) {
        // Trainee no. 9 (k = 7) misses weeks 2 and 3; trainee k = 5 is marked by staff in week 1 (phone battery).
        if (k === 7 && (w === 1 || w === 2)) {
          absent.push({ applicationId: t.id, status: 'absent', reason: w === 1 ? '병가' : '업무 일정' });
          continue;
        }
        if (k === 5 && w === 0) continue;
        const when = at(scanAt, k * 20_000);
        await selfCheckIn(tx, SEED_ACTOR, t.token, { sessionId: s.id, code: checkInCode(row!.secret, s.id, stepOf(when)) }, when);
      }
      const marks = [...absent, ...(w === 0 ? [{ applicationId: trainees[5]!.id, status: 'present' as const }] : [])];
      if (marks.length) await markAttendance(tx, SEED_ACTOR, s.id, { items: marks }, seoulAt(day, '10:30'));
    }

    // Pre/post scores: the tenth trainee falls short of the post score.
    await recordScores(tx, SEED_ACTOR, cohort.id, {
      items: trainees.map((t, k) => ({ applicationId: t.id, pre: 40 + k * 2, post: k === 9 ? 55 : 68 + k * 3 })),
    });

    // The course evaluation: 7 of 10 answer.
    await sendEvaluation(tx, ctx, SEED_ACTOR, cohort.id, seoulAt(endsOn, '18:00'));
    const links = await tx
      .select({ applicationId: sql<string>`${outbox.meta}->>'trainingApplicationId'`, token: outbox.linkToken })
      .from(outbox)
      .where(and(eq(outbox.kind, 'training.evaluation')));
    const tokenOf = new Map(links.map((l) => [Number(l.applicationId), l.token!]));
    const ratings = [5, 4, 5, 4, 3, 5, 4];
    for (const [k, t] of trainees.slice(0, 7).entries()) {
      await answerEvaluation(tx, SEED_ACTOR, tokenOf.get(t.id)!, {
        overall: ratings[k]!,
        content: ratings[k]!,
        instructor: 5,
        jobRelevance: ratings[k]! - (k % 2),
        ...(k < 3 ? { comment: ['실무 사례가 많아 좋았습니다.', '기금운용본부 견학이 유익했습니다.', '일정이 조금 빡빡했습니다.'][k]! } : {}),
      });
    }

    // Certificates: 8 meet the rule (the trainee with 50% attendance and the one with 55 points do not).
    const { issued } = await issueCertificates(tx, ctx, SEED_ACTOR, cohort.id, seoulAt(endsOn, '18:30'));

    // Job linkage: employers, postings, referrals of consenting graduates, interviews, placements.
    const nps = await createEmployer(tx, SEED_ACTOR, { name: { ko: '국민연금공단 기금운용본부 (예시)', en: 'NPS Investment Management (example)' }, kind: 'innovation_city' });
    const bank = await createEmployer(tx, SEED_ACTOR, { name: { ko: '전북은행 (예시)', en: 'Jeonbuk Bank (example)' }, kind: 'partner' });
    const postings = [
      await createPosting(tx, SEED_ACTOR, {
        employerId: nps.id,
        title: { ko: '기금운용 지원 인턴', en: 'Fund management assistant' },
        track: 'pension_fund',
        openings: 3,
        closesOn: dateAfter(endsOn, 20),
      }),
      await createPosting(tx, SEED_ACTOR, {
        employerId: bank.id,
        title: { ko: '자산관리 사무원', en: 'Asset management clerk' },
        track: 'back_office',
        openings: 2,
        closesOn: dateAfter(endsOn, 20),
      }),
    ];
    const consenting = issued.filter((c) => !NO_REFERRAL.has(apps.findIndex((a) => a.id === c.applicationId) + 1));
    let placed = 0;
    for (const [k, c] of consenting.slice(0, 6).entries()) {
      const posting = postings[k % 2]!;
      const r = await refer(tx, SEED_ACTOR, posting.id, { applicationId: c.applicationId });
      await updateReferral(tx, SEED_ACTOR, r.id, { status: 'interview', interviewAt: seoulAt(dateAfter(endsOn, 10 + k), '14:00').toISOString() });
      if (k === 5) {
        await updateReferral(tx, SEED_ACTOR, r.id, { status: 'not_hired', note: '다음 채용에 재추천 예정' });
        continue;
      }
      const p = await createPlacement(tx, SEED_ACTOR, {
        applicationId: c.applicationId,
        employerId: posting.employer.id,
        referralId: r.id,
        jobTitle: posting.title.ko,
        startedOn: dateAfter(endsOn, 30),
      });
      placed++;
      await recordFollowUp(tx, SEED_ACTOR, p.id, { followUpOn: dateAfter(p.followUpDueOn, 3), retained: k !== 3, ...(k === 3 ? { note: '타 기관 이직' } : {}) }, now);
    }
    return placed;
  });
  return { created: true, figures: await trainingFigures(db) };
}
