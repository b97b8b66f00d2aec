/** Staff forms for the visiting school: a demand survey, a decision, a class, a class's result. */
import { createSchoolSurvey, decide, recordClass, scheduleClass, type SchoolClass } from '../../education-api.ts';
import { seoulInputToIso, seoulYear } from '../../education-format.ts';
import { DateTimeField, Form, SelectField, Submit, TextArea, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';

const wholeNumber = (v: string, min: number) => /^\d+$/.test(v.trim()) && Number(v) >= min;

export function SurveyForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { year: String(seoulYear()), opensAt: '', closesAt: '', targetSchools: '' } });
  const closesAfter = (v: string, all: object) => {
    const opens = seoulInputToIso((all as { opensAt: string }).opensAt);
    return !opens || seoulInputToIso(v) > opens || t('closeAfterOpen');
  };
  return (
    <Form
      form={form}
      testId="school-survey-form"
      aria-labelledby="survey-form-heading"
      head={<h2 id="survey-form-heading">{t('newSchoolSurvey')}</h2>}
      onSubmit={async (v) => {
        const body = { year: Number(v.year), opensAt: seoulInputToIso(v.opensAt), closesAt: seoulInputToIso(v.closesAt), targetSchools: Number(v.targetSchools) };
        await createSchoolSurvey(body);
        onSaved();
        return t('schoolSurveyCreated', { year: body.year });
      }}
    >
      <div className="form-row">
        <TextField name="year" label={t('surveyYear')} type="number" inputMode="numeric" rules={{ validate: (v: string) => /^\d{4}$/.test(v) || t('yearInvalid') }} />
        <TextField
          name="targetSchools"
          label={t('targetSchools')}
          type="number"
          inputMode="numeric"
          min={1}
          rules={{ validate: (v: string) => wholeNumber(v, 1) || t('targetInvalid') }}
        />
      </div>
      <div className="form-row">
        <DateTimeField name="opensAt" label={t('surveyOpensAt')} required />
        <DateTimeField name="closesAt" label={t('surveyClosesAt')} required rules={{ validate: { after: closesAfter } }} />
      </div>
      <Submit>{t('createSchoolSurvey')}</Submit>
    </Form>
  );
}

export function DecisionForm({ applicationId, schoolName, onSaved }: { applicationId: number; schoolName: string; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { decision: '' as 'selected' | 'rejected' | '', reason: '' } });
  return (
    <Form
      form={form}
      className="staff-form compact-form"
      testId="decision-form"
      aria-label={t('decisionFor', { school: schoolName })}
      onSubmit={async ({ decision, reason }) => {
        if (!decision) return;
        await decide(applicationId, { decision, reason: reason.trim() });
        onSaved();
        return t('decisionSaved', { school: schoolName });
      }}
    >
      <div className="form-row">
        <SelectField
          name="decision"
          label={t('decision')}
          placeholder={t('chooseDecision')}
          options={[
            { value: 'selected', label: t('decisionSelect') },
            { value: 'rejected', label: t('decisionReject') },
          ]}
          required
        />
        <TextArea name="reason" label={t('decisionReason')} rows={2} maxLength={1000} rules={{ validate: (v: string) => v.trim() !== '' || t('reasonRequired') }} />
      </div>
      <Submit className="button-primary button-small" testId="decision-submit">
        {t('saveDecision')}
      </Submit>
    </Form>
  );
}

export function ClassForm({ applicationId, schoolName, onSaved }: { applicationId: number; schoolName: string; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { heldOn: '', lecturer: '', classes: '1' } });
  return (
    <Form
      form={form}
      className="staff-form compact-form"
      testId="class-form"
      aria-label={t('scheduleClassFor', { school: schoolName })}
      head={<h4>{t('scheduleClass')}</h4>}
      onSubmit={async (v) => {
        await scheduleClass(applicationId, { heldOn: v.heldOn, lecturer: v.lecturer.trim(), classes: Number(v.classes) });
        onSaved();
        return t('classScheduled', { school: schoolName });
      }}
    >
      <div className="form-row">
        <TextField name="heldOn" label={t('heldOn')} type="date" rules={{ validate: (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) || t('required') }} />
        <TextField name="lecturer" label={t('sessionLecturer')} maxLength={200} required />
        <TextField name="classes" label={t('classCount')} type="number" inputMode="numeric" min={1} rules={{ validate: (v: string) => wholeNumber(v, 1) || t('classesInvalid') }} />
      </div>
      <Submit className="button-primary button-small" testId="class-submit">
        {t('scheduleClass')}
      </Submit>
    </Form>
  );
}

export function ResultForm({ schoolClass, onSaved }: { schoolClass: SchoolClass & { id: number }; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({
    defaultValues: {
      studentsReached: schoolClass.studentsReached != null ? String(schoolClass.studentsReached) : '',
      notes: schoolClass.notes ?? '',
      evidenceUrl: schoolClass.evidenceUrl ?? '',
    },
  });
  return (
    <Form
      form={form}
      className="staff-form compact-form"
      testId="result-form"
      aria-label={t('recordResultFor', { date: schoolClass.heldOn })}
      onSubmit={async (v) => {
        const body = {
          studentsReached: Number(v.studentsReached),
          ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
          ...(v.evidenceUrl.trim() ? { evidenceUrl: v.evidenceUrl.trim() } : {}),
        };
        await recordClass(schoolClass.id, body);
        onSaved();
        return t('resultRecorded');
      }}
    >
      <div className="form-row">
        <TextField
          name="studentsReached"
          label={t('studentsReached')}
          type="number"
          inputMode="numeric"
          min={0}
          rules={{ validate: (v: string) => wholeNumber(v, 0) || t('studentsInvalid') }}
        />
        <TextField name="evidenceUrl" label={t('evidenceUrl')} type="url" maxLength={500} />
      </div>
      <TextArea name="notes" label={t('classNotes')} rows={2} maxLength={2000} />
      <Submit className="button-secondary button-small" testId="result-submit">
        {t('recordResult')}
      </Submit>
    </Form>
  );
}
