/**
 * Planned budget per year as an inline SVG bar chart, stacked by funding source. Inline SVG
 * (no chart library, no canvas) keeps it offline, CSP-safe and crisp; colours come from CSS
 * classes so the KRDS tokens apply. Screen readers get the figures from aria-label (and the
 * table above has them all).
 */
import { FUNDING_SOURCE_LABELS, type Budget, type FundingSource } from '../../modules/plan/types.ts';
import { formatEok, shortYear } from '../format.ts';
import { useI18n } from '../i18n.ts';

// Geometry in viewBox units. The box is narrow enough that, scaled to a 375px phone, the
// 14-unit labels stay around 12px.
const SLOT = 72;
const BAR = 40;
const PAD_X = 12;
const TOP = 30; // room for the value label above the tallest bar
const PLOT = 150;
const BOTTOM = 30; // room for the year labels

interface Column {
  key: string;
  label: string;
  /** Spoken form: "2022년 2.3억원" reads better than "'22 2.3". */
  spoken: string;
  parts: { source: FundingSource; won: number }[];
  total: number;
}

export function BudgetChart({ budget }: { budget: Budget }) {
  const { lang, t } = useI18n();
  const { years, rows } = budget;

  const columns: Column[] = years.map((y) => {
    const parts = rows.map((r) => ({ source: r.source, won: r.yearsKrw[String(y)] ?? 0 }));
    const total = parts.reduce((s, p) => s + p.won, 0);
    const spoken = t('chartYear', { year: y, amount: formatEok(total) });
    return { key: String(y), label: shortYear(y), spoken, parts, total };
  });
  const withinTerm = columns.reduce((s, c) => s + c.total, 0);
  const lastYear = years.at(-1);
  if (rows.some((r) => r.afterKrw !== null) && lastYear !== undefined) {
    const parts = rows.map((r) => ({ source: r.source, won: r.afterKrw ?? 0 }));
    const total = parts.reduce((s, p) => s + p.won, 0);
    const spoken = t('chartAfter', { year: lastYear + 1, amount: formatEok(total) });
    columns.push({ key: 'after', label: `${shortYear(lastYear + 1)}~`, spoken, parts, total });
  }

  const max = Math.max(1, ...columns.map((c) => c.total));
  const width = PAD_X * 2 + SLOT * Math.max(columns.length, 1);
  const height = TOP + PLOT + BOTTOM;
  const baseline = TOP + PLOT;
  const summary = columns.map((c) => c.spoken).join(', ');
  const sources = [...new Set(rows.map((r) => r.source))];

  return (
    <figure className="budget-chart">
      <svg
        data-testid="budget-chart"
        role="img"
        aria-label={t('chartLabel', { summary, total: formatEok(withinTerm) })}
        viewBox={`0 0 ${width} ${height}`}
        className="budget-chart-svg"
      >
        <line className="chart-axis" x1={PAD_X / 2} x2={width - PAD_X / 2} y1={baseline} y2={baseline} />
        {columns.map((c, i) => {
          const x = PAD_X + i * SLOT + (SLOT - BAR) / 2;
          let y = baseline;
          return (
            <g key={c.key}>
              {c.parts.map((p, j) => {
                const h = (p.won / max) * PLOT;
                y -= h;
                return h > 0 ? <rect key={j} className={`bar bar-${p.source}`} x={x} y={y} width={BAR} height={h} rx={2} /> : null;
              })}
              <text className="chart-value" x={x + BAR / 2} y={baseline - (c.total / max) * PLOT - 8} textAnchor="middle">
                {formatEok(c.total)}
              </text>
              <text className="chart-label" x={x + BAR / 2} y={baseline + 20} textAnchor="middle">
                {c.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        <span className="visually-hidden">{t('chartLegend')}: </span>
        {sources.map((s) => (
          <span key={s} className="legend-item">
            <span className={`legend-swatch bar-${s}`} aria-hidden="true" />
            {FUNDING_SOURCE_LABELS[s][lang]}
          </span>
        ))}
        <span className="legend-unit">({t('chartUnit')})</span>
      </figcaption>
    </figure>
  );
}
