/**
 * `/training/status/:token`: a trainee's own page — the decision and its reason (or the place on
 * the waiting list), the sessions with their attendance, check-in with the code shown in the room,
 * scores, the course evaluation once it is open, and the certificate. The token is kept in this
 * browser so that scanning the room's QR code (`/training/check-in`) checks the trainee in.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../api-client.ts';
import { formatDateTime, localText } from '../education-format.ts';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { Link } from '../components/Link.tsx';
import { FormAlert, StatusMessage } from '../forms/index.ts';
import { useDocumentTitle, useLoad, useMutation } from '../hooks.ts';
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

const errorText = (error: unknown, lang: 'ko' | 'en', fallback: string) => (error instanceof ApiError ? error.describe(lang) : error ? fallback : null);

function CheckInForm({ token, sessions }: { token: string; sessions: TraineeStatus['sessions'] }) {
  const { lang, t } = useI18n();
  const open = sessions.filter((s) => s.attendance !== 'present');
  const [sessionId, setSessionId] = useState(open[0]?.id ?? 0);
  const [code, setCode] = useState('');
  const m = useMutation();
  if (!open.length) return null;
  return (
    <form
      className="staff-form"
      data-testid="check-in-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await m.run(() => selfCheckIn(token, sessionId, code.trim()), t('trCheckedIn'));
        if (r) await invalidate(keys.trainee(token));
      }}
    >
      <h3>{t('checkInHeading')}</h3>
      <p className="field-hint">{t('checkInHint')}</p>
      <div className="form-row">
        <div className="field">
          <label htmlFor="check-in-session">{t('sessionTitle')}</label>
          <select id="check-in-session" value={sessionId} onChange={(e) => setSessionId(Number(e.target.value))}>
            {open.map((s) => (
              <option key={s.id} value={s.id}>
                {localText(s.title, lang)} ({formatDateTime(s.startsAt, lang)})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="check-in-code">{t('checkInCode')}</label>
          <input id="check-in-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
      </div>
      <FormAlert message={errorText(m.error, lang, t('unexpectedError'))} />
      <StatusMessage message={m.done} />
      <button type="submit" className="button" disabled={m.busy} data-testid="check-in-submit">
        {t('checkInSubmit')}
      </button>
    </form>
  );
}

const RATINGS = ['overall', 'content', 'instructor', 'jobRelevance'] as const;
const RATING_LABELS: Record<(typeof RATINGS)[number], MessageKey> = {
  overall: 'evalOverall',
  content: 'evalContent',
  instructor: 'evalInstructor',
  jobRelevance: 'evalJobRelevance',
};

function EvaluationForm({ token }: { token: string }) {
  const { lang, t } = useI18n();
  const [values, setValues] = useState<Record<(typeof RATINGS)[number], number>>({ overall: 5, content: 5, instructor: 5, jobRelevance: 5 });
  const [comment, setComment] = useState('');
  const m = useMutation();
  return (
    <form
      className="staff-form"
      data-testid="evaluation-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await m.run(() => answerEvaluation(token, { ...values, ...(comment.trim() ? { comment: comment.trim() } : {}) }), t('evaluationThanks'));
        if (r) await invalidate(keys.trainee(token));
      }}
    >
      <h3>{t('evaluationHeading')}</h3>
      {RATINGS.map((k) => (
        <div className="field" key={k}>
          <label htmlFor={`eval-${k}`}>{t(RATING_LABELS[k])}</label>
          <select id={`eval-${k}`} value={values[k]} onChange={(e) => setValues({ ...values, [k]: Number(e.target.value) })}>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="field">
        <label htmlFor="eval-comment">{t('evalComment')}</label>
        <textarea id="eval-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <FormAlert message={errorText(m.error, lang, t('unexpectedError'))} />
      <StatusMessage message={m.done} />
      <button type="submit" className="button" disabled={m.busy} data-testid="evaluation-submit">
        {t('evaluationSubmit')}
      </button>
    </form>
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
