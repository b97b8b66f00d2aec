/**
 * `/staff/import`: upload a plan document, see what the importer made of it (summary, budget,
 * warnings) before anything is written, then save. A plan with the same category and number
 * exists → 409, and the page offers to replace it.
 */
import { useState } from 'react';
import type { NormalizedPlan } from '../../../modules/plan/types.ts';
import { ApiError } from '../../api-client.ts';
import { BudgetTable } from '../../components/BudgetTable.tsx';
import { Link } from '../../components/Link.tsx';
import { formatEok, formatKrwCompact } from '../../format.ts';
import { failureText, Form, FormAlert, StatusMessage, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useDocumentTitle, useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { previewImport, saveImport } from '../../staff-api.ts';

function Preview({ plan, warnings }: { plan: NormalizedPlan; warnings: string[] }) {
  const { t } = useI18n();
  const actionCount = plan.schedule.reduce((n, e) => n + e.actions.length, 0);
  return (
    <section className="plan-section" aria-labelledby="preview-heading" data-testid="import-preview">
      <h2 id="preview-heading">{t('importPreview')}</h2>
      <p className="plan-pledge">{plan.pledge}</p>
      <h3 data-testid="preview-title">{plan.title}</h3>
      <dl className="summary-list">
        <div>
          <dt>{t('categoryNumberLabel')}</dt>
          <dd>{t('categoryNumber', { category: plan.category, number: plan.number })}</dd>
        </div>
        <div>
          <dt>{t('period')}</dt>
          <dd>
            {plan.period.start} ~ {plan.period.end}
          </dd>
        </div>
        <div>
          <dt>{t('totalBudget')}</dt>
          <dd>{t('totalBudgetValue', { amount: formatEok(plan.totalBudgetKrw), krw: formatKrwCompact(plan.totalBudgetKrw) })}</dd>
        </div>
        <div>
          <dt>{t('importCounts')}</dt>
          <dd>
            {t('importCountsValue', {
              contents: plan.contents.length,
              phases: plan.phases.length,
              entries: plan.schedule.length,
              actions: actionCount,
              effects: plan.effects.length,
            })}
          </dd>
        </div>
      </dl>
      <h3>{t('importWarningsHeading')}</h3>
      {warnings.length === 0 ? (
        <p data-testid="import-no-warnings">{t('importNoWarnings')}</p>
      ) : (
        <ul className="warning-list" data-testid="import-warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <h3>{t('budget')}</h3>
      <BudgetTable budget={plan.budget} />
    </section>
  );
}

export function ImportPage() {
  const { lang, t } = useI18n();
  const form = useKitForm<{ file: FileList | null }>({ defaultValues: { file: null } });
  const [preview, setPreview] = useState<{ file: File; plan: NormalizedPlan; warnings: string[] } | null>(null);
  /** The last save was refused as a duplicate without `replace`: offer to replace. */
  const [conflict, setConflict] = useState(false);
  const [replace, setReplace] = useState(false);
  const [saved, setSaved] = useState<{ id: number; replaced: boolean } | null>(null);
  const saving = useMutation();
  useDocumentTitle(t('importTitle'), t('staffTitleSuffix'));

  const forget = () => {
    setPreview(null);
    setSaved(null);
  };
  const onPreview = async ({ file }: { file: FileList | null }) => {
    forget();
    setConflict(false);
    setReplace(false);
    saving.reset();
    const chosen = file![0]!;
    setPreview({ file: chosen, ...(await previewImport(chosen)) });
  };
  const onSave = async () => {
    if (!preview) return;
    const result = await saving.run(() => saveImport(preview.file, replace), t('importSaved'));
    if (result) {
      setSaved(result);
      setConflict(false);
    } else setConflict(!replace);
  };
  // A 409 with replace ticked is final (the plan is already being run): the message says why.
  const isConflict = conflict && saving.error instanceof ApiError && saving.error.status === 409;

  return (
    <>
      <h1>{t('importTitle')}</h1>
      <p className="lead">{t('importIntro')}</p>
      <Form form={form} className="staff-form narrow-form" testId="import-form" status={false} onSubmit={onPreview}>
        <TextField
          name="file"
          label={t('planDocument')}
          hint={t('planDocumentHint')}
          type="file"
          accept=".txt,text/plain"
          rules={{ validate: (files: FileList | null) => Boolean(files?.[0]) || t('fileRequired'), onChange: forget }}
        />
        <Submit className="button-secondary">{t('previewButton')}</Submit>
      </Form>

      {preview && (
        <>
          <Preview plan={preview.plan} warnings={preview.warnings} />
          <div className="staff-form save-import" data-testid="import-save">
            <FormAlert message={failureText(saving.error, lang, t)} focus />
            {isConflict && (
              <div className="field-check">
                <input id="import-replace" type="checkbox" name="replace" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
                <label htmlFor="import-replace">{t('replaceExisting')}</label>
              </div>
            )}
            <p className="form-actions">
              <button type="button" className="button-primary" onClick={onSave} disabled={saving.busy || (isConflict && !replace) || saved !== null}>
                {t('saveImport')}
              </button>
            </p>
            <StatusMessage message={saving.done} />
            {saved && (
              <p data-testid="import-saved">
                {t(saved.replaced ? 'importReplaced' : 'importCreated')} <Link href={`/staff/plans/${saved.id}`}>{t('openWorkspace')}</Link>
              </p>
            )}
          </div>
        </>
      )}
    </>
  );
}
