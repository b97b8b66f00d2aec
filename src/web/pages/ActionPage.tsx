/**
 * `/plans/:id/actions/:actionId`: one action for the public — its status and progress with
 * 기준일, published evidence, the staff's public explanation (Korean; English when written, else
 * the Korean shown with a note) and the history of its status and progress. Staff names and
 * internal comments are not in the answer at all.
 */
import { withJosa } from '../../server/korean.ts';
import { ACTION_STATUS_LABELS } from '../../modules/plan/types.ts';
import { AsOf } from '../components/AsOf.tsx';
import { LocalText, plainText } from '../components/events/EventText.tsx';
import { Link } from '../components/Link.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { formatDateTime, periodLabel } from '../format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';
import { fetchPublicAction, type PublicActionPage } from '../transparency-api.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

type HistoryItem = PublicActionPage['history'][number];

function Explanation({ explanation }: { explanation: PublicActionPage['explanation'] }) {
  const { lang, t } = useI18n();
  if (!explanation) return <p data-testid="explanation-none">{t('explanationNone')}</p>;
  const english = lang === 'en' && explanation.en;
  return (
    <div className="explanation" data-testid="explanation">
      {lang === 'en' && !explanation.en && <p className="fallback-note">{t('explanationEnglishMissing')}</p>}
      <p className="explanation-text" lang={english ? 'en' : 'ko'}>
        {english ? explanation.en : explanation.ko}
      </p>
      <AsOf at={explanation.updatedAt} label="explanationUpdated" />
    </div>
  );
}

function HistoryLine({ item }: { item: HistoryItem }) {
  const { lang, t } = useI18n();
  const from = ACTION_STATUS_LABELS[item.statusBefore][lang];
  const to = ACTION_STATUS_LABELS[item.statusAfter][lang];
  return (
    <li data-testid="history-item" data-status={item.statusAfter}>
      <time dateTime={item.at}>{formatDateTime(item.at, lang)}</time>{' '}
      {item.statusBefore !== item.statusAfter && <span>{t('historyStatusChange', { from, to: lang === 'ko' ? withJosa(to, '으로/로') : to })} </span>}
      {item.progressBefore !== item.progressAfter && <span>{t('historyProgressChange', { from: item.progressBefore, to: item.progressAfter })}</span>}
    </li>
  );
}

function ActionView({ page }: { page: PublicActionPage }) {
  const { lang, t } = useI18n();
  const { action, entry, plan } = page;
  return (
    <article className="plan action-page" data-testid="action-page">
      <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
        <ol>
          <li>
            <Link href="/">{t('home')}</Link>
          </li>
          <li>
            <Link href={`/plans/${plan.id}#schedule`}>{plainText({ ko: plan.title, en: plan.titleEn }, lang)}</Link>
          </li>
          <li aria-current="page">{t('actionPageHeading')}</li>
        </ol>
      </nav>
      <header className="plan-header">
        <p className="plan-pledge">{t('actionEntry', { year: entry.year, period: periodLabel(entry.period, lang) })}</p>
        <h1 data-testid="action-title">
          <LocalText text={{ ko: action.text, en: action.textEn }} />
        </h1>
        <p className="action-state">
          <StatusBadge status={action.status} testId="action-status" />
          <ProgressBar value={action.progress} label={t('actionProgressLabel', { text: plainText({ ko: action.text, en: action.textEn }, lang) })} testId="action-progress" whole />
          {action.target && <span className="badge">{t('actionTarget', { count: action.target.count, unit: action.target.unit })}</span>}
        </p>
        <AsOf at={page.asOf} testId="action-as-of" />
      </header>

      {entry.goals.length > 0 && (
        <section className="plan-section" aria-labelledby="goals-heading">
          <h2 id="goals-heading">{t('goals')}</h2>
          <ul>
            {entry.goals.map((g, i) => (
              <li key={i}>
                <LocalText text={{ ko: g, en: entry.goalsEn[i] ?? null }} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="plan-section" aria-labelledby="explanation-heading">
        <h2 id="explanation-heading">{t('explanationHeading')}</h2>
        <Explanation explanation={page.explanation} />
        {action.evidence.length > 0 && (
          <>
            <h3>{t('evidence')}</h3>
            <ul className="evidence-links">
              {action.evidence.map((e) => (
                <li key={e.id} data-testid="public-evidence">
                  <a href={e.url} rel={e.kind === 'link' ? 'noreferrer' : undefined}>
                    {e.title}
                  </a>{' '}
                  <span className="evidence-kind">({t(e.kind === 'file' ? 'evidenceFile' : 'evidenceLink')})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="plan-section" aria-labelledby="history-heading" data-testid="action-history">
        <h2 id="history-heading">{t('historyHeading')}</h2>
        {page.history.length === 0 ? (
          <p>{t('historyEmpty')}</p>
        ) : (
          <ol className="status-history">
            {page.history.map((h, i) => (
              <HistoryLine key={i} item={h} />
            ))}
          </ol>
        )}
        <p className="figure-help">{t('historyNote')}</p>
      </section>

      <p>
        <Link href={`/plans/${plan.id}#schedule`}>{t('backToPlan')}</Link>
      </p>
    </article>
  );
}

export function ActionPage({ planId, actionId }: { planId: number; actionId: number }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.planAction(planId, actionId), (signal) => fetchPublicAction(planId, actionId, signal));
  useDocumentTitle(
    state.status === 'ok'
      ? plainText({ ko: state.data.action.text, en: state.data.action.textEn }, lang)
      : state.status === 'error'
        ? t('errorTitle')
        : state.status === 'notFound'
          ? t('notFoundTitle')
          : null,
    t('titleSuffix'),
  );
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'notFound':
      return <NotFoundPage />;
    case 'error':
      return <ErrorView error={state.error} onRetry={retry} />;
    case 'ok':
      return <ActionView page={state.data} />;
  }
}
