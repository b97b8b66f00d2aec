/**
 * Managers: which department owns the action, and which measured figure (from a later module)
 * drives its progress. A measure only makes sense for an action with a numeric target; most of
 * the plan's actions name none, so the manager may set one here.
 */
import { departmentLabel } from '../../departments.ts';
import { Form, SelectField, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { updateAssignment, type Department, type Measure, type StaffAction } from '../../staff-api.ts';

interface Props {
  action: StaffAction;
  departments: Department[];
  measures: Measure[];
  onChanged: () => void;
}

export function AssignmentForm({ action, departments, measures, onChanged }: Props) {
  const { lang, t } = useI18n();
  const form = useKitForm({
    defaultValues: {
      ownerDepartmentId: action.ownerDepartmentId === null ? '' : String(action.ownerDepartmentId),
      measureKey: action.measureKey ?? '',
      targetCount: action.target ? String(action.target.count) : '',
      targetUnit: action.target?.unit ?? '',
    },
  });
  return (
    <details className="disclosure" data-testid="assignment">
      <summary>{t('assignment')}</summary>
      <Form
        form={form}
        className="staff-form disclosure-body"
        onSubmit={async (v) => {
          await updateAssignment(action.id, {
            ownerDepartmentId: v.ownerDepartmentId === '' ? null : Number(v.ownerDepartmentId),
            measureKey: v.measureKey === '' ? null : v.measureKey,
            ...targetPatch(action, v.targetCount.trim(), v.targetUnit.trim()),
          });
          onChanged();
          return t('assignmentSaved');
        }}
      >
        <div className="form-row">
          <SelectField
            name="ownerDepartmentId"
            label={t('ownerDepartment')}
            placeholder={t('unassigned')}
            options={departments.map((d) => ({ value: d.id, label: departmentLabel(d, lang) }))}
            testId="owner-select"
          />
          <SelectField
            name="measureKey"
            label={t('measure')}
            hint={action.target ? t('measureHint') : t('measureNoTarget')}
            placeholder={t('measureNone')}
            options={measures.map((m) => ({ value: m.key, label: `${m.label[lang]} (${m.unit})` }))}
            testId="measure-select"
          />
        </div>
        <div className="form-row">
          <TextField name="targetCount" label={t('targetCount')} type="number" min={1} inputMode="numeric" testId="target-count" />
          <TextField name="targetUnit" label={t('targetUnit')} hint={t('targetUnitHint')} maxLength={10} testId="target-unit" />
        </div>
        <Submit className="button-secondary" testId="save-assignment">
          {t('saveAssignment')}
        </Submit>
      </Form>
    </details>
  );
}

/** The target part of the patch: sent only when the manager changed it; both empty clears it. */
function targetPatch(action: StaffAction, count: string, unit: string): { target?: { count: number; unit: string } | null } {
  const before = action.target;
  if (count === '' && unit === '') return before ? { target: null } : {};
  if (before && String(before.count) === count && before.unit === unit) return {};
  return { target: { count: Number(count), unit } };
}
