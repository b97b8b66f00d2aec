/** Overdue action items (the staff dashboard, the partner's: its organisation's only). */
import { useId } from 'react';
import { overdueItems } from '../../meetings-api.ts';
import { localText } from '../../education-format.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { keys } from '../../queries.ts';
import { Link } from '../Link.tsx';
import { ErrorView, Loading } from '../StatusViews.tsx';

export function OverdueItems() {
  const { lang, t } = useI18n();
  const caption = useId();
  const { state, retry } = useLoad(keys.staffOverdue(), (signal) => overdueItems(signal));
  return (
    <section className="plan-section" data-testid="overdue-items">
      <h2 id="overdue-heading">{t('overdueHeading')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status !== 'loading' && state.status !== 'ok' && <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
          <p>{t('overdueNone')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby={caption} tabIndex={0}>
            <table className="data-table table-left">
              <caption id={caption} className="visually-hidden">
                {t('overdueHeading')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('colItem')}</th>
                  <th scope="col">{t('colSeries')}</th>
                  <th scope="col">{t('colDue')}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((o) => (
                  <tr key={o.id} data-outcome-id={o.id}>
                    <th scope="row">
                      <Link href={`/staff/meetings/${o.meetingId}`}>{localText(o.text, lang)}</Link>
                    </th>
                    <td>{localText(o.seriesTitle, lang)}</td>
                    <td>{o.dueOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
