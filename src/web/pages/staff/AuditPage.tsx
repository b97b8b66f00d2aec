/**
 * `/staff/audit` (admins, managers): the audit trail filtered by entity, action and dates (Seoul
 * days, both ends included), a page at a time; the CSV link exports the same filter.
 */
import { useState } from 'react';
import { AuditTable } from '../../components/staff/AuditTable.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { Form, TextField, useKitForm } from '../../forms/index.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { auditCsvUrl, fetchAudit, type AuditFilter } from '../../staff-api.ts';

const PAGE_SIZE = 50;
const ENTITIES = ['user', 'department', 'plan', 'action', 'evidence', 'execution', 'quarter_report'];

interface Filters {
  entity: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { entity: '', action: '', from: '', to: '' };

/** The next calendar day of a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Dates are Seoul days; the API's `to` is exclusive, so "to" a day means before the next one. */
function toApiFilter(f: Filters): AuditFilter {
  return {
    entity: f.entity.trim() || undefined,
    action: f.action.trim() || undefined,
    from: f.from ? `${f.from}T00:00:00+09:00` : undefined,
    to: f.to ? `${nextDay(f.to)}T00:00:00+09:00` : undefined,
  };
}

export function AuditPage() {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: EMPTY });
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const filter = toApiFilter(applied);
  const { state, retry } = useLoad(keys.staffAudit(filter, page), (signal) => fetchAudit({ ...filter, page, pageSize: PAGE_SIZE }, signal));
  useDocumentTitle(t('auditTitle'), t('staffTitleSuffix'));

  const apply = (filters: Filters) => {
    setApplied(filters);
    setPage(1);
  };
  const reset = () => {
    form.reset(EMPTY);
    apply(EMPTY);
  };
  const toAfterFrom = (to: string, all: object) => {
    const from = (all as Filters).from;
    return !from || !to || from <= to || t('dateRangeInvalid');
  };
  const pages = state.status === 'ok' ? Math.max(1, Math.ceil(state.data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1>{t('auditTitle')}</h1>
      <Form form={form} className="staff-form audit-filters" aria-label={t('auditFilters')} testId="audit-filters" status={false} onSubmit={apply}>
        <div className="form-row form-row-4">
          <TextField name="entity" label={t('auditEntity')} list="audit-entities" />
          <TextField name="action" label={t('auditAction')} hint={t('auditActionHint')} />
          <TextField name="from" label={t('auditFrom')} type="date" />
          <TextField name="to" label={t('auditTo')} type="date" rules={{ validate: toAfterFrom }} />
        </div>
        <datalist id="audit-entities">
          {ENTITIES.map((e) => (
            <option key={e} value={e} />
          ))}
        </datalist>
        <p className="form-actions">
          <button type="submit" className="button-primary">
            {t('search')}
          </button>
          <button type="button" className="button-secondary" onClick={reset}>
            {t('resetFilters')}
          </button>
          <a className="button-secondary" href={auditCsvUrl(filter)} download data-testid="audit-csv">
            {t('downloadCsv')}
          </a>
        </p>
      </Form>

      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorView error={state.error} onRetry={retry} />}
      {state.status === 'ok' && (
        <section className="results" aria-labelledby="audit-results">
          <h2 id="audit-results">{t('auditResultsHeading')}</h2>
          <p role="status" data-testid="audit-total">
            {t('auditResults', { total: state.data.total })}
          </p>
          {state.data.items.length === 0 ? <p>{t('auditEmpty')}</p> : <AuditTable rows={state.data.items} />}
          <nav className="pager" aria-label={t('pagerLabel')}>
            <button type="button" className="button-small" onClick={() => setPage((p) => p - 1)} disabled={page <= 1} data-testid="pager-prev">
              {t('previousPage')}
            </button>
            <span data-testid="pager-position">{t('pagePosition', { page, pages })}</span>
            <button type="button" className="button-small" onClick={() => setPage((p) => p + 1)} disabled={page >= pages} data-testid="pager-next">
              {t('nextPage')}
            </button>
          </nav>
        </section>
      )}
    </>
  );
}
