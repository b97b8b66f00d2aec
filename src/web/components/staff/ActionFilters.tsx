/**
 * The workspace's filters: year, quarter, department, status, "mine", overdue. Each change
 * navigates to the same page with the filter in the query string (a new history entry, so back
 * returns to the previous filter and a reload keeps it); the list is filtered by the server.
 */
import { useState } from 'react';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../../modules/plan/types.ts';
import { departmentLabel } from '../../departments.ts';
import { LabelledField } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import type { Department } from '../../staff-api.ts';
import type { WorkspaceFilter } from '../../workspace-filter.ts';
import { Link } from '../Link.tsx';

const sameFilter = (a: WorkspaceFilter, b: WorkspaceFilter) => JSON.stringify(a) === JSON.stringify(b);

export function ActionFilters({
  filter,
  years,
  departments,
  listHref,
  onChange,
}: {
  filter: WorkspaceFilter;
  years: number[];
  departments: Department[];
  /** The list without any filter (for "clear"). */
  listHref: string;
  onChange: (next: WorkspaceFilter) => void;
}) {
  const { lang, t } = useI18n();
  // What the controls show. It changes at once on a click, because the address (and so `filter`)
  // changes only when the router's navigation commits; a controlled checkbox would spring back
  // until then. When the address changes on its own (back, reload, clear), it wins.
  const [shown, setShown] = useState(filter);
  const [seen, setSeen] = useState(filter);
  if (!sameFilter(seen, filter)) {
    setSeen(filter);
    setShown(filter);
  }
  const set = (patch: Partial<WorkspaceFilter>) => {
    const next = { ...shown, ...patch };
    for (const k of Object.keys(next) as (keyof WorkspaceFilter)[]) if (next[k] === undefined || next[k] === false) delete next[k];
    setShown(next);
    onChange(next);
  };
  const all = <option value="">{t('filterAll')}</option>;
  return (
    <form className="staff-form action-filters" role="search" aria-label={t('filtersLabel')} onSubmit={(e) => e.preventDefault()} data-testid="action-filters">
      <div className="filter-row">
        <LabelledField label={t('filterYear')}>
          {(props) => (
            <select {...props} value={shown.year ?? ''} onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })} data-testid="filter-year">
              {all}
              {years.map((y) => (
                <option key={y} value={y}>
                  {t('yearHeading', { year: y })}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField label={t('filterQuarter')}>
          {(props) => (
            <select {...props} value={shown.quarter ?? ''} onChange={(e) => set({ quarter: e.target.value ? Number(e.target.value) : undefined })} data-testid="filter-quarter">
              {all}
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t('quarterLabel', { quarter: q })}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField label={t('filterDepartment')}>
          {(props) => (
            <select
              {...props}
              value={shown.department ?? ''}
              onChange={(e) => set({ department: e.target.value === 'none' ? 'none' : e.target.value ? Number(e.target.value) : undefined })}
              data-testid="filter-department"
            >
              {all}
              <option value="none">{t('filterNoDepartment')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {departmentLabel(d, lang)}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField label={t('filterStatus')}>
          {(props) => (
            <select {...props} value={shown.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as WorkspaceFilter['status'] })} data-testid="filter-status">
              {all}
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ACTION_STATUS_LABELS[s][lang]}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
      </div>
      <div className="filter-checks">
        <div className="field-check">
          <input id="filter-mine" type="checkbox" checked={shown.mine ?? false} onChange={(e) => set({ mine: e.target.checked })} data-testid="filter-mine" />
          <label htmlFor="filter-mine">{t('filterMine')}</label>
        </div>
        <div className="field-check">
          <input id="filter-overdue" type="checkbox" checked={shown.overdue ?? false} onChange={(e) => set({ overdue: e.target.checked })} data-testid="filter-overdue" />
          <label htmlFor="filter-overdue">{t('filterOverdue')}</label>
        </div>
        {Object.keys(shown).length > 0 && (
          <Link href={listHref} className="filter-reset" data-testid="filter-reset">
            {t('filterReset')}
          </Link>
        )}
      </div>
    </form>
  );
}
