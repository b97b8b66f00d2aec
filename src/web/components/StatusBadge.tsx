/** An action's 추진상황 as a coloured badge, in the reader's language. */
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../modules/plan/types.ts';
import { useI18n } from '../i18n.ts';

export function StatusBadge({ status, testId }: { status: ActionStatus; testId?: string }) {
  const { lang } = useI18n();
  return (
    <span className={`status-badge status-${status}`} data-testid={testId} data-status={status}>
      {ACTION_STATUS_LABELS[status]?.[lang] ?? status}
    </span>
  );
}
