/**
 * One action in the plan workspace: what it is, who owns it, and the update form (status,
 * progress, internal comment) → PATCH /api/actions/:id. Field errors from the API appear under
 * their fields. Progress bound to a measure is read-only. History, evidence and (managers)
 * assignment follow in their own disclosures.
 *
 * Marking an action 완료 (or 이행 후 계속추진) below progress 100 is refused by the API
 * (DONE_NEEDS_FULL_PROGRESS); the form turns that refusal into a question: save it with progress
 * 100, or go back and change it.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api-client.ts';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../../../modules/plan/types.ts';
import { departmentName } from '../../departments.ts';
import { formatDateTime } from '../../format.ts';
import { Form, SelectField, Submit, SummaryMessage, TextArea, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { updateAction, type Department, type Measure, type StaffAction } from '../../staff-api.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { ActionHistory } from './ActionHistory.tsx';
import { AssignmentForm } from './AssignmentForm.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { ExplanationForm } from './ExplanationForm.tsx';

type ActionBody = { status?: ActionStatus; progress?: number; comment?: string };

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
  const [historyVersion, setHistoryVersion] = useState(0);
  const form = useKitForm({ defaultValues: { status: action.status, progress: String(action.progress), comment: '' } });
  const measured = action.progressSource === 'measure';
  const headingId = `action-${action.id}-heading`;

  // A newer server value (after a save, or someone else's) replaces the form's values.
  const { resetField } = form;
  useEffect(() => resetField('status', { defaultValue: action.status }), [resetField, action.status]);
  useEffect(() => resetField('progress', { defaultValue: String(action.progress) }), [resetField, action.progress]);

  // The change the API refused only for want of progress 100: the question offers to save it with 100.
  const [ask, setAsk] = useState<(ActionBody & { status: ActionStatus }) | null>(null);
  const askRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ask) askRef.current?.focus();
  }, [ask]);

  const saved = () => {
    form.resetField('comment');
    setHistoryVersion((n) => n + 1);
    onChanged();
    return t('actionSaved');
  };
  const send = async (v: { status: ActionStatus; progress: string; comment: string }) => {
    setAsk(null);
    const body: ActionBody = {};
    if (v.status !== action.status) body.status = v.status;
    if (!measured && Number(v.progress) !== action.progress) body.progress = Number(v.progress);
    if (v.comment.trim()) body.comment = v.comment.trim();
    if (body.status === undefined && body.progress === undefined && body.comment === undefined) throw new SummaryMessage(t('nothingChanged'));
    try {
      await updateAction(action.id, body);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DONE_NEEDS_FULL_PROGRESS' && !measured) {
        setAsk({ ...body, status: v.status });
        return undefined;
      }
      throw e;
    }
    return saved();
  };
  const saveWithFullProgress = async () => {
    if (!ask) return;
    try {
      await updateAction(action.id, { ...ask, progress: 100 });
      setAsk(null);
      form.setValue('progress', '100');
      form.kit.setSummary(null);
      form.kit.setDone(saved());
    } catch (e) {
      setAsk(null);
      form.kit.fail(e);
    }
  };
  const progressRule = (v: string) => {
    const value = Number(v);
    return measured || (v.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 100) || t('progressInvalid');
  };

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
      <Form form={form} className="staff-form action-form" onSubmit={send}>
        <fieldset disabled={!canEdit}>
          <legend className="visually-hidden">{t('actionUpdate')}</legend>
          <div className="form-row">
            <SelectField name="status" label={t('status')} options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s][lang] }))} testId="status-select" />
            <TextField
              name="progress"
              label={t('progressPercent')}
              hint={measured ? t('measuredNote', { measured: action.measured ?? '–', unit: measure?.unit ?? action.target?.unit ?? '' }) : undefined}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              readOnly={measured}
              rules={{ validate: progressRule }}
              testId="progress-input"
            />
          </div>
          <TextArea name="comment" label={t('comment')} hint={t('commentHint')} rows={2} maxLength={2000} rules={{ maxLength: { value: 2000, message: t('commentTooLong') } }} />
          <Submit testId="save-action">{t('save')}</Submit>
        </fieldset>
      </Form>
      {ask && (
        <div className="confirm-box" role="alertdialog" aria-labelledby={`${headingId}-ask`} tabIndex={-1} ref={askRef} data-testid="full-progress-question">
          <p id={`${headingId}-ask`}>{t('askFullProgress', { status: ACTION_STATUS_LABELS[ask.status][lang], progress: form.getValues('progress') })}</p>
          <p className="form-actions">
            <button type="button" className="button-primary" onClick={saveWithFullProgress} data-testid="set-full-progress">
              {t('setFullProgress')}
            </button>{' '}
            <button type="button" className="button-secondary" onClick={() => setAsk(null)} data-testid="keep-progress">
              {t('keepProgress')}
            </button>
          </p>
        </div>
      )}

      <ExplanationForm action={action} canEdit={canEdit} onChanged={onChanged} />
      <ActionHistory actionId={action.id} version={historyVersion} />
      <EvidencePanel action={action} canEdit={canEdit} onChanged={onChanged} />
      {canManage && <AssignmentForm action={action} departments={departments} measures={measures} onChanged={onChanged} />}
    </article>
  );
}
