/**
 * A session's registrants, searched by name: masked phones, an unmask button for managers
 * (each unmask is logged by the server), and a check-in button. `compact` is the check-in
 * page's phone-width version (name, status, check-in). The server pages the list by id
 * (?after=&limit=, docs/education-api.md): the first page shows, "more" appends the next.
 */
import type { z } from 'zod';
import type { pageSchema } from '../../../modules/registration/listing.ts';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { request } from '../../api-client.ts';
import { checkIn, unmask, type Registrant, type RegistrationStatus } from '../../education-api.ts';
import { formatDateTime } from '../../education-format.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n, type MessageKey } from '../../i18n.ts';
import { ButtonText } from '../staff/ButtonText.tsx';
import { useCheckInAction } from '../CheckIn.tsx';
import { ErrorView, Loading } from '../StatusViews.tsx';
import { errorMessage, FormAlert, MoreRows, SearchForm, StatusMessage } from '../../forms/index.ts';

export const REG_STATUS_LABELS: Record<RegistrationStatus, MessageKey> = {
  confirmed: 'regConfirmed',
  waitlisted: 'regWaitlisted',
  offered: 'regOffered',
  cancelled: 'regCancelled',
  expired: 'regExpired',
  pending: 'regPendingApproval',
};

/** One page of a staff list (pageSchema in src/modules/registration/listing.ts). */
export type ListPage<T> = Omit<z.infer<ReturnType<typeof pageSchema>>, 'items'> & { items: T[] };

const PAGE_SIZE = 100;
const PAGE_MAX = 500;

/** `path?q=…&after=…&limit=…` for a paged staff list. */
export function pageUrl(path: string, params: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  const text = qs.toString();
  return text ? `${path}?${text}` : path;
}

type PagedState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ok'; items: T[]; nextAfter: number | null; total: number | null };

/**
 * A keyset-paged list: the first page on load (and whenever `key` changes), `more()` appends
 * the next page, `refresh()` reloads as many rows as are shown (after a check-in or approval).
 */
export function usePagedList<T>(key: string, fetchPage: (after: number | null, limit: number, signal: AbortSignal) => Promise<ListPage<T>>) {
  const [state, setState] = useState<PagedState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const stateRef = useRef(state);
  stateRef.current = state;
  // biome-ignore lint/correctness/useExhaustiveDependencies: key and attempt are the triggers (a new search, a retry); the loader is read through a ref
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    setMoreError(null);
    fetchRef.current(null, PAGE_SIZE, controller.signal).then(
      (page) => setState({ status: 'ok', ...page }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  const more = useCallback(async () => {
    const s = stateRef.current;
    if (s.status !== 'ok' || s.nextAfter === null) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchRef.current(s.nextAfter, PAGE_SIZE, new AbortController().signal);
      setState({ status: 'ok', items: [...s.items, ...page.items], nextAfter: page.nextAfter, total: s.total });
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  }, []);
  const refresh = useCallback(async () => {
    const s = stateRef.current;
    const shown = s.status === 'ok' ? Math.max(PAGE_SIZE, s.items.length) : PAGE_SIZE;
    const items: T[] = [];
    let after: number | null = null;
    let total: number | null = null;
    let first = true;
    do {
      const page: ListPage<T> = await fetchRef.current(after, Math.min(PAGE_MAX, shown - items.length), new AbortController().signal);
      if (first) total = page.total;
      first = false;
      items.push(...page.items);
      after = page.nextAfter;
    } while (after !== null && items.length < shown);
    setState({ status: 'ok', items, nextAfter: after, total });
  }, []);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, more, loadingMore, moreError, refresh, retry };
}

export const useCheckIn = (sessionId: number, onDone: () => void) => useCheckInAction((body) => checkIn(sessionId, body), onDone);

export function Registrants({ sessionId, canUnmask, canCheckIn, compact = false }: { sessionId: number; canUnmask: boolean; canCheckIn: boolean; compact?: boolean }) {
  const { lang, t } = useI18n();
  const caption = useId();
  const [q, setQ] = useState('');
  const { state, retry, refresh, more, loadingMore, moreError } = usePagedList<Registrant>(`registrants-${sessionId}-${q}`, (after, limit, signal) =>
    request<ListPage<Registrant>>(pageUrl(`/api/academy/sessions/${sessionId}/registrations`, { q, after, limit }), { signal }),
  );
  const [unmasked, setUnmasked] = useState<Record<number, { phone: string | null; email: string | null }>>({});
  const unmasking = useMutation();
  const checking = useCheckIn(sessionId, () => {
    refresh().catch(() => retry());
  });

  const reveal = async (r: Registrant) => {
    const contact = await unmasking.run(() => unmask(r.id));
    if (contact) setUnmasked((old) => ({ ...old, [r.id]: contact }));
  };
  const errorText = (e: unknown) => errorMessage(e, lang, t);

  return (
    <section className="plan-section" aria-labelledby={`${caption}-heading`} data-testid="registrants">
      <h2 id={`${caption}-heading`}>{compact ? t('checkInByName') : t('registrantsHeading')}</h2>
      <SearchForm label={t('searchByName')} button={t('search')} onSearch={setQ} testId="registrant-search" input={{ maxLength: 100 }} />
      {!compact && canUnmask && <p className="field-hint">{t('unmaskLogged')}</p>}
      <FormAlert message={errorText(checking.mutation.error) ?? errorText(unmasking.error) ?? errorText(moreError)} focus />
      <p className={`form-status${checking.result?.already ? ' check-in-already' : ''}`} role="status" data-testid="check-in-result">
        {checking.message}
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorView error={state.error} onRetry={retry} />}
      {state.status === 'ok' &&
        (state.items.length === 0 ? (
          <p data-testid="no-registrants">{q ? t('noRegistrantsFound', { q }) : t('noRegistrants')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby={caption} tabIndex={0}>
            <table className="data-table table-left registrant-table" data-testid="registrant-table">
              <caption id={caption} className="visually-hidden">
                {t('registrantsCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('applicantName')}</th>
                  <th scope="col">{t('registrationStatus')}</th>
                  {!compact && <th scope="col">{t('applicantPhone')}</th>}
                  {!compact && <th scope="col">{t('email')}</th>}
                  {!compact && <th scope="col">{t('registeredAt')}</th>}
                  <th scope="col">{t('checkInColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {state.items.map((r) => {
                  const contact = unmasked[r.id];
                  return (
                    <tr key={r.id} data-registration-id={r.id} data-testid="registrant-row">
                      <th scope="row" data-testid="registrant-name">
                        {r.name}
                      </th>
                      <td>{REG_STATUS_LABELS[r.status] ? t(REG_STATUS_LABELS[r.status]) : r.status}</td>
                      {!compact && (
                        <td>
                          <span data-testid="registrant-phone">{contact ? (contact.phone ?? '–') : (r.phoneMasked ?? '–')}</span>
                          {canUnmask && !contact && (
                            <>
                              {' '}
                              <button type="button" className="button-tertiary button-small" onClick={() => reveal(r)} disabled={unmasking.busy} data-testid="unmask">
                                <ButtonText text={t('unmask')} object={r.name} />
                              </button>
                            </>
                          )}
                        </td>
                      )}
                      {!compact && <td>{contact ? (contact.email ?? '–') : (r.email ?? '–')}</td>}
                      {!compact && <td>{formatDateTime(r.createdAt, lang)}</td>}
                      <td>
                        {!r.checkedInAt && !(canCheckIn && r.status === 'confirmed') ? '–' : null}
                        {r.checkedInAt ? <span data-testid="checked-in-at">{t('checkedInAt', { at: formatDateTime(r.checkedInAt, lang) })}</span> : null}
                        {canCheckIn && r.status === 'confirmed' && (
                          <>
                            {r.checkedInAt ? ' ' : ''}
                            <button
                              type="button"
                              className={r.checkedInAt ? 'button-tertiary button-small' : 'button-primary button-small'}
                              onClick={() => checking.run({ registrationId: r.id })}
                              disabled={checking.mutation.busy}
                              data-testid="check-in"
                            >
                              <ButtonText text={t('checkIn')} object={r.name} />
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      {state.status === 'ok' && state.items.length > 0 && (
        <MoreRows
          shown={state.items.length}
          total={state.total}
          hasMore={state.nextAfter !== null}
          busy={loadingMore}
          onMore={() => void more()}
          lang={lang}
          testId="registrants"
        />
      )}
      <StatusMessage message={unmasking.done} />
    </section>
  );
}
