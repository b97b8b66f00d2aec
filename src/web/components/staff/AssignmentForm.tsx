/**
 * Managers: which department owns the action, and which measured figure (from a later module)
 * drives its progress. A measure only makes sense for an action with a numeric target.
 */
import { useState, type FormEvent } from 'react';
import { departmentLabel } from '../../departments.ts';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { updateAssignment, type Department, type Measure, type StaffAction } from '../../staff-api.ts';
import { Field } from './Field.tsx';
import { FormAlert, StatusMessage } from './Notice.tsx';

interface Props {
  action: StaffAction;
  departments: Department[];
  measures: Measure[];
  onChanged: () => void;
}

export function AssignmentForm({ action, departments, measures, onChanged }: Props) {
  const { lang, t } = useI18n();
  const [department, setDepartment] = useState(action.ownerDepartmentId === null ? '' : String(action.ownerDepartmentId));
  const [measure, setMeasure] = useState(action.measureKey ?? '');
  const mutation = useMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { ownerDepartmentId: department === '' ? null : Number(department), measureKey: measure === '' ? null : measure };
    if (await mutation.run(() => updateAssignment(action.id, body), t('assignmentSaved'))) onChanged();
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, ['ownerDepartmentId', 'measureKey']) : NO_ERRORS;
  return (
    <details className="disclosure" data-testid="assignment">
      <summary>{t('assignment')}</summary>
      <form className="staff-form disclosure-body" onSubmit={submit} noValidate>
        <FormAlert message={server.summary} />
        <div className="form-row">
          <Field label={t('ownerDepartment')} error={server.fields.ownerDepartmentId}>
            {(props) => (
              <select {...props} name="ownerDepartmentId" value={department} onChange={(e) => setDepartment(e.target.value)} data-testid="owner-select">
                <option value="">{t('unassigned')}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {departmentLabel(d, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('measure')} hint={action.target ? t('measureHint') : t('measureNoTarget')} error={server.fields.measureKey}>
            {(props) => (
              <select
                {...props}
                name="measureKey"
                value={measure}
                onChange={(e) => setMeasure(e.target.value)}
                disabled={!action.target && !action.measureKey}
                data-testid="measure-select"
              >
                <option value="">{t('measureNone')}</option>
                {measures.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.label[lang]} ({m.unit})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <p className="form-actions">
          <button type="submit" className="button-secondary" disabled={mutation.busy} data-testid="save-assignment">
            {t('saveAssignment')}
          </button>
        </p>
        <StatusMessage message={mutation.done} />
      </form>
    </details>
  );
}
