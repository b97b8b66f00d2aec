/**
 * `/staff/training`: professional training for staff — cohorts (a new course and cohort for
 * managers), the figures (completion, placement and six-month retention by cohort, track and year)
 * and the job linkage: employers, postings, referrals with interviews, placements and follow-ups.
 */
import { useState } from 'react';
import { ApiError } from '../../api-client.ts';
import { formatPercent, localText, seoulInputToIso } from '../../education-format.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { Link } from '../../components/Link.tsx';
import { FormAlert, StatusMessage } from '../../forms/index.ts';
import { useDocumentTitle, useLoad, useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import { EDITOR_ROLES, isManager, seesPersonalData, useUser } from '../../session.ts';
import { JobLinkage, type Graduate } from '../../components/training/JobLinkage.tsx';
import {
  cohortApplications,
  cohorts,
  courses,
  createCohort,
  createCourse,
  employers,
  placements,
  postings,
  referrals,
  trainingFigures,
  type Course,
  type Referral,
  type TrainingFigures,
} from '../../training-api.ts';
import { TRACK_LABELS } from '../TrainingPage.tsx';

function NewCourseAndCohort({ courseList }: { courseList: Course[] }) {
  const { lang, t } = useI18n();
  const m = useMutation();
  const [v, setV] = useState({
    courseId: courseList[0]?.id ?? 0,
    titleKo: '',
    titleEn: '',
    track: 'asset_management' as Course['track'],
    name: '',
    startsOn: '',
    endsOn: '',
    capacity: '20',
    opens: '',
    closes: '',
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const field = (k: keyof typeof v, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`nc-${k}`}>{label}</label>
      <input id={`nc-${k}`} type={type} value={String(v[k])} onChange={set(k)} />
    </div>
  );
  return (
    <form
      className="staff-form"
      data-testid="new-cohort-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await m.run(async () => {
          let courseId = Number(v.courseId);
          if (!courseId) {
            const c = await createCourse({ track: v.track, title: { ko: v.titleKo, en: v.titleEn || v.titleKo }, hours: 20, minAttendancePct: 80, minScore: 60 });
            courseId = c.id;
          }
          await createCohort({
            courseId,
            name: v.name,
            startsOn: v.startsOn,
            endsOn: v.endsOn,
            capacity: Number(v.capacity),
            applyOpensAt: seoulInputToIso(v.opens),
            applyClosesAt: seoulInputToIso(v.closes),
            criteria: { ko: '전북 연고 청년 우선', en: 'Young people from Jeonbuk first' },
            documents: { ko: '이력서\n자기소개서', en: 'CV\nCover letter' },
          });
          await invalidate(keys.trainingCohorts());
          await invalidate(keys.staffTraining());
        }, t('trSaved'));
      }}
    >
      <h2>{t('newCohortHeading')}</h2>
      <div className="field">
        <label htmlFor="nc-courseId">{t('trainingCourse')}</label>
        <select id="nc-courseId" value={v.courseId} onChange={(e) => setV({ ...v, courseId: Number(e.target.value) })}>
          {courseList.map((c) => (
            <option key={c.id} value={c.id}>
              {localText(c.title, lang)}
            </option>
          ))}
          <option value={0}>{t('newCourseOption')}</option>
        </select>
      </div>
      {!Number(v.courseId) && (
        <div className="form-row">
          {field('titleKo', t('courseTitleKo'))}
          {field('titleEn', t('courseTitleEn'))}
          <div className="field">
            <label htmlFor="nc-track">{t('trainingTrack')}</label>
            <select id="nc-track" value={v.track} onChange={(e) => setV({ ...v, track: e.target.value as Course['track'] })}>
              {Object.entries(TRACK_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {t(label)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div className="form-row">
        {field('name', t('cohortName'))}
        {field('capacity', t('trainingCapacity'), 'number')}
      </div>
      <div className="form-row">
        {field('startsOn', t('startsOn'), 'date')}
        {field('endsOn', t('endsOn'), 'date')}
      </div>
      <div className="form-row">
        {field('opens', t('applyOpens'), 'datetime-local')}
        {field('closes', t('applyCloses'), 'datetime-local')}
      </div>
      <FormAlert message={m.error instanceof ApiError ? m.error.describe(lang) : m.error ? t('unexpectedError') : null} />
      <StatusMessage message={m.done} />
      <button type="submit" className="button" disabled={m.busy}>
        {t('createCohort')}
      </button>
    </form>
  );
}

function FiguresTable({ figures }: { figures: TrainingFigures }) {
  const { lang, t } = useI18n();
  const rows = [
    ...figures.byCohort.map((r) => ({ key: `c${r.cohortId}`, label: `${localText(r.course, lang)} ${r.cohort}`, r })),
    ...figures.byTrack.map((r) => ({ key: `t${r.track}`, label: t(TRACK_LABELS[r.track]), r })),
    ...figures.byYear.map((r) => ({ key: `y${r.year}`, label: String(r.year), r })),
  ];
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="data-table" data-testid="training-figures">
        <thead>
          <tr>
            <th scope="col">{t('figuresFor')}</th>
            <th scope="col">{t('figSelected')}</th>
            <th scope="col">{t('figCompleted')}</th>
            <th scope="col">{t('figCompletionRate')}</th>
            <th scope="col">{t('figPlaced')}</th>
            <th scope="col">{t('figPlacementRate')}</th>
            <th scope="col">{t('figRetention')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label, r }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{r.selected}</td>
              <td>{r.completed}</td>
              <td>{formatPercent(r.completionRate)}</td>
              <td>{r.placed}</td>
              <td>{formatPercent(r.placementRate)}</td>
              <td>
                {r.retained}/{r.followedUp} ({formatPercent(r.retentionRate)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TrainingStaffPage() {
  const { lang, t } = useI18n();
  const user = useUser();
  const personal = seesPersonalData(user);
  const { state, retry } = useLoad(keys.staffTraining(), async (signal) => {
    const cohortList = (await cohorts(signal)).items;
    const postingList = (await postings(signal)).items;
    const graduates: Graduate[] = [];
    const referralsByPosting = new Map<number, Referral[]>();
    if (personal) {
      for (const c of cohortList) {
        const label = `${localText(c.course.title, lang)} ${c.name}`;
        for (const a of (await cohortApplications(c.id, signal)).items) if (a.certificate && !a.certificate.revoked) graduates.push({ ...a, cohortLabel: label });
      }
      for (const p of postingList) referralsByPosting.set(p.id, (await referrals(p.id, signal)).items);
    }
    return {
      cohorts: cohortList,
      courses: (await courses(signal)).items,
      figures: await trainingFigures(signal),
      placements: personal ? (await placements(signal)).items : [],
      employers: (await employers(signal)).items,
      postings: postingList,
      referralsByPosting,
      graduates,
    };
  });
  useDocumentTitle(t('navStaffTraining'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const d = state.data;
  return (
    <>
      <h1>{t('navStaffTraining')}</h1>
      <section className="plan-section" aria-labelledby="tr-cohorts">
        <h2 id="tr-cohorts">{t('cohortsHeading')}</h2>
        <ul className="plain-list" data-testid="staff-cohorts">
          {d.cohorts.map((c) => (
            <li key={c.id}>
              <Link href={`/staff/training/cohorts/${c.id}`}>
                {localText(c.course.title, lang)} {c.name}
              </Link>{' '}
              · {c.startsOn} – {c.endsOn} · {t('capacityValue', { n: c.capacity })}
            </li>
          ))}
        </ul>
      </section>
      {isManager(user) && <NewCourseAndCohort courseList={d.courses} />}
      <section className="plan-section" aria-labelledby="tr-figures">
        <h2 id="tr-figures">{t('trainingFiguresHeading')}</h2>
        <FiguresTable figures={d.figures} />
      </section>
      <JobLinkage
        manager={isManager(user)}
        editor={EDITOR_ROLES.includes(user.role)}
        employerList={d.employers}
        postingList={d.postings}
        referralsByPosting={d.referralsByPosting}
        graduates={d.graduates}
        placed={d.placements}
      />
    </>
  );
}
