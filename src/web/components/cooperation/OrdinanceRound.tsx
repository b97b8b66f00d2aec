/** One round of the ordinance (enactment or amendment): its stages with dates, the notice, opinion counts and documents. */
import type { PublicOrdinance } from '../../cooperation-api.ts';
import { formatBytes } from '../../format.ts';
import { useI18n } from '../../i18n.ts';

type Round = PublicOrdinance['rounds'][number];

export function OrdinanceStages({ round }: { round: Round }) {
  const { lang, t } = useI18n();
  return (
    <ol className="ordinance-stages" data-testid="ordinance-stages">
      {round.stages.map((s, i) => {
        const state = i < round.stageIndex ? 'done' : i === round.stageIndex ? 'current' : 'pending';
        return (
          <li key={s.stage} className={`ordinance-stage ordinance-stage-${state}`} data-stage={s.stage} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="ordinance-stage-name">{s.label[lang]}</span>{' '}
            <span className="ordinance-stage-date">{s.reachedOn ? t('ordinanceStageDone', { date: s.reachedOn }) : state === 'pending' ? t('ordinanceStagePending') : ''}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function OrdinanceRoundFacts({ round, stageCount }: { round: Round; stageCount: number }) {
  const { lang, t } = useI18n();
  return (
    <dl className="summary-list facts">
      <div>
        <dt>{t('ordinanceCurrentStage')}</dt>
        <dd data-testid="ordinance-current-stage">
          {round.stageLabel[lang]} ({t('ordinanceStageOf', { index: round.stageIndex + 1, count: stageCount })})
        </dd>
      </div>
      {round.notice && (
        <div>
          <dt>{t('ordinanceNotice')}</dt>
          <dd data-testid="ordinance-notice">{t('ordinanceNoticeValue', { from: round.notice.startsOn, to: round.notice.endsOn })}</dd>
        </div>
      )}
      {round.opinionCounts.received > 0 && (
        <div>
          <dt>{t('ordinanceOpinions')}</dt>
          <dd data-testid="ordinance-opinion-counts">{t('ordinanceOpinionsValue', round.opinionCounts)}</dd>
        </div>
      )}
    </dl>
  );
}

export function OrdinanceDocuments({ round }: { round: Round }) {
  const { lang, t } = useI18n();
  if (round.documents.length === 0) return <p>{t('ordinanceNoDocuments')}</p>;
  const stageLabel = (stage: string) => round.stages.find((s) => s.stage === stage)?.label[lang] ?? stage;
  return (
    <ul className="evidence-list" data-testid="ordinance-documents">
      {round.documents.map((d) => (
        <li key={d.id}>
          <a href={d.url} download>
            {d.title}
          </a>{' '}
          <span className="muted">
            ({stageLabel(d.stage)} · {d.fileName} · {formatBytes(d.sizeBytes)})
          </span>
        </li>
      ))}
    </ul>
  );
}
