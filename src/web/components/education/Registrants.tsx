/**
 * A session's registrants, searched by name: masked phones, an unmask button for managers
 * (each unmask is logged by the server), and a check-in button. `compact` is the check-in
 * page's phone-width version (name, status, check-in). The server pages the list by id
 * (?after=&limit=, docs/education-api.md): the first page shows, "more" appends the next.
 */
import { useId, useState } from 'react';
import { request } from '../../api-client.ts';
import { checkIn, unmask, type Registrant } from '../../education-api.ts';
import { formatDateTime, REG_STATUS_LABELS } from '../../education-format.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { ButtonText } from '../staff/ButtonText.tsx';
import { useCheckInAction } from '../CheckIn.tsx';
import { ErrorView, Loading } from '../StatusViews.tsx';
import { errorMessage, FormAlert, MoreRows, pageUrl, SearchForm, StatusMessage, usePagedList, type ListPage } from '../../forms/index.ts';

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
            <table className="data-table table-left registrant-table stack-on-phone" data-testid="registrant-table">
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
                      <td data-label={t('registrationStatus')}>{REG_STATUS_LABELS[r.status] ? t(REG_STATUS_LABELS[r.status]) : r.status}</td>
                      {!compact && (
                        <td data-label={t('applicantPhone')}>
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
                      {!compact && <td data-label={t('email')}>{contact ? (contact.email ?? '–') : (r.email ?? '–')}</td>}
                      {!compact && <td data-label={t('registeredAt')}>{formatDateTime(r.createdAt, lang)}</td>}
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
