/**
 * The plan workspace's filter as it stands in the page's query string (so reload and back keep
 * it) and as the list API takes it: the same names and values. Anything malformed in the
 * address is dropped rather than sent, so a hand-edited URL still shows a list.
 */
import { ACTION_STATUSES, type ActionStatus } from '../modules/plan/types.ts';

export interface WorkspaceFilter {
  year?: number;
  quarter?: number;
  department?: number | 'none';
  status?: ActionStatus;
  mine?: boolean;
  overdue?: boolean;
}

const digits = (v: string | null, min: number, max: number) => (v !== null && /^[1-9]\d{0,9}$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : undefined);

export function readFilter(search: URLSearchParams): WorkspaceFilter {
  const f: WorkspaceFilter = {};
  const year = digits(search.get('year'), 1900, 2200);
  if (year !== undefined) f.year = year;
  const quarter = digits(search.get('quarter'), 1, 4);
  if (quarter !== undefined) f.quarter = quarter;
  const department = search.get('department');
  if (department === 'none') f.department = 'none';
  else {
    const id = digits(department, 1, 2_147_483_647);
    if (id !== undefined) f.department = id;
  }
  const status = search.get('status');
  if (status && (ACTION_STATUSES as readonly string[]).includes(status)) f.status = status as ActionStatus;
  if (search.get('mine') === 'true') f.mine = true;
  if (search.get('overdue') === 'true') f.overdue = true;
  return f;
}

/** The filter as a query string ("" or "?year=2023&…"), keys in a fixed order. */
export function filterQuery(f: WorkspaceFilter, extra: URLSearchParams = new URLSearchParams()): string {
  const q = new URLSearchParams();
  if (f.year !== undefined) q.set('year', String(f.year));
  if (f.quarter !== undefined) q.set('quarter', String(f.quarter));
  if (f.department !== undefined) q.set('department', String(f.department));
  if (f.status !== undefined) q.set('status', f.status);
  if (f.mine) q.set('mine', 'true');
  if (f.overdue) q.set('overdue', 'true');
  for (const [k, v] of extra) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
