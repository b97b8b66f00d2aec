/**
 * `/school`: the visiting financial school (찾아가는 금융학교). Shows this year's demand survey
 * and, while it is open, the application form with the consent notice; up to three preferred
 * dates. A submitted application goes to its status page.
 */
import { useState } from 'react';
import { NotFoundError } from '../api-client.ts';
import {
  applySchool,
  consentNotice,
  currentSchoolSurvey,
  SCHOOL_LEVELS,
  type ConsentNotice as Notice,
  type SchoolLevel,
  type SchoolSurvey,
  type Received,
} from '../education-api.ts';
import { formatDateTime, seoulToday } from '../education-format.ts';
import { ReceivedNotice } from '../components/ReceivedNotice.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { ConsentField, ControlledField, EmailField, Form, formatPhone, PhoneField, SelectField, Submit, TextArea, TextField, useKitForm } from '../forms/index.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n, type MessageKey } from '../i18n.ts';

export const LEVEL_LABELS: Record<SchoolLevel, MessageKey> = {
  elementary: 'levelElementary',
  middle: 'levelMiddle',
  high: 'levelHigh',
  special: 'levelSpecial',
  other: 'levelOther',
};

/** Up to three preferred dates (the form field `preferredDates`, three date inputs). */
function PreferredDates() {
  const { t } = useI18n();
  const today = seoulToday();
  const check = (dates: string[]) => {
    const chosen = dates.filter(Boolean);
    if (chosen.length === 0) return t('preferredDatesRequired');
    return new Set(chosen).size === chosen.length || t('preferredDatesDistinct');
  };
  return (
    <ControlledField<string[]>
      name="preferredDates"
      rules={{ validate: check }}
      render={({ value, onChange, error, id }) => (
        <fieldset className={`date-choices${error ? ' field-invalid' : ''}`} aria-describedby={`dates-hint${error ? ' dates-error' : ''}`}>
          <legend>{t('preferredDates')}</legend>
          <p className="field-hint" id="dates-hint">
            {t('preferredDatesHint')}
          </p>
          <div className="form-row">
            {value.map((d, i) => (
              <div className="field" key={i}>
                <label htmlFor={i === 0 ? id : `${id}-${i}`}>{t('preferredDateN', { n: i + 1 })}</label>
                <input
                  id={i === 0 ? id : `${id}-${i}`}
                  name={`preferredDate${i + 1}`}
                  type="date"
                  min={today}
                  value={d}
                  onChange={(e) => onChange(value.map((x, j) => (j === i ? e.target.value : x)))}
                />
              </div>
            ))}
          </div>
          {error && (
            <p className="field-error" id="dates-error" data-testid="field-error">
              {error}
            </p>
          )}
        </fieldset>
      )}
    />
  );
}

function ApplicationForm({ notice }: { notice: Notice }) {
  const { t } = useI18n();
  const [received, setReceived] = useState<Received | null>(null);
  const form = useKitForm({
    defaultValues: {
      schoolName: '',
      level: 'elementary' as SchoolLevel,
      teacherName: '',
      teacherPhone: '',
      teacherEmail: '',
      grade: '',
      students: '',
      preferredDates: ['', '', ''],
      topics: '',
      consent: false,
    },
    aliases: { 'preferredDates.0': 'preferredDates', 'preferredDates.1': 'preferredDates', 'preferredDates.2': 'preferredDates' },
  });
  if (received) return <ReceivedNotice received={received} />;
  return (
    <Form
      form={form}
      className="staff-form public-form"
      testId="school-form"
      aria-labelledby="apply-heading"
      status={false}
      head={<h2 id="apply-heading">{t('schoolApplyHeading')}</h2>}
      onSubmit={async (v) => {
        const body = {
          schoolName: v.schoolName.trim(),
          level: v.level,
          teacherName: v.teacherName.trim(),
          teacherPhone: formatPhone(v.teacherPhone),
          ...(v.teacherEmail.trim() ? { teacherEmail: v.teacherEmail.trim() } : {}),
          grade: v.grade.trim(),
          students: Number(v.students),
          preferredDates: v.preferredDates.filter(Boolean),
          topics: v.topics.trim(),
          // ConsentField refuses an unticked box before submit; the value sent is the box's own.
          consent: v.consent as true,
        };
        setReceived(await applySchool(body));
      }}
    >
      <div className="form-row">
        <TextField name="schoolName" label={t('schoolName')} autoComplete="organization" maxLength={100} required />
        <SelectField name="level" label={t('schoolLevel')} options={SCHOOL_LEVELS.map((l) => ({ value: l, label: t(LEVEL_LABELS[l]) }))} />
      </div>
      <div className="form-row">
        <TextField name="teacherName" label={t('teacherName')} autoComplete="name" maxLength={50} required />
        <PhoneField name="teacherPhone" label={t('teacherPhone')} maxLength={20} />
      </div>
      <EmailField name="teacherEmail" label={t('teacherEmailOptional')} />
      <div className="form-row">
        <TextField name="grade" label={t('grade')} hint={t('gradeHint')} maxLength={50} required />
        <TextField
          name="students"
          label={t('students')}
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          rules={{ validate: (v: string) => (/^\d+$/.test(v.trim()) && Number(v) >= 1) || t('studentsInvalid') }}
        />
      </div>
      <PreferredDates />
      <TextArea name="topics" label={t('topics')} hint={t('topicsHint')} rows={3} maxLength={2000} required />
      <ConsentField notice={notice} />
      <Submit testId="school-submit">{t('schoolApplySubmit')}</Submit>
    </Form>
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
