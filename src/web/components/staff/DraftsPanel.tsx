/**
 * The plan's drafts (게시 대기 초안) on the workspace: each drafted action with the published value
 * beside the drafted one, a link to the preview of the public page, and (managers) one button
 * that publishes them all together.
 */
import { useState } from 'react';
import { ACTION_STATUS_LABELS } from '../../../modules/plan/types.ts';
import { failureText, FormAlert, StatusMessage } from '../../forms/index.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import { fetchDrafts, publishDrafts, type DraftRow } from '../../staff-api.ts';
import { Link } from '../Link.tsx';
import { ErrorView, Loading } from '../StatusViews.tsx';

function Change({ row }: { row: DraftRow }) {
  const { lang, t } = useI18n();
  const status = row.status ?? row.published.status;
  const progress = row.progress ?? row.published.progress;
  return (
    <span className="draft-change">
      {t('draftChange', {
        from: `${ACTION_STATUS_LABELS[row.published.status][lang]} ${row.published.progress}%`,
        to: `${ACTION_STATUS_LABELS[status][lang]} ${progress}%`,
      })}
    </span>
  );
}

export function DraftsPanel({ planId, canPublish }: { planId: number; canPublish: boolean }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.staffDrafts(planId), (signal) => fetchDrafts(planId, signal));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = state.status === 'ok' ? state.data.items : [];

  const publish = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const { published } = await publishDrafts(planId);
      setDone(t('draftsPublished', { count: published }));
      // The workspace (figures, list, open action), the preview and the public page read the new values.
      await Promise.all([invalidate(keys.staffPlan(planId)), invalidate(['staff', 'actions']), invalidate(keys.plan(planId))]);
    } catch (e) {
      setError(failureText(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="drafts-panel" aria-labelledby="drafts-heading" data-testid="drafts-panel">
      <h2 id="drafts-heading">{t('draftsHeading', { count: items.length })}</h2>
      {state.status === 'loading' && <Loading />}
      {(state.status === 'error' || state.status === 'notFound') && <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />}
      {state.status === 'ok' && (
        <>
          <p className="field-hint">{t('draftsHint')}</p>
          {items.length === 0 ? (
            <p data-testid="drafts-empty">{t('draftsNone')}</p>
          ) : (
            <ul className="drafts-list">
              {items.map((row) => (
                <li key={row.actionId} data-testid="draft-row" data-action-id={row.actionId}>
                  <Link href={`/staff/plans/${planId}/actions/${row.actionId}`}>{row.text}</Link> <Change row={row} />
                </li>
              ))}
            </ul>
          )}
          <p className="form-actions">
            <Link href={`/staff/plans/${planId}/preview`} className="button-secondary" data-testid="preview-link">
              {t('previewPublicPage')}
            </Link>{' '}
            {canPublish && items.length > 0 && (
              <button type="button" className="button-primary" onClick={publish} disabled={busy} data-testid="publish-drafts">
                {t('publishDrafts', { count: items.length })}
              </button>
            )}
          </p>
          <FormAlert message={error} focus />
          <StatusMessage message={done} />
        </>
      )}
    </section>
  );
}
