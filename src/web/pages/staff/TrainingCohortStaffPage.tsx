/**
 * `/staff/training/cohorts/:id`: one cohort for staff — applicants (contacts masked) with
 * decisions and reasons, sessions (a new one for managers; the room display and the attendance
 * sheet), certificates (issue, PDF, revoke with a reason) and the course evaluation (send, results).
 */
import { useRef } from 'react';
import { formatDateTime, localText, seoulInputToIso } from '../../education-format.ts';
import { ErrorView, Loading, NotFoundView } from '../../components/StatusViews.tsx';
import { Link } from '../../components/Link.tsx';
import { BilingualField, DateTimeField, errorMessage, Form, FormAlert, SelectField, StatusMessage, Submit, TextField, useKitForm } from '../../forms/index.ts';
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
      <FormAlert message={errorMessage(m.error, lang, t)} />
      <StatusMessage message={m.done} />
    </>
  );
}

type DecisionKind = 'selected' | 'waitlisted' | 'rejected' | 'withdrawn';

/** The reason and the decision buttons: each button sends the form with its decision. */
function Decision({ app, cohortId }: { app: StaffTrainee; cohortId: number }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { reason: '' } });
  const chosen = useRef<DecisionKind>('selected');
  const send = async (v: { reason: string }) => {
    await decide(app.id, chosen.current, v.reason.trim() || t('defaultReason'));
    await invalidate(keys.staffTrainingCohort(cohortId));
    return t('trSaved');
  };
  const busy = form.formState.isSubmitting;
  const button = (decision: DecisionKind, label: string, primary = false) => (
    <button
      type="submit"
      className={primary ? 'button' : 'button button-secondary'}
      disabled={busy}
      onClick={() => {
        chosen.current = decision;
      }}
      data-testid={`decide-${decision}`}
    >
      {label}
    </button>
  );
  return (
    <Form form={form} className="staff-form compact-form" testId="decision" aria-label={`${t('decisionReason')}: ${app.name}`} onSubmit={send} reset>
      <TextField name="reason" id={`reason-${app.id}`} label={t('decisionReason')} placeholder={t('decisionReason')} maxLength={1000} />
      <p className="form-actions decision-row">
        {app.status !== 'selected' && button('selected', t('decideSelect'), true)}
        {app.status !== 'waitlisted' && button('waitlisted', t('decideWaitlist'))}
        {app.status !== 'rejected' && button('rejected', t('decideReject'))}
        {app.status === 'selected' && button('withdrawn', t('decideWithdraw'))}
      </p>
    </Form>
  );
}

function Revoke({ certificateId, cohortId }: { certificateId: number; cohortId: number }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { reason: '' } });
  const send = async (v: { reason: string }) => {
    await revokeCertificate(certificateId, v.reason.trim());
    await invalidate(keys.staffTrainingCohort(cohortId));
    return t('trSaved');
  };
  return (
    <Form form={form} className="staff-form compact-form" testId="revoke-form" aria-label={t('revokeCertificate')} onSubmit={send} reset>
      <TextField name="reason" id={`revoke-${certificateId}`} label={t('revokeReason')} placeholder={t('revokeReason')} maxLength={1000} required />
      <Submit className="button button-secondary" testId="revoke-certificate">
        {t('revokeCertificate')}
      </Submit>
    </Form>
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
            </>
          )}
        </p>
      )}
      {manager && app.certificate && !app.certificate.revoked && <Revoke certificateId={app.certificate.id} cohortId={cohortId} />}
      {manager && !app.certificate && app.status !== 'withdrawn' && !app.anonymized && <Decision app={app} cohortId={cohortId} />}
    </li>
  );
}

/** Marks one trainee present or absent (with a reason) at a session: the button says which. */
function AttendanceForm({ s, cohortId, trainees }: { s: TrainingSession; cohortId: number; trainees: StaffTrainee[] }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { applicationId: '', reason: '' } });
  const status = useRef<'present' | 'absent'>('present');
  const send = async (v: { applicationId: string; reason: string }) => {
    const reason = v.reason.trim();
    await markAttendance(s.id, [{ applicationId: Number(v.applicationId), status: status.current, ...(status.current === 'absent' && reason ? { reason } : {}) }]);
    await invalidate(keys.staffTrainingCohort(cohortId));
    return t('trSaved');
  };
  const busy = form.formState.isSubmitting;
  return (
    <Form form={form} className="staff-form compact-form" testId="attendance-form" aria-label={`${t('markAbsent')}: ${s.room}`} onSubmit={send} reset>
      <div className="form-row">
        <SelectField
          name="applicationId"
          id={`absent-${s.id}`}
          label={t('chooseTrainee')}
          placeholder={t('chooseTrainee')}
          options={trainees.map((a) => ({ value: String(a.id), label: a.name }))}
          required
        />
        <TextField name="reason" label={t('absenceReason')} placeholder={t('absenceReason')} maxLength={300} />
      </div>
      <p className="form-actions decision-row">
        {(['present', 'absent'] as const).map((k) => (
          <button
            key={k}
            type="submit"
            className="button button-secondary"
            disabled={busy}
            onClick={() => {
              status.current = k;
            }}
            data-testid={`mark-${k}`}
          >
            {t(k === 'present' ? 'markPresent' : 'markAbsent')}
          </button>
        ))}
      </p>
    </Form>
  );
}

function SessionRow({ s, cohortId, trainees, editor }: { s: TrainingSession; cohortId: number; trainees: StaffTrainee[]; editor: boolean }) {
  const { lang, t } = useI18n();
  return (
    <li data-testid="session-row" data-session-id={s.id}>
      {localText(s.title, lang)} · {formatDateTime(s.startsAt, lang)} · {s.room} · {t('attendanceCounts', { present: s.present, absent: s.absent })}
      {editor && (
        <>
          {' '}
          · <Link href={`/staff/training/sessions/${s.id}/display`}>{t('roomDisplay')}</Link>
          <AttendanceForm s={s} cohortId={cohortId} trainees={trainees} />
        </>
      )}
    </li>
  );
}

function NewSession({ cohortId }: { cohortId: number }) {
  const { t } = useI18n();
  const initial = { title: { ko: '', en: '' }, startsAt: '', endsAt: '', room: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    const ko = v.title.ko.trim();
    await createSession(cohortId, { title: { ko, en: v.title.en.trim() || ko }, startsAt: seoulInputToIso(v.startsAt), endsAt: seoulInputToIso(v.endsAt), room: v.room.trim() });
    await invalidate(keys.staffTrainingCohort(cohortId));
    return t('trSaved');
  };
  return (
    <Form form={form} testId="new-session-form" aria-labelledby="new-session-heading" head={<h3 id="new-session-heading">{t('newSessionHeading')}</h3>} onSubmit={send} reset>
      <BilingualField name="title" labelKo={t('sessionTitleKo')} labelEn={t('sessionTitleEn')} maxLength={200} requiredKo />
      <div className="form-row">
        <DateTimeField name="startsAt" label={t('sessionStarts')} required />
        <DateTimeField name="endsAt" label={t('sessionEnds')} required />
        <TextField name="room" label={t('sessionRoom')} maxLength={200} required />
      </div>
      <Submit className="button" testId="new-session-submit">
        {t('addSession')}
      </Submit>
    </Form>
  );
}

type Scores = Record<string, { pre: string; post: string }>;
/** A trainee's field key (react-hook-form reads a number in a path as an array index). */
const scoreKey = (id: number) => `a${id}`;

function ScoresForm({ cohortId, trainees }: { cohortId: number; trainees: StaffTrainee[] }) {
  const { t } = useI18n();
  const initial: { scores: Scores } = {
    scores: Object.fromEntries(trainees.map((a) => [scoreKey(a.id), { pre: a.preScore?.toString() ?? '', post: a.postScore?.toString() ?? '' }])),
  };
  const form = useKitForm({ defaultValues: initial });
  const score = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : Number(v));
  const range = { min: { value: 0, message: t('scoreRange') }, max: { value: 100, message: t('scoreRange') } };
  const send = async (v: typeof initial) => {
    await recordScores(
      cohortId,
      trainees.map((a) => ({ applicationId: a.id, pre: score(v.scores[scoreKey(a.id)]?.pre), post: score(v.scores[scoreKey(a.id)]?.post) })),
    );
    await invalidate(keys.staffTrainingCohort(cohortId));
    return t('trSaved');
  };
  // Scores stay shown after a save (they are the record, not a new entry).
  return (
    <Form form={form} testId="scores-form" aria-labelledby="scores-heading" head={<h3 id="scores-heading">{t('assessmentScores')}</h3>} onSubmit={send} reset={(sent) => sent}>
      {trainees.map((a) => (
        <div className="form-row" key={a.id}>
          <TextField name={`scores.${scoreKey(a.id)}.pre`} id={`pre-${a.id}`} label={t('preScoreOf', { name: a.name })} type="number" min={0} max={100} rules={range} />
          <TextField name={`scores.${scoreKey(a.id)}.post`} id={`post-${a.id}`} label={t('postScoreOf', { name: a.name })} type="number" min={0} max={100} rules={range} />
        </div>
      ))}
      <Submit className="button" testId="scores-submit">
        {t('saveScores')}
      </Submit>
    </Form>
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
