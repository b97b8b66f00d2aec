/**
 * Managers edit a plan's header (PATCH /api/plans/:id): pledge, title, category and number,
 * period, expected effects (one per line). Only changed fields are sent.
 */
import { useState, type FormEvent } from 'react';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { updatePlanHeader, type PlanHeader, type StaffPlan } from '../../staff-api.ts';
import { Field } from './Field.tsx';
import { FormAlert, StatusMessage } from './Notice.tsx';

const FIELDS = ['pledge', 'title', 'category', 'number', 'period', 'period.start', 'period.end', 'effects'] as const;

export function PlanHeaderForm({ plan, onSaved }: { plan: StaffPlan; onSaved: () => void }) {
  const { lang, t } = useI18n();
  const [pledge, setPledge] = useState(plan.pledge);
  const [title, setTitle] = useState(plan.title);
  const [category, setCategory] = useState(plan.category);
  const [number, setNumber] = useState(String(plan.number));
  const [start, setStart] = useState(String(plan.period.start));
  const [end, setEnd] = useState(String(plan.period.end));
  const [effects, setEffects] = useState(plan.effects.join('\n'));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string | null>(null);
  const mutation = useMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    setNote(null);
    const errors: Record<string, string> = {};
    const body: PlanHeader = {};
    for (const [key, value, old] of [
      ['pledge', pledge, plan.pledge],
      ['title', title, plan.title],
      ['category', category, plan.category],
    ] as const) {
      if (!value.trim()) errors[key] = t('required');
      else if (value.trim() !== old) body[key] = value.trim();
    }
    if (!/^\d+$/.test(number.trim())) errors.number = t('wholeNumber');
    else if (Number(number) !== plan.number) body.number = Number(number);
    if (!/^\d{4}$/.test(start.trim()) || !/^\d{4}$/.test(end.trim()) || Number(start) > Number(end)) errors.period = t('periodInvalid');
    else if (Number(start) !== plan.period.start || Number(end) !== plan.period.end) body.period = { start: Number(start), end: Number(end) };
    const lines = effects.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.join('\n') !== plan.effects.join('\n')) body.effects = lines;
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    if (Object.keys(body).length === 0) {
      setNote(t('nothingChangedPlan'));
      return;
    }
    if (await mutation.run(() => updatePlanHeader(plan.id, body), t('planSaved'))) onSaved();
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, FIELDS) : NO_ERRORS;
  const errors = { ...server.fields, ...local };
  const periodError = errors.period ?? errors['period.start'] ?? errors['period.end'];
  return (
    <details className="disclosure" data-testid="plan-header">
      <summary>{t('editPlan')}</summary>
      <form className="staff-form disclosure-body" onSubmit={submit} noValidate>
        <FormAlert message={server.summary ?? note} />
        <Field label={t('pledgeLabel')} error={errors.pledge}>
          {(props) => <input {...props} type="text" maxLength={300} value={pledge} onChange={(e) => setPledge(e.target.value)} />}
        </Field>
        <Field label={t('planTitleLabel')} error={errors.title}>
          {(props) => <input {...props} type="text" maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <div className="form-row">
          <Field label={t('categoryLabel')} error={errors.category}>
            {(props) => <input {...props} type="text" maxLength={50} value={category} onChange={(e) => setCategory(e.target.value)} />}
          </Field>
          <Field label={t('numberLabel')} error={errors.number}>
            {(props) => <input {...props} type="text" inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} />}
          </Field>
          <Field label={t('periodStart')} error={periodError}>
            {(props) => <input {...props} type="text" inputMode="numeric" maxLength={4} value={start} onChange={(e) => setStart(e.target.value)} />}
          </Field>
          <Field label={t('periodEnd')}>
            {(props) => <input {...props} type="text" inputMode="numeric" maxLength={4} value={end} onChange={(e) => setEnd(e.target.value)} />}
          </Field>
        </div>
        <Field label={t('effects')} hint={t('effectsHint')} error={errors.effects}>
          {(props) => <textarea {...props} rows={4} value={effects} onChange={(e) => setEffects(e.target.value)} />}
        </Field>
        <p className="form-actions">
          <button type="submit" className="button-secondary" disabled={mutation.busy}>
            {t('savePlan')}
          </button>
        </p>
        <StatusMessage message={mutation.done} />
      </form>
    </details>
  );
}
