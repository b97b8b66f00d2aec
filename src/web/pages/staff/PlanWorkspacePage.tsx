/**
 * `/staff/plans/:id`: running the plan. The actions grouped by year and period, each with its
 * update form, history, evidence and (managers) assignment. Officers edit only the actions of
 * their department; viewers and partners read.
 */
import { useCallback } from 'react';
import type { Figures } from '../../api-client.ts';
import { ActionCard } from '../../components/staff/ActionCard.tsx';
import { PlanHeaderForm } from '../../components/staff/PlanHeaderForm.tsx';
import { PlanTabs, StaffBreadcrumb } from '../../components/staff/PlanTabs.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatRate, periodLabel } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { EDITOR_ROLES, isManager, useUser } from '../../session.ts';
import { fetchDepartments, fetchMeasures, fetchStaffPlan, type Department, type Measure, type StaffAction, type StaffEntry, type User } from '../../staff-api.ts';
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

function canEditAction(user: User, action: StaffAction): boolean {
  if (!EDITOR_ROLES.includes(user.role)) return false;
  if (user.role !== 'officer') return true;
  return user.departmentId !== null && action.ownerDepartmentId === user.departmentId;
}

function groupByYear(entries: StaffEntry[]): [number, StaffEntry[]][] {
  const groups = new Map<number, StaffEntry[]>();
  for (const entry of entries) groups.set(entry.year, [...(groups.get(entry.year) ?? []), entry]);
  return [...groups.entries()].sort(([a], [b]) => a - b);
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

export function PlanWorkspacePage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const user = useUser();
  const { state, retry, refresh } = useLoad(keys.staffPlan(id), (signal) => fetchStaffPlan(id, signal));
  const { state: lists } = useLoad(keys.staffLists(), loadLists);
  const onChanged = useCallback(() => {
    refresh().catch(() => retry());
  }, [refresh, retry]);
  useDocumentTitle(state.status === 'ok' ? `${state.data.title} · ${t('linkWorkspace')}` : null, t('staffTitleSuffix'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const plan = state.data;
  const departments = lists.status === 'ok' ? lists.data.departments : [];
  const measures = lists.status === 'ok' ? lists.data.measures : [];
  const overall = plan.figures.overall;
  const years = groupByYear(plan.schedule);

  return (
    <article className="workspace" data-testid="workspace">
      <StaffBreadcrumb title={plan.title} />
      <p className="plan-pledge">{plan.pledge}</p>
      <h1>{plan.title}</h1>
      <PlanTabs planId={plan.id} current="workspace" />
      <FiguresLine figures={overall} />
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
      <nav className="toc" aria-label={t('yearJumpLabel')}>
        <ul>
          {years.map(([year]) => (
            <li key={year}>
              <a href={`#year-${year}`}>{t('yearHeading', { year })}</a>
            </li>
          ))}
        </ul>
      </nav>
      {years.map(([year, entries]) => (
        <section key={year} id={`year-${year}`} className="workspace-year" aria-labelledby={`year-${year}-heading`} tabIndex={-1}>
          <h2 id={`year-${year}-heading`}>{t('yearHeading', { year })}</h2>
          {entries.map((entry) => (
            <section
              key={entry.id}
              className="workspace-entry"
              aria-labelledby={`entry-${entry.id}`}
              data-testid="workspace-entry"
              data-year={entry.year}
              data-period={entry.period}
            >
              <h3 id={`entry-${entry.id}`}>{t('yearPeriod', { year: entry.year, period: periodLabel(entry.period, lang) })}</h3>
              <FiguresLine figures={entry.figures} />
              {entry.goals.length > 0 && (
                <div className="entry-goals">
                  <p className="list-label">{t('goals')}</p>
                  <ul>
                    {entry.goals.map((goal, i) => (
                      <li key={i}>{goal}</li>
                    ))}
                  </ul>
                </div>
              )}
              {entry.actions.map((action) => (
                <ActionCard
                  key={action.id}
                  action={action}
                  canEdit={canEditAction(user, action)}
                  canManage={isManager(user)}
                  departments={departments}
                  measures={measures}
                  onChanged={onChanged}
                />
              ))}
            </section>
          ))}
        </section>
      ))}
    </article>
  );
}
