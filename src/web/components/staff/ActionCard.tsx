/**
 * One action in the plan workspace: what it is, who owns it, and the update form (status,
 * progress, internal comment) → PATCH /api/actions/:id. Field errors from the API appear under
 * their fields. Progress bound to a measure is read-only. History, evidence and (managers)
 * assignment follow in their own disclosures.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../../../modules/plan/types.ts';
import { departmentName } from '../../departments.ts';
import { formatDateTime } from '../../format.ts';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { updateAction, type Department, type Measure, type StaffAction } from '../../staff-api.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { ActionHistory } from './ActionHistory.tsx';
import { AssignmentForm } from './AssignmentForm.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { Field } from './Field.tsx';
import { FormAlert, StatusMessage } from './Notice.tsx';

const FIELDS = ['status', 'progress', 'comment'] as const;

export interface ActionCardProps {
  action: StaffAction;
  canEdit: boolean;
  canManage: boolean;
  departments: Department[];
  measures: Measure[];
  /** Something about the action changed on the server: load the plan again. */
  onChanged: () => void;
}

export function ActionCard({ action, canEdit, canManage, departments, measures, onChanged }: ActionCardProps) {
  const { lang, t } = useI18n();
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [progress, setProgress] = useState(String(action.progress));
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [note, setNote] = useState<string | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const mutation = useMutation();
  const measured = action.progressSource === 'measure';
  const headingId = `action-${action.id}-heading`;

  // A newer server value (after a save, or someone else's) replaces the form's values.
  useEffect(() => setStatus(action.status), [action.status]);
  useEffect(() => setProgress(String(action.progress)), [action.progress]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    setNote(null);
    const body: { status?: ActionStatus; progress?: number; comment?: string } = {};
    const errors: Record<string, string> = {};
    if (status !== action.status) body.status = status;
    if (!measured) {
      const value = Number(progress);
      if (progress.trim() === '' || !Number.isInteger(value) || value < 0 || value > 100) errors.progress = t('progressInvalid');
      else if (value !== action.progress) body.progress = value;
    }
    if (comment.length > 2000) errors.comment = t('commentTooLong');
    if (comment.trim()) body.comment = comment.trim();
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    if (body.status === undefined && body.progress === undefined && body.comment === undefined) {
      setNote(t('nothingChanged'));
      return;
    }
    const saved = await mutation.run(() => updateAction(action.id, body), t('actionSaved'));
    if (saved) {
      setComment('');
      setHistoryVersion((v) => v + 1);
      onChanged();
    }
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, FIELDS) : NO_ERRORS;
  const errors = { ...server.fields, ...local };
  const owner = departmentName(departments, action.ownerDepartmentId, lang);
  const measure = measures.find((m) => m.key === action.measureKey);

  return (
    <article className="action-card" aria-labelledby={headingId} data-testid="action-card" data-action-id={action.id}>
      <header className="action-card-header">
        <h4 id={headingId}>{action.text}</h4>
        <p className="action-meta">
          <StatusBadge status={action.status} testId="action-card-status" />
          {action.target && <span className="badge">{t('actionTarget', { count: action.target.count, unit: action.target.unit })}</span>}
          <span data-testid="action-owner">
            {t('ownerDepartment')}: {owner ?? t('unassigned')}
          </span>
          <span>{t('updatedAt', { at: formatDateTime(action.updatedAt, lang) })}</span>
        </p>
      </header>

      {!canEdit && (
        <p className="read-only-note" data-testid="read-only-note">
          {t('readOnlyAction')}
        </p>
      )}
      <form className="staff-form action-form" onSubmit={submit} noValidate>
        <FormAlert message={server.summary ?? note} />
        <fieldset disabled={!canEdit || mutation.busy}>
          <legend className="visually-hidden">{t('actionUpdate')}</legend>
          <div className="form-row">
            <Field label={t('status')} error={errors.status}>
              {(props) => (
                <select {...props} name="status" value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)} data-testid="status-select">
                  {ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {ACTION_STATUS_LABELS[s][lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={t('progressPercent')}
              error={errors.progress}
              hint={measured ? t('measuredNote', { measured: action.measured ?? '–', unit: measure?.unit ?? action.target?.unit ?? '' }) : undefined}
            >
              {(props) => (
                <input
                  {...props}
                  name="progress"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  step={1}
                  value={progress}
                  readOnly={measured}
                  onChange={(e) => setProgress(e.target.value)}
                  data-testid="progress-input"
                />
              )}
            </Field>
          </div>
          <Field label={t('comment')} hint={t('commentHint')} error={errors.comment}>
            {(props) => <textarea {...props} name="comment" rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <p className="form-actions">
            <button type="submit" className="button-primary" data-testid="save-action">
              {t('save')}
            </button>
          </p>
        </fieldset>
        <StatusMessage message={mutation.done} />
      </form>

      <ActionHistory actionId={action.id} version={historyVersion} />
      <EvidencePanel action={action} canEdit={canEdit} onChanged={onChanged} />
      {canManage && <AssignmentForm action={action} departments={departments} measures={measures} onChanged={onChanged} />}
    </article>
  );
}
