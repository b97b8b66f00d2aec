/**
 * 연도별 목표 및 추진계획: the quarterly schedule grouped by year. Each entry carries
 * data-year/data-period so browser tests (and later progress views) can find it.
 */
import { useId } from 'react';
import type { PlanAction, ScheduleEntry } from '../../modules/plan/types.ts';
import { periodLabel } from '../format.ts';
import { useI18n } from '../i18n.ts';

function groupByYear(entries: ScheduleEntry[]): [number, ScheduleEntry[]][] {
  const groups = new Map<number, ScheduleEntry[]>();
  for (const entry of entries) groups.set(entry.year, [...(groups.get(entry.year) ?? []), entry]);
  return [...groups.entries()].sort(([a], [b]) => a - b);
}

function Action({ action }: { action: PlanAction }) {
  const { t } = useI18n();
  return (
    <li>
      {action.text}
      {action.target && (
        <>
          {' '}
          <span className="badge" data-testid="action-target">
            {t('actionTarget', { count: action.target.count, unit: action.target.unit })}
          </span>
        </>
      )}
    </li>
  );
}

function Entry({ entry }: { entry: ScheduleEntry }) {
  const { lang, t } = useI18n();
  const id = useId();
  return (
    <li className="schedule-entry" data-testid="schedule-entry" data-year={entry.year} data-period={entry.period}>
      <h4>{periodLabel(entry.period, lang)}</h4>
      <div className="schedule-columns">
        {entry.goals.length > 0 && (
          <div className="schedule-goals">
            <p className="list-label" id={`${id}-goals`}>
              {t('goals')}
            </p>
            <ul aria-labelledby={`${id}-goals`}>
              {entry.goals.map((goal, i) => (
                <li key={i}>{goal}</li>
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
                <Action key={i} action={action} />
              ))}
            </ul>
          </div>
        )}
      </div>
    </li>
  );
}

export function ScheduleList({ schedule }: { schedule: ScheduleEntry[] }) {
  const { t } = useI18n();
  return (
    <div className="schedule">
      {groupByYear(schedule).map(([year, entries]) => (
        <div key={year} className="schedule-year">
          <h3>{t('yearHeading', { year })}</h3>
          <ol className="schedule-entries">
            {entries.map((entry, i) => (
              <Entry key={`${entry.period}-${i}`} entry={entry} />
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
