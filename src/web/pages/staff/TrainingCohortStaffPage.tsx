/**
 * `/staff/training/cohorts/:id`: one cohort for staff — applicants (contacts masked) with
 * decisions and reasons, sessions (a new one for managers; the room display and the attendance
 * sheet), certificates (issue, PDF, revoke with a reason) and the course evaluation (send, results).
 */
import { useState } from 'react';
import { ApiError } from '../../api-client.ts';
import { formatDateTime, localText, seoulInputToIso } from '../../education-format.ts';
import { ErrorView, Loading, NotFoundView } from '../../components/StatusViews.tsx';
import { Link } from '../../components/Link.tsx';
import { FormAlert, StatusMessage } from '../../forms/index.ts';
import { useDocumentTitle, useLoad, useMutation, type Mutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import { EDITOR_ROLES, isManager, useUser } from '../../session.ts';
import {
  certificatePdfUrl,
  cohortApplications,
  cohortSessions,
  createSession,
  decide,
  evaluationResults,
  issueCertificates,
  markAttendance,
  recordScores,
  revokeCertificate,
  sendEvaluation,
  type StaffTrainee,
  type TrainingSession,
} from '../../training-api.ts';
import { TRAINEE_STATUS_LABELS } from '../TrainingStatusPage.tsx';

function Failure({ m }: { m: Mutation }) {
  const { lang, t } = useI18n();
  return (
    <>
      <FormAlert message={m.error instanceof ApiError ? m.error.describe(lang) : m.error ? t('unexpectedError') : null} />
      <StatusMessage message={m.done} />
    </>
  );
}

function Decision({ app, cohortId }: { app: StaffTrainee; cohortId: number }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const m = useMutation();
  const send = (decision: 'selected' | 'waitlisted' | 'rejected' | 'withdrawn') => async () => {
    await m.run(() => decide(app.id, decision, reason.trim() || t('defaultReason')), t('trSaved'));
    await invalidate(keys.staffTrainingCohort(cohortId));
  };
  return (
    <div className="decision-row" data-testid="decision">
      <label className="visually-hidden" htmlFor={`reason-${app.id}`}>
        {t('decisionReason')}
      </label>
      <input id={`reason-${app.id}`} placeholder={t('decisionReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      {app.status !== 'selected' && (
        <button type="button" className="button" disabled={m.busy} onClick={send('selected')} data-testid="decide-selected">
          {t('decideSelect')}
        </button>
      )}
      {app.status !== 'waitlisted' && (
        <button type="button" className="button button-secondary" disabled={m.busy} onClick={send('waitlisted')} data-testid="decide-waitlisted">
          {t('decideWaitlist')}
        </button>
      )}
      {app.status !== 'rejected' && (
        <button type="button" className="button button-secondary" disabled={m.busy} onClick={send('rejected')} data-testid="decide-rejected">
          {t('decideReject')}
        </button>
      )}
      {app.status === 'selected' && (
        <button type="button" className="button button-secondary" disabled={m.busy} onClick={send('withdrawn')} data-testid="decide-withdrawn">
          {t('decideWithdraw')}
        </button>
      )}
      <Failure m={m} />
    </div>
  );
}

function Revoke({ certificateId, cohortId }: { certificateId: number; cohortId: number }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const m = useMutation();
  return (
    <span className="decision-row">
      <label className="visually-hidden" htmlFor={`revoke-${certificateId}`}>
        {t('revokeReason')}
      </label>
      <input id={`revoke-${certificateId}`} placeholder={t('revokeReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      <button
        type="button"
        className="button button-secondary"
        disabled={m.busy || !reason.trim()}
        data-testid="revoke-certificate"
        onClick={async () => {
          await m.run(() => revokeCertificate(certificateId, reason.trim()), t('trSaved'));
          await invalidate(keys.staffTrainingCohort(cohortId));
        }}
      >
        {t('revokeCertificate')}
      </button>
      <Failure m={m} />
    </span>
  );
}

function ApplicantRow({ app, cohortId, manager }: { app: StaffTrainee; cohortId: number; manager: boolean }) {
  const { t } = useI18n();
  return (
    <li className="action-card" data-testid="trainee-card" data-application-id={app.id} data-status={app.status}>
      <h3 className="card-title">{app.name}</h3>
      <p>
        <span className={`badge app-status app-${app.status}`} data-testid="trainee-card-status">
          {t(TRAINEE_STATUS_LABELS[app.status])}
        </span>{' '}
        {app.decisionReason && <>— {app.decisionReason}</>}
      </p>
      <p>
        {app.phoneMasked ?? '–'} · {app.emailMasked ?? '–'} · {app.referralConsent ? t('referralConsentYes') : t('referralConsentNo')}
      </p>
      {app.statement && <p className="history-comment">{app.statement}</p>}
      {app.status === 'selected' && (
        <p data-testid="trainee-progress">
          {t('traineeProgress', { pct: app.attendancePct ?? '–', pre: app.preScore ?? '–', post: app.postScore ?? '–' })} · {app.meetsRule ? t('meetsRule') : t('notMeetingRule')}
        </p>
      )}
      {app.certificate && (
        <p data-testid="trainee-certificate">
          {t('certificateHeading')}: <Link href={`/certificates/${app.certificate.code}`}>{app.certificate.code}</Link>
          {app.certificate.revoked ? (
            <> · {t('certificateRevoked')}</>
          ) : (
            <>
              {' '}
              · <a href={certificatePdfUrl(app.certificate.id)}>PDF</a>
              {manager && <Revoke certificateId={app.certificate.id} cohortId={cohortId} />}
            </>
          )}
        </p>
      )}
      {manager && !app.certificate && app.status !== 'withdrawn' && !app.anonymized && <Decision app={app} cohortId={cohortId} />}
    </li>
  );
}

function SessionRow({ s, cohortId, trainees, editor }: { s: TrainingSession; cohortId: number; trainees: StaffTrainee[]; editor: boolean }) {
  const { lang, t } = useI18n();
  const m = useMutation();
  const [absentId, setAbsentId] = useState(0);
  const [reason, setReason] = useState('');
  return (
    <li data-testid="session-row" data-session-id={s.id}>
      {localText(s.title, lang)} · {formatDateTime(s.startsAt, lang)} · {s.room} · {t('attendanceCounts', { present: s.present, absent: s.absent })}
      {editor && (
        <>
          {' '}
          · <Link href={`/staff/training/sessions/${s.id}/display`}>{t('roomDisplay')}</Link>
          <span className="decision-row">
            <label className="visually-hidden" htmlFor={`absent-${s.id}`}>
              {t('markAbsent')}
            </label>
            <select id={`absent-${s.id}`} value={absentId} onChange={(e) => setAbsentId(Number(e.target.value))}>
              <option value={0}>{t('chooseTrainee')}</option>
              {trainees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <input aria-label={t('absenceReason')} placeholder={t('absenceReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} />
            <button
              type="button"
              className="button button-secondary"
              disabled={m.busy || !absentId}
              onClick={async () => {
                await m.run(() => markAttendance(s.id, [{ applicationId: absentId, status: 'present' }]), t('trSaved'));
                await invalidate(keys.staffTrainingCohort(cohortId));
              }}
            >
              {t('markPresent')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={m.busy || !absentId}
              onClick={async () => {
                await m.run(() => markAttendance(s.id, [{ applicationId: absentId, status: 'absent', ...(reason.trim() ? { reason: reason.trim() } : {}) }]), t('trSaved'));
                await invalidate(keys.staffTrainingCohort(cohortId));
              }}
            >
              {t('markAbsent')}
            </button>
          </span>
          <Failure m={m} />
        </>
      )}
    </li>
  );
}

function NewSession({ cohortId }: { cohortId: number }) {
  const { t } = useI18n();
  const m = useMutation();
  const [v, setV] = useState({ ko: '', en: '', starts: '', ends: '', room: '' });
  const input = (k: keyof typeof v, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`ns-${k}`}>{label}</label>
      <input id={`ns-${k}`} type={type} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
    </div>
  );
  return (
    <form
      className="staff-form"
      data-testid="new-session-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await m.run(
          () => createSession(cohortId, { title: { ko: v.ko, en: v.en || v.ko }, startsAt: seoulInputToIso(v.starts), endsAt: seoulInputToIso(v.ends), room: v.room }),
          t('trSaved'),
        );
        await invalidate(keys.staffTrainingCohort(cohortId));
      }}
    >
      <h3>{t('newSessionHeading')}</h3>
      <div className="form-row">
        {input('ko', t('sessionTitleKo'))}
        {input('en', t('sessionTitleEn'))}
      </div>
      <div className="form-row">
        {input('starts', t('sessionStarts'), 'datetime-local')}
        {input('ends', t('sessionEnds'), 'datetime-local')}
        {input('room', t('sessionRoom'))}
      </div>
      <Failure m={m} />
      <button type="submit" className="button" disabled={m.busy}>
        {t('addSession')}
      </button>
    </form>
  );
}

function ScoresForm({ cohortId, trainees }: { cohortId: number; trainees: StaffTrainee[] }) {
  const { t } = useI18n();
  const m = useMutation();
  const [values, setValues] = useState<Record<number, { pre: string; post: string }>>(() =>
    Object.fromEntries(trainees.map((a) => [a.id, { pre: a.preScore?.toString() ?? '', post: a.postScore?.toString() ?? '' }])),
  );
  const score = (v: string) => (v.trim() === '' ? null : Number(v));
  return (
    <form
      className="staff-form"
      data-testid="scores-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await m.run(
          () =>
            recordScores(
              cohortId,
              trainees.map((a) => ({ applicationId: a.id, pre: score(values[a.id]?.pre ?? ''), post: score(values[a.id]?.post ?? '') })),
            ),
          t('trSaved'),
        );
        await invalidate(keys.staffTrainingCohort(cohortId));
      }}
    >
      <h3>{t('assessmentScores')}</h3>
      {trainees.map((a) => (
        <div className="form-row" key={a.id}>
          <div className="field">
            <label htmlFor={`pre-${a.id}`}>{t('preScoreOf', { name: a.name })}</label>
            <input
              id={`pre-${a.id}`}
              type="number"
              min={0}
              max={100}
              value={values[a.id]?.pre ?? ''}
              onChange={(e) => setValues({ ...values, [a.id]: { pre: e.target.value, post: values[a.id]?.post ?? '' } })}
            />
          </div>
          <div className="field">
            <label htmlFor={`post-${a.id}`}>{t('postScoreOf', { name: a.name })}</label>
            <input
              id={`post-${a.id}`}
              type="number"
              min={0}
              max={100}
              value={values[a.id]?.post ?? ''}
              onChange={(e) => setValues({ ...values, [a.id]: { pre: values[a.id]?.pre ?? '', post: e.target.value } })}
            />
          </div>
        </div>
      ))}
      <Failure m={m} />
      <button type="submit" className="button" disabled={m.busy} data-testid="scores-submit">
        {t('saveScores')}
      </button>
    </form>
  );
}

export function TrainingCohortStaffPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const user = useUser();
  const manager = isManager(user);
  const editor = EDITOR_ROLES.includes(user.role);
  const { state, retry } = useLoad(keys.staffTrainingCohort(id), async (signal) => ({
    ...(await cohortApplications(id, signal)),
    sessions: (await cohortSessions(id, signal)).items,
    evaluation: await evaluationResults(id, signal),
  }));
  const issue = useMutation();
  const evaluate = useMutation();
  useDocumentTitle(t('navStaffTraining'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const { cohort: c, items, sessions, evaluation } = state.data;
  const selected = items.filter((a) => a.status === 'selected');
  return (
    <>
      <p>
        <Link href="/staff/training">{t('navStaffTraining')}</Link>
      </p>
      <h1 data-testid="staff-cohort-title">
        {localText(c.course.title, lang)} {c.name}
      </h1>
      <p data-testid="cohort-counts">
        {t('cohortCountsValue', { capacity: c.capacity, selected: c.counts.selected, waitlisted: c.counts.waitlisted, rejected: c.counts.rejected, submitted: c.counts.submitted })}
      </p>
      <section className="plan-section" aria-labelledby="tr-applicants">
        <h2 id="tr-applicants">{t('applicantsHeading')}</h2>
        <ul className="card-list" data-testid="trainee-list">
          {items.map((a) => (
            <ApplicantRow key={a.id} app={a} cohortId={id} manager={manager} />
          ))}
        </ul>
      </section>
      <section className="plan-section" aria-labelledby="tr-sessions">
        <h2 id="tr-sessions">{t('trainingSessions')}</h2>
        <ul className="plain-list" data-testid="session-list">
          {sessions.map((s) => (
            <SessionRow key={s.id} s={s} cohortId={id} trainees={selected} editor={editor} />
          ))}
        </ul>
        {manager && <NewSession cohortId={id} />}
        {editor && selected.length > 0 && <ScoresForm key={selected.map((a) => `${a.id}:${a.preScore}:${a.postScore}`).join()} cohortId={id} trainees={selected} />}
      </section>
      {manager && (
        <section className="plan-section" aria-labelledby="tr-certs">
          <h2 id="tr-certs">{t('certificatesHeading')}</h2>
          <p>{t('completionRuleValue', { pct: c.course.rule.minAttendancePct, score: c.course.rule.minScore })}</p>
          <button
            type="button"
            className="button"
            disabled={issue.busy}
            data-testid="issue-certificates"
            onClick={async () => {
              const r = await issue.run(() => issueCertificates(id));
              if (r) issue.reset();
              await invalidate(keys.staffTrainingCohort(id));
            }}
          >
            {t('issueCertificates')}
          </button>
          <Failure m={issue} />
        </section>
      )}
      <section className="plan-section" aria-labelledby="tr-eval">
        <h2 id="tr-eval">{t('evaluationResultsHeading')}</h2>
        <p data-testid="evaluation-results">
          {t('evaluationResultsValue', {
            responses: evaluation.responses,
            invited: evaluation.invited,
            overall: evaluation.averages.overall ?? '–',
            content: evaluation.averages.content ?? '–',
            instructor: evaluation.averages.instructor ?? '–',
            job: evaluation.averages.jobRelevance ?? '–',
          })}
        </p>
        {evaluation.comments.length > 0 && (
          <ul className="plain-list">
            {evaluation.comments.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        )}
        {manager && !c.evaluationSentAt && (
          <button
            type="button"
            className="button button-secondary"
            disabled={evaluate.busy}
            data-testid="send-evaluation"
            onClick={async () => {
              await evaluate.run(() => sendEvaluation(id), t('trSaved'));
              await invalidate(keys.staffTrainingCohort(id));
            }}
          >
            {t('sendEvaluation')}
          </button>
        )}
        <Failure m={evaluate} />
      </section>
    </>
  );
}
