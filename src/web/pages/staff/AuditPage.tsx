/**
 * `/staff/audit` (admins, managers): the audit trail in words ("김*동 님이 '…'를 완료로
 * 변경했습니다"), filtered by person, kind of record, words in the record's title and dates
 * (Seoul days, both ends included), a page at a time. The filters live in the address, so a
 * search can be reloaded, shared and undone with the back button; the CSV link exports the same.
 */
import { useEffect } from 'react';
import { AuditTable } from '../../components/staff/AuditTable.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { actionLabel, ENTITY_WORDS } from '../../audit-words.ts';
import { Form, SelectField, TextField, useKitForm } from '../../forms/index.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { auditCsvUrl, fetchAudit, fetchAuditFacets, type AuditFilter } from '../../staff-api.ts';
import { useUrlFilters } from '../../url-filters.ts';

const PAGE_SIZE = 50;
const FILTERS = ['actorId', 'entity', 'q', 'from', 'to', 'action', 'page'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const EMPTY: Filters = { actorId: '', entity: '', q: '', from: '', to: '', action: '', page: '' };

/** The next calendar day of a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Dates are Seoul days; the API's `to` is exclusive, so "to" a day means before the next one. */
function toApiFilter(f: Filters): AuditFilter {
  return {
    actorId: f.actorId || undefined,
    entity: f.entity.trim() || undefined,
    action: f.action.trim() || undefined,
    q: f.q.trim() || undefined,
    from: f.from ? `${f.from}T00:00:00+09:00` : undefined,
    to: f.to ? `${nextDay(f.to)}T00:00:00+09:00` : undefined,
  };
}

export function AuditPage() {
  const { lang, t } = useI18n();
  const [applied, setApplied] = useUrlFilters(FILTERS);
  const form = useKitForm({ defaultValues: applied });
  const page = Math.max(1, Number(applied.page) || 1);
  const filter = toApiFilter(applied);
  const { state, retry } = useLoad(keys.staffAudit(filter, page), (signal) => fetchAudit({ ...filter, page, pageSize: PAGE_SIZE }, signal));
  const facets = useLoad(['staff', 'audit', 'facets'], fetchAuditFacets);
  useDocumentTitle(t('auditTitle'), t('staffTitleSuffix'));
  // The form follows the address (back and forward buttons).
  const appliedKey = JSON.stringify(applied);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised filter is the trigger
  useEffect(() => form.reset(applied), [appliedKey]);

  const apply = (filters: Filters) => setApplied({ ...filters, page: '' });
  const goTo = (p: number) => setApplied({ ...applied, page: p > 1 ? String(p) : '' });
  const toAfterFrom = (to: string, all: object) => {
    const from = (all as Filters).from;
    return !from || !to || from <= to || t('dateRangeInvalid');
  };
  const pages = state.status === 'ok' ? Math.max(1, Math.ceil(state.data.total / PAGE_SIZE)) : 1;
  const f = facets.state.status === 'ok' ? facets.state.data : { actors: [], entities: [], actions: [] };
  const actorOptions = f.actors.map((a) => ({ value: String(a.id), label: a.label }));
  const actionOptions = [...new Set([...f.actions, ...(applied.action ? [applied.action] : [])])].map((a) => ({ value: a, label: actionLabel(a, lang) }));
  const entityOptions = [...new Set([...f.entities, ...(applied.entity ? [applied.entity] : [])])].map((e) => ({ value: e, label: ENTITY_WORDS[e]?.[lang] ?? e }));

  return (
    <>
      <h1>{t('auditTitle')}</h1>
      <Form form={form} className="staff-form audit-filters" aria-label={t('auditFilters')} testId="audit-filters" status={false} onSubmit={apply}>
        <div className="form-row form-row-4">
          <SelectField name="actorId" label={t('auditPerson')} options={actorOptions} placeholder={t('outboxAll')} testId="audit-person" />
          <SelectField name="entity" label={t('auditKind')} options={entityOptions} placeholder={t('outboxAll')} testId="audit-entity" />
          <SelectField name="action" label={t('auditChangeKind')} options={actionOptions} placeholder={t('outboxAll')} testId="audit-action" />
        </div>
        <div className="form-row form-row-4">
          <TextField name="q" label={t('auditQuery')} hint={t('auditQueryHint')} type="search" testId="audit-q" />
          <TextField name="from" label={t('auditFrom')} type="date" testId="audit-from" />
          <TextField name="to" label={t('auditTo')} type="date" rules={{ validate: toAfterFrom }} testId="audit-to" />
        </div>
        <p className="form-actions">
          <button type="submit" className="button-primary">
            {t('search')}
          </button>
          <button type="button" className="button-secondary" onClick={() => apply(EMPTY)}>
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
            <button type="button" className="button-small" onClick={() => goTo(page - 1)} disabled={page <= 1} data-testid="pager-prev">
              {t('previousPage')}
            </button>
            <span data-testid="pager-position">{t('pagePosition', { page, pages })}</span>
            <button type="button" className="button-small" onClick={() => goTo(page + 1)} disabled={page >= pages} data-testid="pager-next">
              {t('nextPage')}
            </button>
          </nav>
        </section>
      )}
    </>
  );
}
