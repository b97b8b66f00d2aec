/** `/staff/academy`: the academy's sessions (managers edit each in place), a form for a new one and the figures. */
import { Fragment, useCallback, useId } from 'react';
import { academySessions, type AcademySession } from '../../education-api.ts';
import { formatDateTime, localText, textLang } from '../../education-format.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { AcademyFigures } from '../../components/education/AcademyFigures.tsx';
import { SessionForm } from '../../components/education/SessionForm.tsx';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { isManager, useUser } from '../../session.ts';
import { STATE_LABELS } from '../AcademyPage.tsx';
import { StatusMessage, useEditing } from '../../forms/index.ts';

async function load(signal: AbortSignal): Promise<AcademySession[]> {
  const all = await academySessions('all', signal);
  return [...all.items].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
}

export function AcademyStaffPage() {
  const { lang, t } = useI18n();
  const user = useUser();
  const caption = useId();
  const { state, retry, refresh } = useLoad(keys.staffAcademy(), load);
  const edit = useEditing();
  const manager = isManager(user);
  const onSaved = useCallback(() => {
    refresh().catch(() => retry());
  }, [refresh, retry]);
  useDocumentTitle(t('staffAcademyTitle'), t('staffTitleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  return (
    <>
      <h1>{t('staffAcademyTitle')}</h1>
      <section className="plan-section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t('sessionsHeading')}</h2>
        <StatusMessage message={edit.done} />
        {state.data.length === 0 ? (
          <p>{t('noSessions')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby={caption} tabIndex={0}>
            <table className="data-table table-left" data-testid="staff-sessions">
              <caption id={caption} className="visually-hidden">
                {t('sessionsCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessionTitle')}</th>
                  <th scope="col">{t('sessionWhen')}</th>
                  <th scope="col">{t('sessionVenue')}</th>
                  <th scope="col">{t('seatsTaken')}</th>
                  <th scope="col">{t('registrationState')}</th>
                  {manager && <th scope="col">{t('manage')}</th>}
                </tr>
              </thead>
              <tbody>
                {state.data.map((s) => {
                  const name = localText(s.title, lang);
                  return (
                    <Fragment key={s.id}>
                      <tr data-session-id={s.id}>
                        <th scope="row" lang={textLang(s.title, lang)}>
                          <Link href={`/staff/academy/sessions/${s.id}`}>{name}</Link>
                        </th>
                        <td>{formatDateTime(s.startsAt, lang)}</td>
                        <td>{s.venue}</td>
                        <td>
                          {s.capacity - s.seatsLeft} / {s.capacity}
                          {s.waitlistLength > 0 && <> {t('waitlistShort', { count: s.waitlistLength })}</>}
                        </td>
                        <td>{t(STATE_LABELS[s.registrationState])}</td>
                        {manager && <td>{edit.button(s.id, name, 'edit-session')}</td>}
                      </tr>
                      {edit.editing === s.id && (
                        <tr>
                          <td colSpan={6}>
                            {edit.frame(
                              s.id,
                              name,
                              <SessionForm
                                session={s}
                                onSaved={() => {
                                  edit.saved(name);
                                  onSaved();
                                }}
                              />,
                            )}
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {manager ? <SessionForm onSaved={onSaved} /> : <p className="read-only-note">{t('managersCreateSessions')}</p>}
      <AcademyFigures />
    </>
  );
}
