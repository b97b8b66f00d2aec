/**
 * `/staff/plans/:id` and `/staff/plans/:id/actions/:actionId`: running the plan. A compact list
 * of the actions, filtered by the server (year, quarter, department, status, mine, overdue);
 * the filter lives in the query string, so reload and back keep it. One action at a time opens
 * for editing under its row, at its own address (the filter goes with it). Officers edit only
 * the actions of their department; viewers and partners read.
 */
import { useCallback, useEffect } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { Figures } from '../../api-client.ts';
import { ActionEditor } from '../../components/staff/ActionEditor.tsx';
import { ActionFilters } from '../../components/staff/ActionFilters.tsx';
import { ActionList } from '../../components/staff/ActionList.tsx';
import { DraftsPanel } from '../../components/staff/DraftsPanel.tsx';
import { PlanHeaderForm } from '../../components/staff/PlanHeaderForm.tsx';
import { PlanTabs, StaffBreadcrumb } from '../../components/staff/PlanTabs.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatRate } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n, withLang } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import { isManager, useUser } from '../../session.ts';
import { fetchActionList, fetchDepartments, fetchMeasures, fetchStaffPlan, type Department, type Measure } from '../../staff-api.ts';
import { filterQuery, readFilter, type WorkspaceFilter } from '../../workspace-filter.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';

/** Lists that only enrich the page: a failure leaves them empty rather than failing it. */
async function loadLists(signal: AbortSignal): Promise<{ departments: Department[]; measures: Measure[] }> {
  const [departments, measures] = await Promise.all([
    fetchDepartments(signal).then(
      (r) => r.items,
      () => [],
    ),
    fetchMeasures(signal).then(
      (r) => r.items,
      () => [],
    ),
  ]);
  return { departments, measures };
}

function FiguresLine({ figures }: { figures: Figures }) {
  const { t } = useI18n();
  return (
    <p className="entry-figures">
      {t('progressRate')} {formatRate(figures.progressRate)} · {t('completionRate')} {formatRate(figures.completionRate)} ·{' '}
      {t('doneOfCounted', { done: figures.done, counted: figures.counted })}
    </p>
  );
}

const ID = /^[1-9]\d{0,9}$/;

export function PlanWorkspacePage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const params = useParams();
  const openId = params.actionId !== undefined && ID.test(params.actionId) ? Number(params.actionId) : null;
  const filter = readFilter(new URLSearchParams(location.search));
  const query = filterQuery(filter);
  const { state, retry } = useLoad(keys.staffPlan(id), (signal) => fetchStaffPlan(id, signal));
  const { state: list, retry: retryList } = useLoad(keys.staffActionList(id, query), (signal) => fetchActionList(id, query, signal));
  const { state: lists } = useLoad(keys.staffLists(), loadLists);
  const onChanged = useCallback(() => {
    // The plan (figures), every filtered list of it, and the open action.
    void invalidate(keys.staffPlan(id));
    if (openId !== null) void invalidate(keys.staffAction(openId));
  }, [id, openId]);
  useDocumentTitle(state.status === 'ok' ? `${state.data.title} · ${t('linkWorkspace')}` : null, t('staffTitleSuffix'));
  // Links of the form ?action=ID (the dashboard's to-do) open that action at its own address.
  const linked = new URLSearchParams(location.search).get('action');
  useEffect(() => {
    if (params.actionId === undefined && linked !== null && ID.test(linked)) navigate(withLang(`/staff/plans/${id}/actions/${linked}${query}`, lang), { replace: true });
  }, [params.actionId, linked, id, query, lang, navigate]);

  if (params.actionId !== undefined && openId === null) return <NotFoundPage />;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const plan = state.data;
  const departments = lists.status === 'ok' ? lists.data.departments : [];
  const measures = lists.status === 'ok' ? lists.data.measures : [];
  const base = `/staff/plans/${plan.id}`;
  const hrefOf = (actionId: number | null) => withLang(`${base}${actionId === null ? '' : `/actions/${actionId}`}${query}`, lang);
  const setFilter = (next: WorkspaceFilter) => navigate(withLang(`${base}${openId === null ? '' : `/actions/${openId}`}${filterQuery(next)}`, lang));
  const editor =
    openId === null ? null : (
      <ActionEditor
        key={openId}
        actionId={openId}
        user={user}
        canManage={isManager(user)}
        departments={departments}
        measures={measures}
        closeHref={hrefOf(null)}
        onChanged={onChanged}
      />
    );
  const rows = list.status === 'ok' ? list.data.items : [];
  const openInList = openId !== null && rows.some((r) => r.id === openId);

  return (
    <article className="workspace" data-testid="workspace">
      <StaffBreadcrumb title={plan.title} />
      <p className="plan-pledge">{plan.pledge}</p>
      <h1>{plan.title}</h1>
      <PlanTabs planId={plan.id} current="workspace" />
      <FiguresLine figures={plan.figures.overall} />
      {user.role === 'officer' && <p className="lead">{user.departmentId === null ? t('officerNoDepartment') : t('officerScope')}</p>}
      {isManager(user) && <PlanHeaderForm plan={plan} onSaved={onChanged} />}
      {plan.warnings.length > 0 && (
        <details className="disclosure">
          <summary>{t('importWarnings', { count: plan.warnings.length })}</summary>
          <ul className="disclosure-body">
            {plan.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <DraftsPanel planId={plan.id} canPublish={isManager(user)} />
      <section className="workspace-actions" aria-labelledby="action-list-heading">
        <h2 id="action-list-heading">{t('actionListLabel')}</h2>
        <ActionFilters filter={filter} years={list.status === 'ok' ? list.data.years : []} departments={departments} listHref={withLang(base, lang)} onChange={setFilter} />
        {filter.mine && user.departmentId === null && <p className="field-hint">{t('filterMineNoDepartment')}</p>}
        {list.status === 'loading' && <Loading />}
        {(list.status === 'error' || list.status === 'notFound') && <ErrorView error={list.status === 'error' ? list.error : null} onRetry={retryList} />}
        {list.status === 'ok' && (
          <>
            <p className="action-count" role="status" data-testid="action-count">
              {t('actionCount', { shown: list.data.items.length, total: list.data.total })}
            </p>
            {openId !== null && !openInList && (
              <div className="action-outside-filter" data-testid="action-outside-filter">
                {/* A heading, so the card's own heading (h4) keeps the outline as under a row (h3). */}
                <h3 className="action-outside-heading">{t('actionNotInList')}</h3>
                {editor}
              </div>
            )}
            {rows.length === 0 ? (
              <p data-testid="action-list-empty">{t('actionListEmpty')}</p>
            ) : (
              <ActionList rows={rows} openId={openId} departments={departments} hrefOf={hrefOf} editor={openInList ? editor : null} />
            )}
          </>
        )}
      </section>
    </article>
  );
}
