/**
 * `/settlement/survey`: the yearly settlement survey as bar charts (inline SVG, CSP-safe), one per
 * topic with a bar per year, and the departments' improvement items with their last quarterly check.
 */
import { CATEGORY_LABELS, IMPROVEMENT_STATUS_LABELS, KIND_LABELS } from '../components/settlement/labels.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { localText } from '../education-format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';
import { type Improvement, settlementImprovements, settlementSurveys, type Surveys } from '../settlement-api.ts';

const BAR_H = 22;
const GAP = 8;
const LABEL_W = 60;
const PLOT_W = 240;

function TopicChart({ row }: { row: Surveys['comparison'][number] }) {
  const { t } = useI18n();
  const topic = t(CATEGORY_LABELS[row.topic]);
  const summary = row.byYear.map((b) => `${b.year} ${b.satisfied === null ? '–' : `${b.satisfied}%`}`).join(', ');
  const height = row.byYear.length * (BAR_H + GAP);
  return (
    <figure className="survey-chart" data-testid="survey-chart" data-topic={row.topic}>
      <figcaption>
        <strong>{topic}</strong>
        {row.change !== null && (
          <span className="meta" data-testid="survey-change">
            {' '}
            {t('surveyChange', { change: row.change > 0 ? `+${row.change}` : String(row.change) })}
          </span>
        )}
      </figcaption>
      <svg role="img" aria-label={t('surveyChartLabel', { topic, summary })} viewBox={`0 0 ${LABEL_W + PLOT_W + 60} ${height}`} width="100%">
        {row.byYear.map((b, i) => {
          const y = i * (BAR_H + GAP);
          const w = b.satisfied === null ? 0 : (b.satisfied / 100) * PLOT_W;
          return (
            <g key={b.year} data-year={b.year} data-value={b.satisfied ?? ''}>
              <text x={0} y={y + BAR_H * 0.72} className="chart-label">
                {b.year}
              </text>
              <rect x={LABEL_W} y={y} width={PLOT_W} height={BAR_H} className="bar-track" />
              <rect x={LABEL_W} y={y} width={w} height={BAR_H} className="bar-value" />
              <text x={LABEL_W + PLOT_W + 6} y={y + BAR_H * 0.72} className="chart-label">
                {b.satisfied === null ? '–' : `${b.satisfied}%`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function ImprovementList({ items }: { items: Improvement[] }) {
  const { lang, t } = useI18n();
  if (items.length === 0) return <p>{t('improvementsEmpty')}</p>;
  return (
    <ul className="plan-list" data-testid="improvements">
      {items.map((i) => {
        const last = i.checks.at(-1);
        return (
          <li key={i.id} className="plan-card" data-testid="improvement" data-status={i.status}>
            <p>
              <span className="badge">{t(KIND_LABELS[i.kind])}</span> <span className="badge">{t(IMPROVEMENT_STATUS_LABELS[i.status])}</span>
            </p>
            <h3>{localText(i.title, lang)}</h3>
            <p className="meta">
              {i.department ?? ''}
              {last && ` · ${t('improvementLastCheck', { year: last.year, quarter: last.quarter })}`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

async function load(signal: AbortSignal) {
  const [surveys, improvements] = await Promise.all([settlementSurveys(signal), settlementImprovements(signal)]);
  return { surveys, improvements: improvements.items };
}

export function SettlementSurveyPage() {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.settlementSurvey(), load);
  useDocumentTitle(t('surveyTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const { surveys, improvements } = state.data;
  return (
    <>
      <h1>{t('surveyTitle')}</h1>
      <p className="lead">{t('surveyIntro')}</p>
      {surveys.years.length === 0 ? (
        <p>{t('surveyEmpty')}</p>
      ) : (
        <>
          <ul className="plain-list" data-testid="survey-years">
            {surveys.years.map((y) => (
              <li key={y.year}>{t('surveyRespondents', { year: y.year, count: y.respondents })}</li>
            ))}
          </ul>
          <div className="survey-charts">
            {surveys.comparison.map((row) => (
              <TopicChart key={row.topic} row={row} />
            ))}
          </div>
        </>
      )}
      <section className="plan-section" aria-labelledby="improvements-heading">
        <h2 id="improvements-heading">{t('improvementsHeading')}</h2>
        <ImprovementList items={improvements} />
      </section>
    </>
  );
}
