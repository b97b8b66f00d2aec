/**
 * `/staff/school`: the visiting financial school for staff — this year's demand survey (a new
 * one for managers), the applications with masked phones, decisions with reasons, classes and
 * their results, and figures against the year's target.
 */
import { useCallback, useId, useState } from 'react';
import { schoolFigures, schoolSurveys, surveyApplications, type SchoolClass, type SchoolFigureRow, type SchoolFigures, type StaffApplication } from '../../education-api.ts';
import { formatDateTime, formatPercent, seoulYear } from '../../education-format.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { ClassForm, DecisionForm, ResultForm, SurveyForm } from '../../components/education/SchoolForms.tsx';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { EDITOR_ROLES, isManager, seesPersonalData, useUser } from '../../session.ts';
import { LEVEL_LABELS } from '../SchoolPage.tsx';
import { APPLICATION_LABELS } from '../SchoolApplicationPage.tsx';

/** The chosen survey (or the latest year's) with its applications. */
async function load(chosen: number | null, withApplications: boolean, signal: AbortSignal) {
  const surveys = (await schoolSurveys(signal)).items.sort((a, b) => b.year - a.year);
  const survey = surveys.find((s) => s.id === chosen) ?? surveys[0] ?? null;
  // Partners may not read the applications (schools' contacts): the server would refuse them.
  const applications = survey && withApplications ? await surveyApplications(survey.id, signal) : null;
  return { surveys, survey, applications };
}

function ClassItem({ c, canRecord, onSaved }: { c: SchoolClass; canRecord: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  return (
    <li data-testid="school-class">
      <p>
        {t('classLine', { date: c.heldOn, lecturer: c.lecturer, classes: c.classes })}
        {c.studentsReached != null && (
          <>
            {' · '}
            <span data-testid="class-result">{t('studentsReachedValue', { count: c.studentsReached })}</span>
          </>
        )}
      </p>
      {c.notes && <p className="history-comment">{c.notes}</p>}
      {canRecord && c.id != null && <ResultForm schoolClass={{ ...c, id: c.id }} onSaved={onSaved} />}
    </li>
  );
}

function ApplicationCard({ app, manager, editor, onSaved }: { app: StaffApplication; manager: boolean; editor: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const canSchedule = manager && (app.status === 'selected' || app.status === 'scheduled' || app.status === 'completed');
  return (
    <li className="action-card" data-testid="application-card" data-application-id={app.id}>
      <h3 className="card-title" data-testid="application-school">
        {app.schoolName}
      </h3>
      <dl className="summary-list facts">
        <div>
          <dt>{t('schoolLevel')}</dt>
          <dd>{t(LEVEL_LABELS[app.level])}</dd>
        </div>
        <div>
          <dt>{t('teacherName')}</dt>
          <dd>{app.teacherName}</dd>
        </div>
        <div>
          <dt>{t('teacherPhone')}</dt>
          <dd data-testid="application-phone">{app.teacherPhoneMasked ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('grade')}</dt>
          <dd>
            {app.grade} · {t('studentsValue', { count: app.students })}
          </dd>
        </div>
        <div>
          <dt>{t('preferredDates')}</dt>
          <dd>{app.preferredDates.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('topics')}</dt>
          <dd>{app.topics}</dd>
        </div>
        <div>
          <dt>{t('applicationStatus')}</dt>
          <dd>
            <span className={`badge app-status app-${app.status}`} data-testid="staff-application-status" data-status={app.status}>
              {t(APPLICATION_LABELS[app.status])}
            </span>
            {app.decisionReason && <> — {app.decisionReason}</>}
          </dd>
        </div>
      </dl>
      {manager && (app.status === 'submitted' || app.status === 'selected' || app.status === 'rejected') && (
        <DecisionForm applicationId={app.id} schoolName={app.schoolName} onSaved={onSaved} />
      )}
      {(app.classes?.length ?? 0) > 0 && (
        <ul className="plain-list" data-testid="school-classes">
          {app.classes!.map((c, i) => (
            <ClassItem key={c.id ?? i} c={c} canRecord={editor} onSaved={onSaved} />
          ))}
        </ul>
      )}
      {canSchedule && <ClassForm applicationId={app.id} schoolName={app.schoolName} onSaved={onSaved} />}
    </li>
  );
}

function FigureRows({ rows }: { rows: SchoolFigureRow[] }) {
  const { t } = useI18n();
  return (
    <>
      {rows.map((r, i) => (
        <tr key={r.quarter ?? i}>
          <th scope="row">{r.quarter != null ? t('quarterN', { n: r.quarter }) : '–'}</th>
          <td>{r.schools}</td>
          <td>{r.students}</td>
        </tr>
      ))}
    </>
  );
}

function Figures() {
  const { t } = useI18n();
  const [year, setYear] = useState(seoulYear());
  const yearId = useId();
  const caption = useId();
  const { state, retry } = useLoad(keys.staffSchoolFigures(year), (signal) => schoolFigures(year, signal));
  const data: SchoolFigures | null = state.status === 'ok' ? state.data : null;
  const total = data?.total;
  const target = data?.target ?? null;
  return (
    <section className="plan-section" aria-labelledby="school-figures-heading" data-testid="school-figures">
      <h2 id="school-figures-heading">{t('schoolFiguresHeading')}</h2>
      <div className="field narrow-form">
        <label htmlFor={yearId}>{t('figuresYear')}</label>
        <select id={yearId} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[seoulYear() + 1, seoulYear(), seoulYear() - 1, seoulYear() - 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorView error={state.error} onRetry={retry} />}
      {state.status === 'notFound' && <p>{t('noFigures')}</p>}
      {data && (
        <>
          <dl className="figure-list" data-testid="school-year-figures">
            <div>
              <dt>{t('schoolsReached')}</dt>
              <dd>{target != null ? t('ofTarget', { value: total?.schools ?? 0, target }) : (total?.schools ?? 0)}</dd>
            </div>
            <div>
              <dt>{t('studentsReached')}</dt>
              <dd>{total?.students ?? 0}</dd>
            </div>
            {target != null && target > 0 && (
              <div>
                <dt>{t('targetRate')}</dt>
                <dd>{formatPercent(total?.rate ?? ((total?.schools ?? 0) / target) * 100)}</dd>
              </div>
            )}
          </dl>
          {data.byQuarter && (
            <div className="table-scroll" role="region" aria-labelledby={caption} tabIndex={0}>
              <table className="data-table">
                <caption id={caption}>{t('figuresByQuarter', { year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('quarter')}</th>
                    <th scope="col">{t('schoolsReached')}</th>
                    <th scope="col">{t('studentsReached')}</th>
                  </tr>
                </thead>
                <tbody>
                  <FigureRows rows={data.byQuarter} />
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

export function SchoolStaffPage() {
  const { lang, t } = useI18n();
  const user = useUser();
  const manager = isManager(user);
  const editor = EDITOR_ROLES.includes(user.role);
  // The to-do list links to a year's applications with ?survey=<id>.
  const [chosen, setChosen] = useState<number | null>(() => Number(new URLSearchParams(window.location.search).get('survey')) || null);
  const surveyPick = useId();
  const { state, retry, refresh } = useLoad(keys.staffSchool(chosen, seesPersonalData(user)), (signal) => load(chosen, seesPersonalData(user), signal));
  const onSaved = useCallback(() => {
    refresh().catch(() => retry());
  }, [refresh, retry]);
  useDocumentTitle(t('staffSchoolTitle'), t('staffTitleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const { surveys, survey, applications } = state.data;
  return (
    <>
      <h1>{t('staffSchoolTitle')}</h1>
      <section className="plan-section" aria-labelledby="current-survey-heading">
        <h2 id="current-survey-heading">{t('schoolSurveyHeading')}</h2>
        {surveys.length > 1 && survey && (
          <div className="field narrow-form">
            <label htmlFor={surveyPick}>{t('surveyYear')}</label>
            <select id={surveyPick} value={survey.id} onChange={(e) => setChosen(Number(e.target.value))}>
              {surveys.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.year}
                </option>
              ))}
            </select>
          </div>
        )}
        {survey ? (
          <dl className="summary-list facts" data-testid="staff-school-survey">
            <div>
              <dt>{t('surveyYear')}</dt>
              <dd>{survey.year}</dd>
            </div>
            <div>
              <dt>{t('surveyWindow')}</dt>
              <dd>
                {formatDateTime(survey.opensAt, lang)} – {formatDateTime(survey.closesAt, lang)} ({survey.open ? t('surveyOpen') : t('surveyClosed')})
              </dd>
            </div>
            {applications && (
              <div>
                <dt>{t('selectedOfTarget')}</dt>
                <dd data-testid="selected-of-target">{t('ofTarget', { value: applications.selected, target: applications.target })}</dd>
              </div>
            )}
          </dl>
        ) : (
          <p>{t('noSchoolSurvey')}</p>
        )}
      </section>
      {manager &&
        (survey ? (
          <details className="disclosure" data-testid="new-survey">
            <summary>{t('newSchoolSurvey')}</summary>
            <div className="disclosure-body">
              <SurveyForm onSaved={onSaved} />
            </div>
          </details>
        ) : (
          <SurveyForm onSaved={onSaved} />
        ))}
      {survey && !seesPersonalData(user) && (
        <p className="read-only-note" data-testid="partner-no-personal-data">
          {t('partnerNoPersonalData')}
        </p>
      )}
      {applications && (
        <section className="plan-section" aria-labelledby="applications-heading">
          <h2 id="applications-heading">{t('applicationsHeading')}</h2>
          {applications.items.length === 0 ? (
            <p>{t('noApplications')}</p>
          ) : (
            <ul className="plain-list" data-testid="applications">
              {applications.items.map((app) => (
                <ApplicationCard key={app.id} app={app} manager={manager} editor={editor} onSaved={onSaved} />
              ))}
            </ul>
          )}
        </section>
      )}
      <Figures />
    </>
  );
}
