/**
 * The workspace's actions as compact rows (text, period, status, progress, owner, overdue). A
 * row's title opens the action for editing under it (its own address); the open row shows the
 * editor, every other row stays one line or two.
 */
import type { ReactNode } from 'react';
import { departmentName } from '../../departments.ts';
import { periodLabel } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import type { ActionListRow, Department } from '../../staff-api.ts';
import { Link } from '../Link.tsx';
import { StatusBadge } from '../StatusBadge.tsx';

export function ActionList({
  rows,
  openId,
  departments,
  hrefOf,
  editor,
}: {
  rows: ActionListRow[];
  openId: number | null;
  departments: Department[];
  /** The address that opens a row (or, for the open row, closes it). */
  hrefOf: (actionId: number | null) => string;
  /** The open action's editor, shown under its row. */
  editor: ReactNode;
}) {
  const { lang, t } = useI18n();
  return (
    <ul className="action-list" data-testid="action-list">
      {rows.map((row) => {
        const open = row.id === openId;
        const owner = departmentName(departments, row.ownerDepartmentId, lang) ?? t('unassigned');
        return (
          <li
            key={row.id}
            className={`action-row${open ? ' action-row-open' : ''}`}
            data-testid="action-row"
            data-action-id={row.id}
            data-status={row.status}
            data-overdue={row.overdue}
            aria-current={open ? 'true' : undefined}
          >
            <h3 className="action-row-title">
              <Link href={hrefOf(open ? null : row.id)} data-testid="action-row-link" aria-expanded={open}>
                {row.text}
              </Link>
            </h3>
            <p className="action-row-meta">
              <span>{t('yearPeriod', { year: row.year, period: periodLabel(row.period, lang) })}</span>
              <StatusBadge status={row.status} testId="action-row-status" />
              <span className="action-row-progress" data-testid="action-row-progress">
                <progress max={100} value={row.progress} aria-label={t('actionProgressLabel', { text: `${row.progress}%` })} />
                {row.progress}%
              </span>
              <span data-testid="action-row-owner">{owner}</span>
              {row.overdue && (
                <span className="badge badge-overdue" data-testid="overdue-badge">
                  {t('overdueBadge')}
                </span>
              )}
            </p>
            {open && editor}
          </li>
        );
      })}
    </ul>
  );
}
