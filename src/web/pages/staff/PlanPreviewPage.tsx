/**
 * `/staff/plans/:id/preview` (staff only): the public plan page as it will read once the drafts
 * are published — the same view as `/plans/:id`, from GET /api/manage/plans/:id/preview, under
 * a notice that it is not public yet; drafted actions carry a "초안" mark.
 */
import { PlanTabs } from '../../components/staff/PlanTabs.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { keys } from '../../queries.ts';
import { fetchPreview } from '../../staff-api.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { PlanView } from '../PlanPage.tsx';

export function PlanPreviewPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.staffPreview(id), (signal) => fetchPreview(id, signal));
  useDocumentTitle(state.status === 'ok' ? `${state.data.plan.title} · ${t('previewTitle')}` : null, t('staffTitleSuffix'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const { plan, drafted } = state.data;
  return (
    <div className="plan-preview" data-testid="plan-preview">
      <PlanTabs planId={plan.id} current="preview" />
      <div className="confirm-box" role="note" data-testid="preview-notice">
        <p>
          <strong>{t('previewTitle')}</strong> {drafted.length > 0 ? t('previewNotice', { count: drafted.length }) : t('previewNoDrafts')}
        </p>
      </div>
      <PlanView plan={plan} drafted={new Set(drafted)} />
    </div>
  );
}
