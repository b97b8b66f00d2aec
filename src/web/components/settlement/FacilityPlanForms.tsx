/**
 * Staff forms for a facility's schedule and money: the milestones' planned and actual dates
 * (editors; officers only for their department's facilities), the budget by funding source in
 * 억원 or 원 and the responsible department (managers).
 */
import { departmentLabel } from '../../departments.ts';
import { localText } from '../../education-format.ts';
import { Form, MoneyField, SelectField, Submit, TextField, useKitForm, wonOf, type MoneyValue } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { type Facility, setFacilityBudget, updateFacility, updateMilestone } from '../../settlement-api.ts';
import type { Department } from '../../staff-api.ts';
import { SOURCE_LABELS } from './labels.ts';

const SOURCES = ['national', 'province', 'city', 'other'] as const;
type Source = (typeof SOURCES)[number];

/** The won amount as exact 억원 digits ("125000000" → "1.25"), for the money field's text. */
function eokText(won: number): string {
  const whole = Math.floor(won / 1e8);
  const fraction = String(won % 1e8)
    .padStart(8, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

export function MilestonesForm({ facility: f, onSaved }: { facility: Facility; onSaved: () => void }) {
  const { lang, t } = useI18n();
  const name = localText(f.name, lang);
  const form = useKitForm({ defaultValues: { milestones: f.milestones.map((m) => ({ plannedOn: m.plannedOn ?? '', doneOn: m.doneOn ?? '' })) } });
  return (
    <Form
      form={form}
      className="staff-form compact-form"
      testId="milestones-form"
      aria-label={`${t('staffMilestonesHeading')}: ${name}`}
      head={<h4>{t('staffMilestonesHeading')}</h4>}
      onSubmit={async (v) => {
        let changed = 0;
        for (const [index, m] of f.milestones.entries()) {
          const entered = v.milestones[index];
          if (!entered) continue;
          const patch = {
            ...(entered.plannedOn !== (m.plannedOn ?? '') ? { plannedOn: entered.plannedOn || null } : {}),
            ...(entered.doneOn !== (m.doneOn ?? '') ? { doneOn: entered.doneOn || null } : {}),
          };
          if (Object.keys(patch).length === 0) continue;
          await updateMilestone(f.id, m.id, patch);
          changed += 1;
        }
        if (changed === 0) return t('staffNothingChanged');
        onSaved();
        return t('staffMilestonesSaved', { name });
      }}
    >
      {f.milestones.map((m, index) => (
        <fieldset key={m.id} className="form-row" data-testid="milestone-fields" data-milestone-id={m.id}>
          <legend>{localText(m.name, lang)}</legend>
          <TextField name={`milestones.${index}.plannedOn`} label={t('milestonePlanned')} type="date" hint={t('staffSeoulDateHint')} />
          <TextField name={`milestones.${index}.doneOn`} label={t('milestoneDone')} type="date" hint={t('staffSeoulDateHint')} />
        </fieldset>
      ))}
      <Submit className="button-primary button-small">{t('staffMilestonesSubmit')}</Submit>
    </Form>
  );
}

export function BudgetForm({ facility: f, onSaved }: { facility: Facility; onSaved: () => void }) {
  const { lang, t } = useI18n();
  const name = localText(f.name, lang);
  const amountOf = (source: Source): MoneyValue => {
    const line = f.budget.lines.find((l) => l.source === source);
    return { text: line ? eokText(line.amountWon) : '0', unit: 'eok' };
  };
  const form = useKitForm<Record<Source, MoneyValue>>({
    defaultValues: { national: amountOf('national'), province: amountOf('province'), city: amountOf('city'), other: amountOf('other') },
  });
  return (
    <Form
      form={form}
      className="staff-form compact-form"
      testId="budget-form"
      aria-label={`${t('staffBudgetHeading')}: ${name}`}
      head={
        <>
          <h4>{t('staffBudgetHeading')}</h4>
          <p className="field-hint">{t('staffBudgetHint')}</p>
        </>
      }
      onSubmit={async (v) => {
        const lines = SOURCES.map((source) => ({ source, amountWon: wonOf(v[source]) ?? 0 })).filter((l) => l.amountWon > 0);
        await setFacilityBudget(f.id, lines);
        onSaved();
        return t('staffBudgetSaved', { name });
      }}
    >
      {SOURCES.map((source) => (
        <MoneyField key={source} name={source} label={t(SOURCE_LABELS[source])} testId={`budget-${source}`} />
      ))}
      <Submit className="button-primary button-small">{t('staffBudgetSubmit')}</Submit>
    </Form>
  );
}

export function DepartmentForm({ facility: f, departments, onSaved }: { facility: Facility; departments: Department[]; onSaved: () => void }) {
  const { lang, t } = useI18n();
  const name = localText(f.name, lang);
  const form = useKitForm({ defaultValues: { departmentId: f.department ? String(f.department.id) : '' } });
  return (
    <Form
      form={form}
      className="staff-form compact-form"
      testId="facility-department-form"
      aria-label={`${t('staffFacilityDepartmentSubmit')}: ${name}`}
      onSubmit={async (v) => {
        await updateFacility(f.id, { departmentId: v.departmentId ? Number(v.departmentId) : null });
        onSaved();
        return t('staffFacilityDepartmentSaved', { name });
      }}
    >
      <SelectField
        name="departmentId"
        label={t('facilityDepartment')}
        placeholder={t('staffNoDepartment')}
        options={departments.map((d) => ({ value: String(d.id), label: departmentLabel(d, lang) }))}
      />
      <Submit className="button-primary button-small">{t('staffFacilityDepartmentSubmit')}</Submit>
    </Form>
  );
}
