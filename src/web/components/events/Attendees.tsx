/**
 * An event's registrants (masked phones), searched by name, with approve/reject for those
 * waiting for approval and a check-in button. `compact` is the check-in page's phone version.
 * The server pages the list by id (?after=&limit=, docs/events-api.md): "more" appends the next page.
 */
import { useId, useState } from 'react';
import { request } from '../../api-client.ts';
import { approve, eventCheckIn, type Attendee } from '../../events-api.ts';
import { formatDateTime, REG_STATUS_LABELS } from '../../education-format.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { useCheckInAction } from '../CheckIn.tsx';
import { ErrorView, Loading } from '../StatusViews.tsx';
import { countryName } from './countries.ts';
import { CATEGORY_LABELS, labelOr } from './EventText.tsx';
import { errorMessage, FormAlert, MoreRows, pageUrl, SearchForm, StatusMessage, usePagedList, type ListPage } from '../../forms/index.ts';

export const useEventCheckIn = (eventId: number, onDone: () => void) => useCheckInAction((body) => eventCheckIn(eventId, body), onDone);

const statusLabel = (status: string, t: ReturnType<typeof useI18n>['t']): string => {
  if (status === 'pending_approval') return t('regPendingApproval');
  const key = REG_STATUS_LABELS[status as keyof typeof REG_STATUS_LABELS];
  return key ? t(key) : status;
};

export function Attendees({
  eventId,
  canApprove,
  canCheckIn,
  compact = false,
  version = 0,
}: {
  eventId: number;
  canApprove: boolean;
  canCheckIn: boolean;
  compact?: boolean;
  version?: number;
}) {
  const { lang, t } = useI18n();
  const caption = useId();
  const [q, setQ] = useState('');
  const { state, retry, refresh, more, loadingMore, moreError } = usePagedList<Attendee>(`attendees-${eventId}-${q}-${version}`, (after, limit, signal) =>
    request<ListPage<Attendee>>(pageUrl(`/api/events/${eventId}/attendees`, { q, after, limit }), { signal }),
  );
  const reload = () => {
    refresh().catch(() => retry());
  };
  const checking = useEventCheckIn(eventId, reload);
  const approving = useMutation();
  const decide = async (a: Attendee, yes: boolean) => {
    const done = await approving.run(() => approve(eventId, a.id, yes), t('eventSaved'));
    if (done !== undefined) reload();
  };
  const errorText = (e: unknown) => errorMessage(e, lang, t);
  return (
    <section className="plan-section" aria-labelledby={`${caption}-heading`} data-testid="attendees">
      <h2 id={`${caption}-heading`}>{compact ? t('checkInByName') : t('attendeesHeading')}</h2>
      <SearchForm label={t('searchByName')} button={t('search')} onSearch={setQ} testId="attendee-search" input={{ maxLength: 100 }} />
      <FormAlert message={errorText(checking.mutation.error) ?? errorText(approving.error) ?? errorText(moreError)} />
      <p className={`form-status${checking.result?.already ? ' check-in-already' : ''}`} role="status" data-testid="attendee-check-in-result">
        {checking.message}
      </p>
      <StatusMessage message={approving.done} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorView error={state.error} onRetry={retry} />}
      {state.status === 'ok' &&
        (state.items.length === 0 ? (
          <p>{t('eventsNone')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby={caption} tabIndex={0}>
            <table className="data-table table-left attendee-table stack-on-phone" data-testid="attendee-table">
              <caption id={caption} className="visually-hidden">
                {t('attendeesTable')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('colCategory')}</th>
                  {!compact && <th scope="col">{t('colAffiliation')}</th>}
                  {!compact && <th scope="col">{t('colCountry')}</th>}
                  {!compact && <th scope="col">{t('colPhone')}</th>}
                  <th scope="col">{t('colStatus')}</th>
                  <th scope="col">{t('colAction')}</th>
                </tr>
              </thead>
              <tbody>
                {state.items.map((a) => (
                  <tr key={a.id} data-testid="attendee-row" data-registration-id={a.id}>
                    <th scope="row">
                      {a.name}
                      {a.nameEn && (
                        <>
                          {' '}
                          <span lang="en">({a.nameEn})</span>
                        </>
                      )}
                    </th>
                    <td data-label={t('colCategory')}>{labelOr(CATEGORY_LABELS, a.category, t)}</td>
                    {!compact && <td data-label={t('colAffiliation')}>{a.affiliation ?? '–'}</td>}
                    {!compact && <td data-label={t('colCountry')}>{countryName(a.country, lang)}</td>}
                    {!compact && <td data-label={t('colPhone')}>{a.phoneMasked ?? '–'}</td>}
                    <td data-label={t('colStatus')}>
                      {statusLabel(a.status, t)}
                      {a.checkedInAt ? ` · ${t('checkedIn')} ${formatDateTime(a.checkedInAt, lang)}` : ''}
                    </td>
                    <td>
                      {canApprove && (a.status === 'pending_approval' || a.approval === 'pending') && (
                        <>
                          <button type="button" className="button-secondary" onClick={() => void decide(a, true)} disabled={approving.busy}>
                            {t('approveButton')}
                            <span className="visually-hidden"> {a.name}</span>
                          </button>{' '}
                          <button type="button" className="button-tertiary" onClick={() => void decide(a, false)} disabled={approving.busy}>
                            {t('rejectButton')}
                            <span className="visually-hidden"> {a.name}</span>
                          </button>
                        </>
                      )}
                      {canCheckIn && a.status === 'confirmed' && !a.checkedInAt && (
                        <button
                          type="button"
                          className="button-primary"
                          onClick={() => void checking.run({ registrationId: a.id })}
                          disabled={checking.mutation.busy}
                          data-testid="attendee-check-in"
                        >
                          {t('checkIn')}
                          <span className="visually-hidden"> {a.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {state.status === 'ok' && state.items.length > 0 && (
        <MoreRows shown={state.items.length} total={state.total} hasMore={state.nextAfter !== null} busy={loadingMore} onMore={() => void more()} lang={lang} testId="attendees" />
      )}
    </section>
  );
}
