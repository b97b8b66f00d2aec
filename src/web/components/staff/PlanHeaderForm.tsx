/**
 * Managers edit a plan's header (PATCH /api/plans/:id): pledge, title, category and number,
 * period, expected effects (one per line). Only changed fields are sent.
 */
import { Form, Submit, SummaryMessage, TextArea, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { updatePlanHeader, type PlanHeader, type StaffPlan } from '../../staff-api.ts';

const year = /^\d{4}$/;

export function PlanHeaderForm({ plan, onSaved }: { plan: StaffPlan; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({
    defaultValues: {
      pledge: plan.pledge,
      title: plan.title,
      category: plan.category,
      number: String(plan.number),
      start: String(plan.period.start),
      end: String(plan.period.end),
      effects: plan.effects.join('\n'),
    },
    aliases: { period: 'start', 'period.start': 'start', 'period.end': 'start' },
  });
  const periodValid = (_: string, all: object) => {
    const v = all as { start: string; end: string };
    return (year.test(v.start.trim()) && year.test(v.end.trim()) && Number(v.start) <= Number(v.end)) || t('periodInvalid');
  };
  return (
    <details className="disclosure" data-testid="plan-header">
      <summary>{t('editPlan')}</summary>
      <Form
        form={form}
        className="staff-form disclosure-body"
        onSubmit={async (v) => {
          const body: PlanHeader = {};
          for (const key of ['pledge', 'title', 'category'] as const) if (v[key].trim() !== plan[key]) body[key] = v[key].trim();
          if (Number(v.number) !== plan.number) body.number = Number(v.number);
          if (Number(v.start) !== plan.period.start || Number(v.end) !== plan.period.end) body.period = { start: Number(v.start), end: Number(v.end) };
          const lines = v.effects
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
          if (lines.join('\n') !== plan.effects.join('\n')) body.effects = lines;
          if (Object.keys(body).length === 0) throw new SummaryMessage(t('nothingChangedPlan'));
          await updatePlanHeader(plan.id, body);
          onSaved();
          return t('planSaved');
        }}
      >
        <TextField name="pledge" label={t('pledgeLabel')} maxLength={300} required />
        <TextField name="title" label={t('planTitleLabel')} maxLength={300} required />
        <div className="form-row">
          <TextField name="category" label={t('categoryLabel')} maxLength={50} required />
          <TextField name="number" label={t('numberLabel')} inputMode="numeric" rules={{ validate: (v: string) => /^\d+$/.test(v.trim()) || t('wholeNumber') }} />
          <TextField name="start" label={t('periodStart')} inputMode="numeric" maxLength={4} rules={{ validate: periodValid }} />
          <TextField name="end" label={t('periodEnd')} inputMode="numeric" maxLength={4} />
        </div>
        <TextArea name="effects" label={t('effects')} hint={t('effectsHint')} rows={4} />
        <Submit className="button-secondary">{t('savePlan')}</Submit>
      </Form>
    </details>
  );
}
