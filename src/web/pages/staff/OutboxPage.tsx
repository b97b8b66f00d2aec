/**
 * `/staff/outbox` (managers): the messages queued, sent and failed, newest first, filtered by
 * status, kind and day (kept in the address); recipients masked; a failed message has its
 * reason and a button that sends it again (audited by the server).
 */
import { useEffect, useState } from 'react';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDateTime } from '../../education-format.ts';
import { Form, FormAlert, failureText, SelectField, StatusMessage, TextField, useKitForm, usePagedList } from '../../forms/index.ts';
import { useDocumentTitle, useMutation } from '../../hooks.ts';
import { useI18n, type MessageKey } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import { fetchOutbox, retryOutbox, type OutboxFilter, type OutboxMessage } from '../../todo-api.ts';
import { useUrlFilters } from '../../url-filters.ts';

const FILTERS = ['status', 'kind', 'from', 'to'] as const;
const STATUS_LABELS: Record<OutboxMessage['status'], MessageKey> = { pending: 'outboxPending', sent: 'outboxSent', failed: 'outboxFailed' };

function MessageCard({ m, onRetry, busy }: { m: OutboxMessage; onRetry: (id: number) => void; busy: boolean }) {
  const { lang, t } = useI18n();
  return (
    <li className={`outbox-card outbox-${m.status}`} data-testid="outbox-message" data-message-id={m.id} data-status={m.status}>
      <p className="outbox-head">
        <span className={`badge badge-${m.status}`}>{t(STATUS_LABELS[m.status])}</span> <strong>{m.subject}</strong>
      </p>
      <dl className="outbox-facts">
        <div>
          <dt>{t('outboxRecipient')}</dt>
          <dd data-testid="outbox-recipient">
            {t(m.channel === 'email' ? 'outboxEmail' : 'outboxSms')} {m.recipient ?? t('outboxPurged')}
          </dd>
        </div>
        <div>
          <dt>{t('outboxKind')}</dt>
          <dd>{m.kind}</dd>
        </div>
        <div>
          <dt>{t('outboxStatus')}</dt>
          <dd>
            {t('outboxCreated', { date: formatDateTime(m.createdAt, lang) })}
            {m.sentAt && ` · ${t('outboxSentAt', { date: formatDateTime(m.sentAt, lang) })}`} · {t('outboxAttempts', { count: m.attempts })}
          </dd>
        </div>
        {m.lastError && (
          <div>
            <dt>{t('outboxReason')}</dt>
            <dd data-testid="outbox-reason">{m.lastError}</dd>
          </div>
        )}
      </dl>
      {m.canRetry && (
        <p className="outbox-actions">
          {m.linksExpired && <span className="hint">{t('outboxLinksExpired')} </span>}
          <button type="button" className="button-secondary" disabled={busy} onClick={() => onRetry(m.id)} data-testid="outbox-retry">
            {t('outboxRetry')}
          </button>
        </p>
      )}
    </li>
  );
}

export function OutboxPage() {
  const { lang, t } = useI18n();
  const [filter, setFilter] = useUrlFilters(FILTERS);
  const form = useKitForm<OutboxFilter>({ defaultValues: filter });
  const list = usePagedList(JSON.stringify(filter), (after, limit, signal) => fetchOutbox(filter, after, limit, signal));
  const retry = useMutation();
  const [kinds, setKinds] = useState<string[]>([]);
  useDocumentTitle(t('outboxTitle'), t('staffTitleSuffix'));
  // The form follows the address (back and forward buttons, a link from the dashboard).
  const filterKey = JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised filter is the trigger
  useEffect(() => form.reset(filter), [filterKey]);
  useEffect(() => {
    if (list.state.status === 'ok' && list.state.total !== null) setKinds((list.state as { kinds?: string[] }).kinds ?? []);
  }, [list.state]);

  const send = async (id: number) => {
    const done = await retry.run(() => retryOutbox(id), t('outboxRetried', { id }));
    if (done) {
      await list.refresh();
      void invalidate(keys.staffTodo());
    }
  };
  const statusOptions = (['failed', 'pending', 'sent'] as const).map((s) => ({ value: s, label: t(STATUS_LABELS[s]) }));
  const kindOptions = [...new Set([...kinds, ...(filter.kind ? [filter.kind] : [])])].map((k) => ({ value: k, label: k }));

  return (
    <>
      <h1>{t('outboxTitle')}</h1>
      <p className="lead">{t('outboxIntro')}</p>
      <Form form={form} className="staff-form outbox-filters" aria-label={t('outboxFilters')} testId="outbox-filters" status={false} onSubmit={(v) => setFilter(v)}>
        <div className="form-row form-row-4">
          <SelectField name="status" label={t('outboxStatus')} options={statusOptions} placeholder={t('outboxAll')} testId="outbox-status" />
          <SelectField name="kind" label={t('outboxKind')} options={kindOptions} placeholder={t('outboxAll')} testId="outbox-kind" />
          <TextField name="from" label={t('outboxFrom')} type="date" />
          <TextField name="to" label={t('outboxTo')} type="date" />
        </div>
        <p className="form-actions">
          <button type="submit" className="button-primary">
            {t('search')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setFilter({ status: '', kind: '', from: '', to: '' })}>
            {t('resetFilters')}
          </button>
        </p>
      </Form>
      <FormAlert message={failureText(retry.error, lang, t)} />
      <StatusMessage message={retry.done} />
      {list.state.status === 'loading' && <Loading />}
      {list.state.status === 'error' && <ErrorView error={list.state.error} onRetry={list.retry} />}
      {list.state.status === 'ok' && (
        <section aria-labelledby="outbox-results">
          <h2 id="outbox-results" className="visually-hidden">
            {t('outboxTitle')}
          </h2>
          {list.state.total !== null && <p data-testid="outbox-total">{t('outboxResults', { total: list.state.total })}</p>}
          {list.state.items.length === 0 ? (
            <p>{t('outboxEmpty')}</p>
          ) : (
            <ul className="outbox-list">
              {list.state.items.map((m) => (
                <MessageCard key={m.id} m={m} onRetry={send} busy={retry.busy} />
              ))}
            </ul>
          )}
          {list.state.nextAfter !== null && (
            <p className="page-actions">
              <button type="button" className="button-secondary" onClick={() => void list.more()} disabled={list.loadingMore} data-testid="outbox-more">
                {t('outboxMore')}
              </button>
            </p>
          )}
        </section>
      )}
    </>
  );
}
