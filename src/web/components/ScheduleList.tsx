/**
 * 연도별 목표 및 추진계획: the quarterly schedule grouped by year, with each action's status,
 * progress and published evidence, and each entry's 이행률/완료율. Each entry carries
 * data-year/data-period so browser tests can find it.
 */
import { LocalText, plainText } from './events/EventText.tsx';
import { useId } from 'react';
import type { PublicAction, PublicEntry, PublicEvidence } from '../api-client.ts';
import { formatRate, periodLabel } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { periodRange } from '../../modules/plan/seoul-time.ts';
import { Link } from './Link.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { StatusBadge } from './StatusBadge.tsx';

function groupByYear(entries: PublicEntry[]): [number, PublicEntry[]][] {
  const groups = new Map<number, PublicEntry[]>();
  for (const entry of entries) groups.set(entry.year, [...(groups.get(entry.year) ?? []), entry]);
  return [...groups.entries()].sort(([a], [b]) => a - b);
}

function EvidenceLinks({ items }: { items: PublicEvidence[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <ul className="evidence-links" aria-label={t('evidence')}>
      {items.map((e) => (
        <li key={e.id} data-testid="public-evidence">
          <a href={e.url} rel={e.kind === 'link' ? 'noreferrer' : undefined}>
            {e.title}
          </a>{' '}
          <span className="evidence-kind">({t(e.kind === 'file' ? 'evidenceFile' : 'evidenceLink')})</span>
        </li>
      ))}
    </ul>
  );
}

/** True once the schedule period (Seoul) has ended: an action still 추진예정 then reads as past. */
const periodOver = (entry: Pick<PublicEntry, 'year' | 'period'>, now = Date.now()) => periodRange(entry.year, entry.period).to.getTime() <= now;

function Action({ action, planId, past }: { action: PublicAction; planId: number; past: boolean }) {
  const { lang, t } = useI18n();
  return (
    <li className="schedule-action" data-testid="public-action" data-action-id={action.id}>
      <span className="action-text">
        <LocalText text={{ ko: action.text, en: action.textEn }} />
      </span>{' '}
      <Link
        href={`/plans/${planId}/actions/${action.id}`}
        className="action-details"
        aria-label={t('actionDetailsLabel', { text: plainText({ ko: action.text, en: action.textEn }, lang) })}
        data-testid="action-details"
      >
        {t('actionDetails')}
      </Link>
      {action.target && (
        <>
          {' '}
          <span className="badge" data-testid="action-target">
            {t('actionTarget', { count: action.target.count, unit: action.target.unit })}
          </span>
        </>
      )}
      <span className="action-state">
        <StatusBadge status={action.status} testId="action-status" past={past} />
        <ProgressBar value={action.progress} label={t('actionProgressLabel', { text: plainText({ ko: action.text, en: action.textEn }, lang) })} testId="action-progress" whole />
      </span>
      <EvidenceLinks items={action.evidence} />
    </li>
  );
}

function Entry({ entry, planId }: { entry: PublicEntry; planId: number }) {
  const { lang, t } = useI18n();
  const id = useId();
  return (
    <li className="schedule-entry" data-testid="schedule-entry" data-year={entry.year} data-period={entry.period}>
      <h4>{periodLabel(entry.period, lang)}</h4>
      {entry.figures.counted > 0 && (
        <p className="entry-figures" data-testid="entry-figures">
          {t('progressRate')} {formatRate(entry.figures.progressRate)} · {t('completionRate')} {formatRate(entry.figures.completionRate)}
        </p>
      )}
      <div className="schedule-columns">
        {entry.goals.length > 0 && (
          <div className="schedule-goals">
            <p className="list-label" id={`${id}-goals`}>
              {t('goals')}
            </p>
            <ul aria-labelledby={`${id}-goals`}>
              {entry.goals.map((goal, i) => (
                <li key={i}>
                  <LocalText text={{ ko: goal, en: entry.goalsEn[i] ?? null }} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {entry.actions.length > 0 && (
          <div className="schedule-actions">
            <p className="list-label" id={`${id}-actions`}>
              {t('actions')}
            </p>
            <ul aria-labelledby={`${id}-actions`}>
              {entry.actions.map((action, i) => (
                <Action key={i} action={action} planId={planId} past={periodOver(entry)} />
              ))}
            </ul>
          </div>
        )}
      </div>
    </li>
  );
}

export function ScheduleList({ schedule, planId }: { schedule: PublicEntry[]; planId: number }) {
  const { t } = useI18n();
  return (
    <div className="schedule">
      {groupByYear(schedule).map(([year, entries]) => (
        <div key={year} className="schedule-year">
          <h3>{t('yearHeading', { year })}</h3>
          <ol className="schedule-entries">
            {entries.map((entry, i) => (
              <Entry key={`${entry.period}-${i}`} entry={entry} planId={planId} />
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
