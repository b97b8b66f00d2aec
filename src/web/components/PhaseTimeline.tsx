/** 추진절차: the plan's phases as a vertical timeline with nested items and footnotes. */
import type { Phase } from '../../modules/plan/types.ts';
import { formatMonth } from '../format.ts';
import { LocalText } from './events/EventText.tsx';

/** A phase item, with the English staff gave (absent in an import preview). */
interface Item {
  text: string;
  textEn?: string | null;
  children: Item[];
}
type ShownPhase = Omit<Phase, 'items'> & { nameEn?: string | null; items: Item[] };

function Items({ items }: { items: Item[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="phase-items">
      {items.map((item, i) => (
        <li key={i}>
          <LocalText text={{ ko: item.text, en: item.textEn ?? null }} />
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

export function PhaseTimeline({ phases }: { phases: ShownPhase[] }) {
  return (
    <ol className="timeline">
      {phases.map((phase, i) => (
        <li key={i} className="phase" data-testid="phase">
          <h3>
            <LocalText text={{ ko: phase.name, en: phase.nameEn ?? null }} />
          </h3>
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
