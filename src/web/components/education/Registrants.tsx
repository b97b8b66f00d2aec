/**
 * A session's registrants, searched by name: masked phones, an unmask button for managers
 * (each unmask is logged by the server), and a check-in button. `compact` is the check-in
 * page's phone-width version (name, status, check-in).
 */
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../form-errors.ts';
import { checkIn, registrants, unmask, type Registrant, type RegistrationStatus } from '../../education-api.ts';
import { formatDateTime } from '../../education-format.ts';
import { useMutation, useResource } from '../../hooks.ts';
import { useI18n, type MessageKey } from '../../i18n.ts';
import { ButtonText } from '../staff/ButtonText.tsx';
import { FormAlert, StatusMessage } from '../staff/Notice.tsx';
import { useCheckInAction } from '../CheckIn.tsx';
import { ErrorView, Loading } from '../StatusViews.tsx';

export const REG_STATUS_LABELS: Record<RegistrationStatus, MessageKey> = {
  confirmed: 'regConfirmed',
  waitlisted: 'regWaitlisted',
  offered: 'regOffered',
  cancelled: 'regCancelled',
  expired: 'regExpired',
};

export const useCheckIn = (sessionId: number, onDone: () => void) => useCheckInAction((body) => checkIn(sessionId, body), onDone);

export function Registrants({ sessionId, canUnmask, canCheckIn, compact = false }: { sessionId: number; canUnmask: boolean; canCheckIn: boolean; compact?: boolean }) {
  const { lang, t } = useI18n();
  const searchId = useId();
  const caption = useId();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const { state, retry, refresh } = useResource(`registrants-${sessionId}-${q}`, (signal) => registrants(sessionId, q, signal));
  const [unmasked, setUnmasked] = useState<Record<number, { phone: string | null; email: string | null }>>({});
  const unmasking = useMutation();
  const checking = useCheckIn(sessionId, () => {
    refresh().catch(() => retry());
  });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
  };
  const reveal = async (r: Registrant) => {
    const contact = await unmasking.run(() => unmask(r.id));
    if (contact) setUnmasked((old) => ({ ...old, [r.id]: contact }));
  };
  const errorText = (e: unknown) => errorMessage(e, lang, t);

  return (
    <section className="plan-section" aria-labelledby={`${caption}-heading`} data-testid="registrants">
      <h2 id={`${caption}-heading`}>{compact ? t('checkInByName') : t('registrantsHeading')}</h2>
      <form className="search-form" role="search" onSubmit={search} data-testid="registrant-search">
        <label htmlFor={searchId}>{t('searchByName')}</label>
        <div className="search-row">
          <input id={searchId} type="search" name="q" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={100} />
          <button type="submit" className="button-secondary">
            {t('search')}
          </button>
        </div>
      </form>
      {!compact && canUnmask && <p className="field-hint">{t('unmaskLogged')}</p>}
      <FormAlert message={errorText(checking.mutation.error) ?? errorText(unmasking.error)} focus />
      <p className={`form-status${checking.result?.already ? ' check-in-already' : ''}`} role="status" data-testid="check-in-result">
        {checking.message}
      </p>
      {state.status === 'loading' && <Loading />}
      {(state.status === 'error' || state.status === 'notFound') && <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
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
                {state.data.items.map((r) => {
                  const contact = unmasked[r.id];
                  return (
                    <tr key={r.id} data-registration-id={r.id} data-testid="registrant-row">
                      <th scope="row" data-testid="registrant-name">
                        {r.name}
                      </th>
                      <td>{REG_STATUS_LABELS[r.status] ? t(REG_STATUS_LABELS[r.status]) : r.status}</td>
                      {!compact && (
                        <td>
                          <span data-testid="registrant-phone">{contact ? contact.phone ?? '–' : r.phoneMasked ?? '–'}</span>
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
                      {!compact && <td>{contact ? contact.email ?? '–' : r.email ?? '–'}</td>}
                      {!compact && <td>{formatDateTime(r.createdAt, lang)}</td>}
                      <td>
                        {!r.checkedInAt && !(canCheckIn && r.status === 'confirmed') ? '–' : null}
                        {r.checkedInAt ? (
                          <span data-testid="checked-in-at">{t('checkedInAt', { at: formatDateTime(r.checkedInAt, lang) })}</span>
                        ) : null}
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
      <StatusMessage message={unmasking.done} />
    </section>
  );
}
