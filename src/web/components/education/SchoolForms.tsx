/** Staff forms for the visiting school: a demand survey, a decision, a class, a class's result. */
import { useState, type FormEvent } from 'react';
import { createSchoolSurvey, decide, recordClass, scheduleClass, type SchoolClass } from '../../education-api.ts';
import { seoulInputToIso, seoulYear } from '../../education-format.ts';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { Field } from '../staff/Field.tsx';
import { FormAlert, StatusMessage } from '../staff/Notice.tsx';

export function SurveyForm({ onSaved }: { onSaved: () => void }) {
  const { lang, t } = useI18n();
  const [v, setV] = useState({ year: String(seoulYear()), opensAt: '', closesAt: '', targetSchools: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const gaps: Record<string, string> = {};
    if (!/^\d{4}$/.test(v.year)) gaps.year = t('yearInvalid');
    if (!seoulInputToIso(v.opensAt)) gaps.opensAt = t('required');
    if (!seoulInputToIso(v.closesAt)) gaps.closesAt = t('required');
    else if (!gaps.opensAt && seoulInputToIso(v.closesAt) <= seoulInputToIso(v.opensAt)) gaps.closesAt = t('closeAfterOpen');
    if (!/^\d+$/.test(v.targetSchools) || Number(v.targetSchools) < 1) gaps.targetSchools = t('targetInvalid');
    setLocal(gaps);
    if (Object.keys(gaps).length) return;
    const body = { year: Number(v.year), opensAt: seoulInputToIso(v.opensAt), closesAt: seoulInputToIso(v.closesAt), targetSchools: Number(v.targetSchools) };
    if (await mutation.run(() => createSchoolSurvey(body), t('schoolSurveyCreated', { year: body.year }))) onSaved();
  };
  const server = mutation.error ? formErrors(mutation.error, lang, t, ['year', 'opensAt', 'closesAt', 'targetSchools']) : NO_ERRORS;
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };
  return (
    <form className="staff-form" onSubmit={submit} noValidate data-testid="school-survey-form" aria-labelledby="survey-form-heading">
      <h2 id="survey-form-heading">{t('newSchoolSurvey')}</h2>
      <FormAlert message={server.summary} />
      <div className="form-row">
        <Field label={t('surveyYear')} error={errors.year}>
          {(props) => <input {...props} name="year" type="number" inputMode="numeric" value={v.year} onChange={set('year')} />}
        </Field>
        <Field label={t('targetSchools')} error={errors.targetSchools}>
          {(props) => <input {...props} name="targetSchools" type="number" inputMode="numeric" min={1} value={v.targetSchools} onChange={set('targetSchools')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('surveyOpensAt')} hint={t('seoulTimeHint')} error={errors.opensAt}>
          {(props) => <input {...props} name="opensAt" type="datetime-local" value={v.opensAt} onChange={set('opensAt')} />}
        </Field>
        <Field label={t('surveyClosesAt')} hint={t('seoulTimeHint')} error={errors.closesAt}>
          {(props) => <input {...props} name="closesAt" type="datetime-local" value={v.closesAt} onChange={set('closesAt')} />}
        </Field>
      </div>
      <p className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.busy}>
          {t('createSchoolSurvey')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}

export function DecisionForm({ applicationId, schoolName, onSaved }: { applicationId: number; schoolName: string; onSaved: () => void }) {
  const { lang, t } = useI18n();
  const [decision, setDecision] = useState<'selected' | 'rejected' | ''>('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const gaps: Record<string, string> = {};
    if (!decision) gaps.decision = t('required');
    if (!reason.trim()) gaps.reason = t('reasonRequired');
    setLocal(gaps);
    if (Object.keys(gaps).length || !decision) return;
    if (await mutation.run(() => decide(applicationId, { decision, reason: reason.trim() }), t('decisionSaved', { school: schoolName }))) onSaved();
  };
  const server = mutation.error ? formErrors(mutation.error, lang, t, ['decision', 'reason']) : NO_ERRORS;
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };
  return (
    <form className="staff-form compact-form" onSubmit={submit} noValidate data-testid="decision-form" aria-label={t('decisionFor', { school: schoolName })}>
      <FormAlert message={server.summary} />
      <div className="form-row">
        <Field label={t('decision')} error={errors.decision}>
          {(props) => (
            <select {...props} name="decision" value={decision} onChange={(e) => setDecision(e.target.value as typeof decision)}>
              <option value="">{t('chooseDecision')}</option>
              <option value="selected">{t('decisionSelect')}</option>
              <option value="rejected">{t('decisionReject')}</option>
            </select>
          )}
        </Field>
        <Field label={t('decisionReason')} error={errors.reason}>
          {(props) => <textarea {...props} name="reason" rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      </div>
      <p className="form-actions">
        <button type="submit" className="button-primary button-small" disabled={mutation.busy} data-testid="decision-submit">
          {t('saveDecision')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}

export function ClassForm({ applicationId, schoolName, onSaved }: { applicationId: number; schoolName: string; onSaved: () => void }) {
  const { lang, t } = useI18n();
  const [v, setV] = useState({ heldOn: '', lecturer: '', classes: '1' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const gaps: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.heldOn)) gaps.heldOn = t('required');
    if (!v.lecturer.trim()) gaps.lecturer = t('required');
    if (!/^\d+$/.test(v.classes) || Number(v.classes) < 1) gaps.classes = t('classesInvalid');
    setLocal(gaps);
    if (Object.keys(gaps).length) return;
    const body = { heldOn: v.heldOn, lecturer: v.lecturer.trim(), classes: Number(v.classes) };
    if (await mutation.run(() => scheduleClass(applicationId, body), t('classScheduled', { school: schoolName }))) onSaved();
  };
  const server = mutation.error ? formErrors(mutation.error, lang, t, ['heldOn', 'lecturer', 'classes']) : NO_ERRORS;
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };
  return (
    <form className="staff-form compact-form" onSubmit={submit} noValidate data-testid="class-form" aria-label={t('scheduleClassFor', { school: schoolName })}>
      <h4>{t('scheduleClass')}</h4>
      <FormAlert message={server.summary} />
      <div className="form-row">
        <Field label={t('heldOn')} error={errors.heldOn}>
          {(props) => <input {...props} name="heldOn" type="date" value={v.heldOn} onChange={set('heldOn')} />}
        </Field>
        <Field label={t('sessionLecturer')} error={errors.lecturer}>
          {(props) => <input {...props} name="lecturer" type="text" maxLength={200} value={v.lecturer} onChange={set('lecturer')} />}
        </Field>
        <Field label={t('classCount')} error={errors.classes}>
          {(props) => <input {...props} name="classes" type="number" inputMode="numeric" min={1} value={v.classes} onChange={set('classes')} />}
        </Field>
      </div>
      <p className="form-actions">
        <button type="submit" className="button-primary button-small" disabled={mutation.busy} data-testid="class-submit">
          {t('scheduleClass')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}

export function ResultForm({ schoolClass, onSaved }: { schoolClass: SchoolClass & { id: number }; onSaved: () => void }) {
  const { lang, t } = useI18n();
  const [v, setV] = useState({ studentsReached: schoolClass.studentsReached != null ? String(schoolClass.studentsReached) : '', notes: schoolClass.notes ?? '', evidenceUrl: schoolClass.evidenceUrl ?? '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const gaps: Record<string, string> = {};
    if (!/^\d+$/.test(v.studentsReached)) gaps.studentsReached = t('studentsInvalid');
    setLocal(gaps);
    if (Object.keys(gaps).length) return;
    const body = { studentsReached: Number(v.studentsReached), ...(v.notes.trim() ? { notes: v.notes.trim() } : {}), ...(v.evidenceUrl.trim() ? { evidenceUrl: v.evidenceUrl.trim() } : {}) };
    if (await mutation.run(() => recordClass(schoolClass.id, body), t('resultRecorded'))) onSaved();
  };
  const server = mutation.error ? formErrors(mutation.error, lang, t, ['studentsReached', 'notes', 'evidenceUrl']) : NO_ERRORS;
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };
  return (
    <form className="staff-form compact-form" onSubmit={submit} noValidate data-testid="result-form" aria-label={t('recordResultFor', { date: schoolClass.heldOn })}>
      <FormAlert message={server.summary} />
      <div className="form-row">
        <Field label={t('studentsReached')} error={errors.studentsReached}>
          {(props) => <input {...props} name="studentsReached" type="number" inputMode="numeric" min={0} value={v.studentsReached} onChange={set('studentsReached')} />}
        </Field>
        <Field label={t('evidenceUrl')} error={errors.evidenceUrl}>
          {(props) => <input {...props} name="evidenceUrl" type="url" maxLength={500} value={v.evidenceUrl} onChange={set('evidenceUrl')} />}
        </Field>
      </div>
      <Field label={t('classNotes')} error={errors.notes}>
        {(props) => <textarea {...props} name="notes" rows={2} maxLength={2000} value={v.notes} onChange={set('notes')} />}
      </Field>
      <p className="form-actions">
        <button type="submit" className="button-secondary button-small" disabled={mutation.busy} data-testid="result-submit">
          {t('recordResult')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}
