/**
 * The forum timetable as Indico shows it: one table per Seoul day, rooms across, time down, each
 * item a cell spanning its rows (an item without a room spans every room). At phone width the
 * table gives way to a list in time order (styles in events.css). The public event page and the
 * staff editor show the same grid; they differ only in what a cell holds (`renderItem`).
 */
import type { ReactNode } from 'react';
import type { ProgrammeItem, Room } from '../../events-api.ts';
import { useI18n } from '../../i18n.ts';
import { formatDay, formatTime, LocalText, seoulDay } from './EventText.tsx';

interface Placed {
  item: ProgrammeItem;
  rowSpan: number;
  colSpan: number;
}
type Cell = Placed | 'covered' | null;

export interface DayGrid {
  day: string;
  items: ProgrammeItem[];
  /** The start of each row, in ms; the last entry is the end of the last row. */
  times: number[];
  /** Column headers: the rooms, then overflow columns for items that found no free place. */
  columns: { key: string; room: Room | null }[];
  cells: Cell[][];
}

const ms = (iso: string) => new Date(iso).getTime();

/** Places a day's items on rows (between successive start/end times) × room columns. */
function dayGrid(day: string, items: ProgrammeItem[], rooms: Room[]): DayGrid {
  const times = [...new Set(items.flatMap((i) => [ms(i.startsAt), ms(i.endsAt)]))].sort((a, b) => a - b);
  const columns: DayGrid['columns'] = rooms.length ? rooms.map((r) => ({ key: `room-${r.id}`, room: r })) : [{ key: 'all', room: null }];
  const roomCount = columns.length;
  const cells: Cell[][] = times.slice(0, -1).map(() => columns.map(() => null));
  const free = (r0: number, r1: number, c0: number, c1: number) => cells.slice(r0, r1).every((row) => row.slice(c0, c1).every((c) => c === null));
  const put = (p: Placed, r0: number, c0: number) => {
    for (let r = r0; r < r0 + p.rowSpan; r++) for (let c = c0; c < c0 + p.colSpan; c++) cells[r]![c] = r === r0 && c === c0 ? p : 'covered';
  };
  for (const item of [...items].sort((a, b) => ms(a.startsAt) - ms(b.startsAt) || ms(b.endsAt) - ms(a.endsAt))) {
    const r0 = times.indexOf(ms(item.startsAt));
    const r1 = times.indexOf(ms(item.endsAt));
    const col = rooms.findIndex((r) => r.id === item.roomId);
    const [c0, span] = col >= 0 ? [col, 1] : [0, roomCount];
    if (free(r0, r1, c0, c0 + span)) {
      put({ item, rowSpan: r1 - r0, colSpan: span }, r0, c0);
      continue;
    }
    // No free place (a room-less item over a room's item, say): an overflow column takes it.
    let c = roomCount;
    while (c < columns.length && !free(r0, r1, c, c + 1)) c++;
    if (c === columns.length) {
      columns.push({ key: `other-${c}`, room: null });
      for (const row of cells) row.push(null);
    }
    put({ item, rowSpan: r1 - r0, colSpan: 1 }, r0, c);
  }
  return { day, items, times, columns, cells };
}

/** The event's items by Seoul day, each day placed on its grid. */
export function timetableDays(programme: ProgrammeItem[], rooms: Room[]): DayGrid[] {
  const byDay = new Map<string, ProgrammeItem[]>();
  for (const item of [...programme].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = seoulDay(item.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  return [...byDay.entries()].map(([day, items]) => dayGrid(day, items, rooms));
}

const clock = (t: number, lang: 'ko' | 'en') => formatTime(new Date(t).toISOString(), lang);

/** One day's grid as a table: row headers are times, column headers rooms. */
export function TimetableGrid({ grid, renderItem, testId = 'timetable-grid' }: { grid: DayGrid; renderItem: (item: ProgrammeItem) => ReactNode; testId?: string }) {
  const { lang, t } = useI18n();
  const dayName = formatDay(grid.items[0]!.startsAt, lang);
  return (
    <div className="timetable-scroll" role="region" aria-label={t('timetableCaption', { day: dayName })} tabIndex={0}>
      <table className="timetable-grid" data-testid={testId} data-day={grid.day}>
        <caption className="visually-hidden">{t('timetableCaption', { day: dayName })}</caption>
        <thead>
          <tr>
            <th scope="col" className="timetable-time">
              {t('timetableTime')}
            </th>
            {grid.columns.map((c) => (
              <th scope="col" key={c.key} data-testid="timetable-room">
                {c.room ? <LocalText text={c.room.name} /> : t(c.key === 'all' ? 'timetableNoRoom' : 'timetableOther')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.cells.map((row, r) => (
            <tr key={grid.times[r]}>
              <th scope="row" className="timetable-time">
                <time dateTime={new Date(grid.times[r]!).toISOString()}>{clock(grid.times[r]!, lang)}</time>
              </th>
              {row.map((cell, c) => {
                if (cell === 'covered') return null;
                const key = grid.columns[c]!.key;
                if (cell === null) return <td key={key} className="timetable-empty" />;
                return (
                  <td
                    key={key}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    className={`timetable-item agenda-${cell.item.kind}`}
                    data-testid="timetable-item"
                    data-item-id={cell.item.id}
                  >
                    {renderItem(cell.item)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
