/** Staff entry of a year's survey results (managers) and the improvement items with their quarterly checks. */
import { seoulYear } from '../../education-format.ts';
import { Form, SelectField, Submit, TextArea, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { checkImprovement, createImprovement, FEEDBACK_CATEGORIES, type Improvement, saveSurvey } from '../../settlement-api.ts';
import type { Department } from '../../staff-api.ts';
import { departmentLabel } from '../../departments.ts';
import { CATEGORY_LABELS, IMPROVEMENT_STATUS_LABELS, KIND_LABELS } from './labels.ts';

const KINDS: Improvement['kind'][] = ['transport_route', 'commuter_bus', 'housing_support', 'other'];
const STATUSES: Improvement['status'][] = ['planned', 'in_progress', 'done', 'on_hold'];
const percent = (v: string) => v.trim() === '' || (/^\d{1,3}(\.\d)?$/.test(v.trim()) && Number(v) <= 100);

export function SurveyEntryForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({
    defaultValues: { year: String(seoulYear()), respondents: '', ...Object.fromEntries(FEEDBACK_CATEGORIES.map((c) => [c, ''])) } as Record<string, string>,
  });
  return (
    <Form
      form={form}
      testId="survey-entry-form"
      head={<h3>{t('staffSurveyHeading')}</h3>}
      onSubmit={async (v) => {
        const results = FEEDBACK_CATEGORIES.filter((c) => (v[c] ?? '').trim() !== '').map((c) => ({ topic: c, satisfied: Number(v[c]) }));
        if (results.length === 0) throw new Error(t('staffSurveyNoResults'));
        await saveSurvey(Number(v.year), { respondents: Number(v.respondents), results });
        onSaved();
        return t('staffSurveySaved', { year: v.year ?? '' });
      }}
    >
      <div className="form-row">
        <TextField name="year" label={t('staffSurveyYear')} type="number" inputMode="numeric" rules={{ validate: (v: string) => /^\d{4}$/.test(v) || t('yearInvalid') }} />
        <TextField
          name="respondents"
          label={t('staffRespondents')}
          type="number"
          inputMode="numeric"
          rules={{ validate: (v: string) => /^\d+$/.test(v.trim()) || t('staffNumberInvalid') }}
        />
      </div>
      <div className="form-row">
        {FEEDBACK_CATEGORIES.map((c) => (
          <TextField
            key={c}
            name={c}
            label={t('staffSatisfied', { topic: t(CATEGORY_LABELS[c]) })}
            inputMode="decimal"
            rules={{ validate: (v: string) => percent(v) || t('staffPercentInvalid') }}
          />
        ))}
      </div>
      <Submit testId="survey-entry-submit">{t('staffSurveySubmit')}</Submit>
    </Form>
  );
}

export function ImprovementForm({ departments, onSaved }: { departments: Department[]; onSaved: () => void }) {
  const { lang, t } = useI18n();
  const form = useKitForm({ defaultValues: { kind: 'commuter_bus', title: '', departmentId: '' } });
  return (
    <Form
      form={form}
      testId="improvement-form"
      head={<h3>{t('staffImprovementSubmit')}</h3>}
      onSubmit={async (v) => {
        await createImprovement({ kind: v.kind as Improvement['kind'], title: v.title.trim(), departmentId: v.departmentId ? Number(v.departmentId) : null });
        form.reset();
        onSaved();
        return t('staffImprovementSaved');
      }}
    >
      <div className="form-row">
        <SelectField name="kind" label={t('staffImprovementKind')} options={KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))} />
        <SelectField
          name="departmentId"
          label={t('staffAssignTo')}
          placeholder={t('staffChooseDepartment')}
          options={departments.map((d) => ({ value: String(d.id), label: departmentLabel(d, lang) }))}
        />
      </div>
      <TextField name="title" label={t('staffImprovementTitle')} maxLength={200} required />
      <Submit>{t('staffImprovementSubmit')}</Submit>
    </Form>
  );
}

export function CheckForm({ item, onSaved }: { item: Improvement; onSaved: () => void }) {
  const { t } = useI18n();
  const now = new Date(Date.now() + 9 * 3_600_000);
  const form = useKitForm({
    defaultValues: { year: String(now.getUTCFullYear()), quarter: String(Math.floor(now.getUTCMonth() / 3) + 1), status: item.status as string, note: '' },
  });
  return (
    <Form
      form={form}
      className="staff-form compact-form"
      testId="check-form"
      aria-label={`${t('staffCheckSubmit')} #${item.id}`}
      onSubmit={async (v) => {
        await checkImprovement(item.id, {
          year: Number(v.year),
          quarter: Number(v.quarter),
          status: v.status as Improvement['status'],
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
        });
        onSaved();
        return t('staffCheckSaved');
      }}
    >
      <div className="form-row">
        <TextField name="year" label={t('staffCheckYear')} type="number" inputMode="numeric" rules={{ validate: (v: string) => /^\d{4}$/.test(v) || t('yearInvalid') }} />
        <SelectField name="quarter" label={t('staffCheckQuarter')} options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` }))} />
        <SelectField name="status" label={t('staffCheckStatus')} options={STATUSES.map((s) => ({ value: s, label: t(IMPROVEMENT_STATUS_LABELS[s]) }))} />
      </div>
      <TextArea name="note" label={t('staffCheckNote')} rows={2} maxLength={2000} />
      <Submit className="button-primary button-small">{t('staffCheckSubmit')}</Submit>
    </Form>
  );
}
