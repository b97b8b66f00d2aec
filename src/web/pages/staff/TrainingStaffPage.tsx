/**
 * `/staff/training`: professional training for staff — cohorts (a new course and cohort for
 * managers), the figures (completion, placement and six-month retention by cohort, track and year)
 * and the job linkage: employers, postings, referrals with interviews, placements and follow-ups.
 */
import { formatPercent, localText, seoulInputToIso } from '../../education-format.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { Link } from '../../components/Link.tsx';
import { DateTimeField, Form, SelectField, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
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
  const initial = {
    courseId: String(courseList[0]?.id ?? 0),
    titleKo: '',
    titleEn: '',
    track: 'asset_management' as Course['track'],
    name: '',
    startsOn: '',
    endsOn: '',
    capacity: '20',
    applyOpensAt: '',
    applyClosesAt: '',
  };
  const form = useKitForm({ defaultValues: initial, aliases: { 'title.ko': 'titleKo', 'title.en': 'titleEn' } });
  const newCourse = !Number(form.watch('courseId'));
  const send = async (v: typeof initial) => {
    let courseId = Number(v.courseId);
    if (!courseId) {
      const c = await createCourse({ track: v.track, title: { ko: v.titleKo.trim(), en: v.titleEn.trim() || v.titleKo.trim() }, hours: 20, minAttendancePct: 80, minScore: 60 });
      courseId = c.id;
    }
    await createCohort({
      courseId,
      name: v.name.trim(),
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      capacity: Number(v.capacity),
      applyOpensAt: seoulInputToIso(v.applyOpensAt),
      applyClosesAt: seoulInputToIso(v.applyClosesAt),
      criteria: { ko: '전북 연고 청년 우선', en: 'Young people from Jeonbuk first' },
      documents: { ko: '이력서\n자기소개서', en: 'CV\nCover letter' },
    });
    await invalidate(keys.trainingCohorts());
    await invalidate(keys.staffTraining());
    return t('trSaved');
  };
  // After a save the form starts again, keeping the course just used (a new one is now in the list).
  return (
    <Form form={form} testId="new-cohort-form" aria-labelledby="new-cohort-heading" head={<h2 id="new-cohort-heading">{t('newCohortHeading')}</h2>} onSubmit={send} reset>
      <SelectField
        name="courseId"
        label={t('trainingCourse')}
        options={[...courseList.map((c) => ({ value: String(c.id), label: localText(c.title, lang) })), { value: '0', label: t('newCourseOption') }]}
      />
      {newCourse && (
        <div className="form-row">
          <TextField name="titleKo" label={t('courseTitleKo')} maxLength={200} required />
          <TextField name="titleEn" label={t('courseTitleEn')} lang="en" maxLength={200} />
          <SelectField name="track" label={t('trainingTrack')} options={Object.entries(TRACK_LABELS).map(([k, label]) => ({ value: k, label: t(label) }))} />
        </div>
      )}
      <div className="form-row">
        <TextField name="name" label={t('cohortName')} maxLength={100} required />
        <TextField name="capacity" label={t('trainingCapacity')} type="number" min={1} required />
      </div>
      <div className="form-row">
        <TextField name="startsOn" label={t('startsOn')} type="date" required />
        <TextField name="endsOn" label={t('endsOn')} type="date" required />
      </div>
      <div className="form-row">
        <DateTimeField name="applyOpensAt" label={t('applyOpens')} required />
        <DateTimeField name="applyClosesAt" label={t('applyCloses')} required />
      </div>
      <Submit className="button" testId="new-cohort-submit">
        {t('createCohort')}
      </Submit>
    </Form>
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
