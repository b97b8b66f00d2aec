/** 추진절차: the plan's phases as a vertical timeline with nested items and footnotes. */
import type { Phase, PhaseItem } from '../../modules/plan/types.ts';
import { formatMonth } from '../format.ts';

function Items({ items }: { items: PhaseItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="phase-items">
      {items.map((item, i) => (
        <li key={i}>
          {item.text}
          <Items items={item.children} />
        </li>
      ))}
    </ul>
  );
}

function PhasePeriod({ start, end }: { start: string | null; end: string | null }) {
  if (!start && !end) return null;
  return (
    <p className="phase-period">
      {start && <time dateTime={start}>{formatMonth(start)}</time>}
      {' ~ '}
      {end && <time dateTime={end}>{formatMonth(end)}</time>}
    </p>
  );
}

export function PhaseTimeline({ phases }: { phases: Phase[] }) {
  return (
    <ol className="timeline">
      {phases.map((phase, i) => (
        <li key={i} className="phase" data-testid="phase">
          <h3>{phase.name}</h3>
          <PhasePeriod start={phase.start} end={phase.end} />
          <Items items={phase.items} />
          {phase.notes.map((note, j) => (
            <p key={j} className="phase-note">
              {note}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
