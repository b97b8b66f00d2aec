/**
 * `/school`: the visiting financial school (찾아가는 금융학교). Shows this year's demand survey
 * and, while it is open, the application form with the consent notice; up to three preferred
 * dates. A submitted application goes to its status page.
 */
import { useState, type FormEvent } from 'react';
import { NotFoundError } from '../api-client.ts';
import { applySchool, consentNotice, currentSchoolSurvey, SCHOOL_LEVELS, type ConsentNotice as Notice, type SchoolLevel, type SchoolSurvey, type Received } from '../education-api.ts';
import { formatDateTime, looksLikeEmail, looksLikePhone, seoulToday } from '../education-format.ts';
import { ConsentNotice } from '../components/ConsentNotice.tsx';
import { ReceivedNotice } from '../components/ReceivedNotice.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { Field } from '../components/staff/Field.tsx';
import { FormAlert } from '../components/staff/Notice.tsx';
import { formErrors, NO_ERRORS } from '../form-errors.ts';
import { useDocumentTitle, useMutation, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n, type MessageKey } from '../i18n.ts';

export const LEVEL_LABELS: Record<SchoolLevel, MessageKey> = {
  elementary: 'levelElementary',
  middle: 'levelMiddle',
  high: 'levelHigh',
  special: 'levelSpecial',
  other: 'levelOther',
};

const FIELDS = ['schoolName', 'level', 'teacherName', 'teacherPhone', 'teacherEmail', 'grade', 'students', 'preferredDates', 'topics', 'consent'] as const;

function ApplicationForm({ notice }: { notice: Notice }) {
  const { lang, t } = useI18n();
  const [v, setV] = useState({ schoolName: '', level: 'elementary' as SchoolLevel, teacherName: '', teacherPhone: '', teacherEmail: '', grade: '', students: '', topics: '' });
  const [dates, setDates] = useState(['', '', '']);
  const [consent, setConsent] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();
  const [received, setReceived] = useState<Received | null>(null);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const gaps: Record<string, string> = {};
    for (const key of ['schoolName', 'teacherName', 'grade', 'topics'] as const) if (!v[key].trim()) gaps[key] = t('required');
    if (!v.teacherPhone.trim()) gaps.teacherPhone = t('required');
    else if (!looksLikePhone(v.teacherPhone)) gaps.teacherPhone = t('phoneInvalid');
    if (v.teacherEmail.trim() && !looksLikeEmail(v.teacherEmail.trim())) gaps.teacherEmail = t('emailInvalid');
    const students = Number(v.students);
    if (!/^\d+$/.test(v.students.trim()) || students < 1) gaps.students = t('studentsInvalid');
    const chosen = dates.filter(Boolean);
    if (chosen.length === 0) gaps.preferredDates = t('preferredDatesRequired');
    else if (new Set(chosen).size !== chosen.length) gaps.preferredDates = t('preferredDatesDistinct');
    if (!consent) gaps.consent = t('consentRequired');
    setLocal(gaps);
    if (Object.keys(gaps).length > 0) return;
    const body = {
      schoolName: v.schoolName.trim(),
      level: v.level,
      teacherName: v.teacherName.trim(),
      teacherPhone: v.teacherPhone.trim(),
      ...(v.teacherEmail.trim() ? { teacherEmail: v.teacherEmail.trim() } : {}),
      grade: v.grade.trim(),
      students,
      preferredDates: chosen,
      topics: v.topics.trim(),
      consent: true as const,
    };
    const created = await mutation.run(() => applySchool(body));
    if (created) setReceived(created);
  };

  if (received) return <ReceivedNotice received={received} />;

  const server = mutation.error ? formErrors(mutation.error, lang, t, FIELDS, { 'preferredDates.0': 'preferredDates', 'preferredDates.1': 'preferredDates', 'preferredDates.2': 'preferredDates' }) : NO_ERRORS;
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };
  const localSummary = Object.keys(local).length > 0 ? t('formHasErrors') : null;
  const today = seoulToday();
  return (
    <form className="staff-form public-form" onSubmit={submit} noValidate data-testid="school-form" aria-labelledby="apply-heading">
      <h2 id="apply-heading">{t('schoolApplyHeading')}</h2>
      <FormAlert message={server.summary ?? localSummary} focus />
      <div className="form-row">
        <Field label={t('schoolName')} error={errors.schoolName}>
          {(props) => <input {...props} name="schoolName" type="text" autoComplete="organization" maxLength={100} value={v.schoolName} onChange={set('schoolName')} />}
        </Field>
        <Field label={t('schoolLevel')} error={errors.level}>
          {(props) => (
            <select {...props} name="level" value={v.level} onChange={set('level')}>
              {SCHOOL_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(LEVEL_LABELS[l])}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('teacherName')} error={errors.teacherName}>
          {(props) => <input {...props} name="teacherName" type="text" autoComplete="name" maxLength={50} value={v.teacherName} onChange={set('teacherName')} />}
        </Field>
        <Field label={t('teacherPhone')} hint={t('phoneHint')} error={errors.teacherPhone}>
          {(props) => <input {...props} name="teacherPhone" type="tel" inputMode="tel" autoComplete="tel" maxLength={20} value={v.teacherPhone} onChange={set('teacherPhone')} />}
        </Field>
      </div>
      <Field label={t('teacherEmailOptional')} hint={t('emailHint')} error={errors.teacherEmail}>
        {(props) => <input {...props} name="teacherEmail" type="email" autoComplete="email" maxLength={200} value={v.teacherEmail} onChange={set('teacherEmail')} />}
      </Field>
      <div className="form-row">
        <Field label={t('grade')} hint={t('gradeHint')} error={errors.grade}>
          {(props) => <input {...props} name="grade" type="text" maxLength={50} value={v.grade} onChange={set('grade')} />}
        </Field>
        <Field label={t('students')} error={errors.students}>
          {(props) => <input {...props} name="students" type="number" inputMode="numeric" min={1} max={10000} value={v.students} onChange={set('students')} />}
        </Field>
      </div>
      <fieldset className={`date-choices${errors.preferredDates ? ' field-invalid' : ''}`} aria-describedby={`dates-hint${errors.preferredDates ? ' dates-error' : ''}`}>
        <legend>{t('preferredDates')}</legend>
        <p className="field-hint" id="dates-hint">
          {t('preferredDatesHint')}
        </p>
        <div className="form-row">
          {dates.map((d, i) => (
            <div className="field" key={i}>
              <label htmlFor={`preferred-${i}`}>{t('preferredDateN', { n: i + 1 })}</label>
              <input
                id={`preferred-${i}`}
                name={`preferredDate${i + 1}`}
                type="date"
                min={today}
                value={d}
                onChange={(e) => setDates((old) => old.map((x, j) => (j === i ? e.target.value : x)))}
              />
            </div>
          ))}
        </div>
        {errors.preferredDates && (
          <p className="field-error" id="dates-error" data-testid="field-error">
            {errors.preferredDates}
          </p>
        )}
      </fieldset>
      <Field label={t('topics')} hint={t('topicsHint')} error={errors.topics}>
        {(props) => <textarea {...props} name="topics" rows={3} maxLength={2000} value={v.topics} onChange={set('topics')} />}
      </Field>
      <ConsentNotice notice={notice} checked={consent} onChange={setConsent} error={errors.consent} />
      <p className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.busy} data-testid="school-submit">
          {t('schoolApplySubmit')}
        </button>
      </p>
    </form>
  );
}

async function load(signal: AbortSignal): Promise<{ survey: SchoolSurvey | null; notice: Notice }> {
  const notice = await consentNotice('school', signal);
  try {
    return { survey: await currentSchoolSurvey(signal), notice };
  } catch (error) {
    if (error instanceof NotFoundError) return { survey: null, notice };
    throw error;
  }
}

export function SchoolPage() {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.school(), load);
  useDocumentTitle(t('schoolTitle'), t('titleSuffix'));
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  return (
    <>
      <h1>{t('schoolTitle')}</h1>
      <p className="lead">{t('schoolIntro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <section className="plan-section" aria-labelledby="survey-heading">
          <h2 id="survey-heading">{t('schoolSurveyHeading')}</h2>
          {state.data.survey ? (
            <>
              <dl className="summary-list facts" data-testid="school-survey">
                <div>
                  <dt>{t('surveyYear')}</dt>
                  <dd>{state.data.survey.year}</dd>
                </div>
                <div>
                  <dt>{t('surveyWindow')}</dt>
                  <dd>
                    {formatDateTime(state.data.survey.opensAt, lang)} – {formatDateTime(state.data.survey.closesAt, lang)}
                  </dd>
                </div>
              </dl>
              {state.data.survey.open ? <ApplicationForm notice={state.data.notice} /> : <p className="read-only-note">{t('schoolSurveyClosed')}</p>}
            </>
          ) : (
            <p data-testid="no-school-survey">{t('noSchoolSurvey')}</p>
          )}
        </section>
      )}
    </>
  );
}
