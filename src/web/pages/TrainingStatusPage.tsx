/**
 * `/training/status/:token`: a trainee's own page — the decision and its reason (or the place on
 * the waiting list), the sessions with their attendance, check-in with the code shown in the room,
 * scores, the course evaluation once it is open, and the certificate. The token is kept in this
 * browser so that scanning the room's QR code (`/training/check-in`) checks the trainee in.
 */
import { useEffect } from 'react';
import { formatDateTime, localText } from '../education-format.ts';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { Link } from '../components/Link.tsx';
import { Form, SelectField, Submit, TextArea, TextField, useKitForm } from '../forms/index.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { invalidate, keys } from '../queries.ts';
import { answerEvaluation, ownCertificateUrl, selfCheckIn, traineeStatus, type TraineeStatus } from '../training-api.ts';

/** Where this browser keeps the trainee's link token, for the room's QR code. */
export const TOKEN_STORE = 'finhub.training.token';

export const TRAINEE_STATUS_LABELS: Record<TraineeStatus['status'], MessageKey> = {
  submitted: 'appSubmitted',
  selected: 'appSelected',
  waitlisted: 'appWaitlisted',
  rejected: 'appRejected',
  withdrawn: 'appWithdrawn',
};

/** Check-in with the room's code, for the sessions not yet attended (made again when that list changes). */
function CheckInForm({ token, sessions }: { token: string; sessions: TraineeStatus['sessions'] }) {
  const open = sessions.filter((s) => s.attendance !== 'present');
  if (!open.length) return null;
  return <CheckInFields key={open.map((s) => s.id).join()} token={token} open={open} />;
}

function CheckInFields({ token, open }: { token: string; open: TraineeStatus['sessions'] }) {
  const { lang, t } = useI18n();
  const initial = { sessionId: String(open[0]!.id), code: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await selfCheckIn(token, Number(v.sessionId), v.code.trim());
    await invalidate(keys.trainee(token));
    return t('trCheckedIn');
  };
  return (
    <Form
      form={form}
      testId="check-in-form"
      aria-labelledby="trainee-check-in-heading"
      head={
        <>
          <h3 id="trainee-check-in-heading">{t('checkInHeading')}</h3>
          <p className="field-hint">{t('checkInHint')}</p>
        </>
      }
      onSubmit={send}
      reset={(sent) => ({ ...sent, code: '' })}
    >
      <div className="form-row">
        <SelectField
          name="sessionId"
          id="check-in-session"
          label={t('sessionTitle')}
          options={open.map((s) => ({ value: String(s.id), label: `${localText(s.title, lang)} (${formatDateTime(s.startsAt, lang)})` }))}
        />
        <TextField
          name="code"
          id="check-in-code"
          label={t('checkInCode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          rules={{ pattern: { value: /^\s*\d{6}\s*$/, message: t('checkInCodeDigits') } }}
        />
      </div>
      <Submit className="button" testId="check-in-submit">
        {t('checkInSubmit')}
      </Submit>
    </Form>
  );
}

const RATINGS = ['overall', 'content', 'instructor', 'jobRelevance'] as const;
const RATING_LABELS: Record<(typeof RATINGS)[number], MessageKey> = {
  overall: 'evalOverall',
  content: 'evalContent',
  instructor: 'evalInstructor',
  jobRelevance: 'evalJobRelevance',
};
const SCORES = [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: String(n) }));

function EvaluationForm({ token }: { token: string }) {
  const { t } = useI18n();
  const initial = { overall: '5', content: '5', instructor: '5', jobRelevance: '5', comment: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    const comment = v.comment.trim();
    await answerEvaluation(token, {
      overall: Number(v.overall),
      content: Number(v.content),
      instructor: Number(v.instructor),
      jobRelevance: Number(v.jobRelevance),
      ...(comment ? { comment } : {}),
    });
    await invalidate(keys.trainee(token));
    return t('evaluationThanks');
  };
  return (
    <Form form={form} testId="evaluation-form" aria-labelledby="evaluation-heading" head={<h3 id="evaluation-heading">{t('evaluationHeading')}</h3>} onSubmit={send} reset>
      {RATINGS.map((k) => (
        <SelectField key={k} name={k} id={`eval-${k}`} label={t(RATING_LABELS[k])} options={SCORES} />
      ))}
      <TextArea name="comment" id="eval-comment" label={t('evalComment')} rows={3} maxLength={2000} />
      <Submit className="button" testId="evaluation-submit">
        {t('evaluationSubmit')}
      </Submit>
    </Form>
  );
}

export function TrainingStatusPage({ token }: { token: string }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.trainee(token), (signal) => traineeStatus(token, signal));
  useDocumentTitle(t('traineeTitle'), t('titleSuffix'));
  const selected = state.status === 'ok' && state.data.status === 'selected';
  useEffect(() => {
    if (selected) localStorage.setItem(TOKEN_STORE, token);
  }, [selected, token]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const s = state.data;
  return (
    <>
      <h1>{t('traineeTitle')}</h1>
      <dl className="summary-list facts" data-testid="trainee-facts">
        <div>
          <dt>{t('applicantName')}</dt>
          <dd>{s.name}</dd>
        </div>
        <div>
          <dt>{t('trainingCourse')}</dt>
          <dd>
            {localText(s.cohort.course, lang)} {s.cohort.name} ({s.cohort.startsOn} – {s.cohort.endsOn})
          </dd>
        </div>
        <div>
          <dt>{t('applicationStatus')}</dt>
          <dd>
            <span className={`badge app-status app-${s.status}`} data-testid="trainee-status" data-status={s.status}>
              {t(TRAINEE_STATUS_LABELS[s.status])}
            </span>
            {s.waitlistPosition != null && <> · {t('waitlistPositionValue', { n: s.waitlistPosition })}</>}
          </dd>
        </div>
        {s.decisionReason && (
          <div>
            <dt>{t('decisionReason')}</dt>
            <dd data-testid="trainee-reason">{s.decisionReason}</dd>
          </div>
        )}
        {(s.scores.pre != null || s.scores.post != null) && (
          <div>
            <dt>{t('assessmentScores')}</dt>
            <dd>{t('scoresValue', { pre: s.scores.pre ?? '–', post: s.scores.post ?? '–' })}</dd>
          </div>
        )}
      </dl>
      {s.sessions.length > 0 && (
        <section className="plan-section" aria-labelledby="trainee-sessions">
          <h2 id="trainee-sessions">{t('trainingSessions')}</h2>
          <ul className="plain-list" data-testid="trainee-sessions">
            {s.sessions.map((x) => (
              <li key={x.id} data-attendance={x.attendance ?? 'none'}>
                {localText(x.title, lang)} · {formatDateTime(x.startsAt, lang)} · {x.room} —{' '}
                {x.attendance === 'present' ? t('attPresent') : x.attendance === 'absent' ? t('attAbsent') : t('attNone')}
              </li>
            ))}
          </ul>
          <CheckInForm token={token} sessions={s.sessions} />
        </section>
      )}
      {s.evaluation === 'open' && <EvaluationForm token={token} />}
      {s.evaluation === 'answered' && <p data-testid="evaluation-answered">{t('evaluationAnswered')}</p>}
      {s.certificate && (
        <section className="plan-section" aria-labelledby="trainee-cert">
          <h2 id="trainee-cert">{t('certificateHeading')}</h2>
          {s.certificate.valid ? (
            <p>
              <a href={ownCertificateUrl(token)} data-testid="own-certificate">
                {t('downloadCertificate')}
              </a>{' '}
              · <Link href={`/certificates/${s.certificate.code}`}>{s.certificate.code}</Link>
            </p>
          ) : (
            <p>{t('certificateRevoked')}</p>
          )}
        </section>
      )}
    </>
  );
}
