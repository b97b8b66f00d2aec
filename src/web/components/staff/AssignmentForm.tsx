/**
 * Managers: which department owns the action, and which measured figure (from a later module)
 * drives its progress. A measure only makes sense for an action with a numeric target.
 */
import { departmentLabel } from '../../departments.ts';
import { Form, SelectField, Submit, useKitForm } from '../../forms/index.ts';
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
  const form = useKitForm({ defaultValues: { ownerDepartmentId: action.ownerDepartmentId === null ? '' : String(action.ownerDepartmentId), measureKey: action.measureKey ?? '' } });
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
            disabled={!action.target && !action.measureKey}
            testId="measure-select"
          />
        </div>
        <Submit className="button-secondary" testId="save-assignment">
          {t('saveAssignment')}
        </Submit>
      </Form>
    </details>
  );
}
