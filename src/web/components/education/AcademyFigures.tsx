/** Academy figures for a year: per session, per quarter and the whole year (registered, attended, rate, satisfaction). */
import { useId, useState } from 'react';
import { academyFigures, type FigureRow } from '../../education-api.ts';
import { formatPercent, formatScore, localText, seoulYear } from '../../education-format.ts';
import { useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { ErrorView, Loading } from '../StatusViews.tsx';

function Cells({ row }: { row: FigureRow }) {
  return (
    <>
      <td>{row.registered}</td>
      <td>{row.attended}</td>
      <td>{formatPercent(row.attendanceRate)}</td>
      <td>{formatScore(row.satisfaction)}</td>
    </>
  );
}

function Head({ first }: { first: string }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('figRegistered')}</th>
        <th scope="col">{t('figAttended')}</th>
        <th scope="col">{t('figAttendanceRate')}</th>
        <th scope="col">{t('figSatisfaction')}</th>
      </tr>
    </thead>
  );
}

export function AcademyFigures({ sessionId }: { sessionId?: number }) {
  const { lang, t } = useI18n();
  const [year, setYear] = useState(seoulYear());
  const yearId = useId();
  const sessionsCaption = useId();
  const quarterCaption = useId();
  const { state, retry } = useLoad(keys.staffAcademyFigures(year), (signal) => academyFigures(year, signal));
  return (
    <section className="plan-section" aria-labelledby="figures-heading" data-testid="academy-figures">
      <h2 id="figures-heading">{t('academyFiguresHeading')}</h2>
      <div className="field narrow-form">
        <label htmlFor={yearId}>{t('figuresYear')}</label>
        <select id={yearId} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[seoulYear() + 1, seoulYear(), seoulYear() - 1, seoulYear() - 2, seoulYear() - 3].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {state.status === 'loading' && <Loading />}
      {(state.status === 'error' || state.status === 'notFound') && <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />}
      {state.status === 'ok' && (
        <>
          <dl className="figure-list" data-testid="academy-year-figures">
            <div>
              <dt>{t('figRegistered')}</dt>
              <dd>{state.data.year.registered}</dd>
            </div>
            <div>
              <dt>{t('figAttended')}</dt>
              <dd>{state.data.year.attended}</dd>
            </div>
            <div>
              <dt>{t('figAttendanceRate')}</dt>
              <dd>{formatPercent(state.data.year.attendanceRate)}</dd>
            </div>
            <div>
              <dt>{t('figSatisfaction')}</dt>
              <dd>{formatScore(state.data.year.satisfaction)}</dd>
            </div>
          </dl>
          <div className="table-scroll" role="region" aria-labelledby={quarterCaption} tabIndex={0}>
            <table className="data-table">
              <caption id={quarterCaption}>{t('figuresByQuarter', { year })}</caption>
              <Head first={t('quarter')} />
              <tbody>
                {state.data.byQuarter.map((q) => (
                  <tr key={q.quarter}>
                    <th scope="row">{t('quarterN', { n: q.quarter })}</th>
                    <Cells row={q} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll" role="region" aria-labelledby={sessionsCaption} tabIndex={0}>
            <table className="data-table table-left" data-testid="academy-session-figures">
              <caption id={sessionsCaption}>{t('figuresBySession', { year })}</caption>
              <Head first={t('sessionTitle')} />
              <tbody>
                {state.data.sessions
                  .filter((s) => sessionId === undefined || s.id === sessionId)
                  .map((s) => (
                    <tr key={s.id} data-session-id={s.id}>
                      <th scope="row">{localText(s.title, lang)}</th>
                      <Cells row={s} />
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
