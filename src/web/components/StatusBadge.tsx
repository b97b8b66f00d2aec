/**
 * An action's 추진상황 as a coloured badge, in the reader's language. `past`: the action's
 * schedule period is over while it still reads 추진예정 — shown as past with no result entered
 * (the plan's past GENIE Forum editions, for instance), never as planned.
 */
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../modules/plan/types.ts';
import { useI18n } from '../i18n.ts';

export function StatusBadge({ status, testId, past = false }: { status: ActionStatus; testId?: string; past?: boolean }) {
  const { lang, t } = useI18n();
  const shownPast = past && status === 'planned';
  return (
    <span className={`status-badge status-${shownPast ? 'on_hold' : status}`} data-testid={testId} data-status={status} data-past={shownPast ? 'true' : undefined}>
      {shownPast ? t('pastPlanned') : (ACTION_STATUS_LABELS[status]?.[lang] ?? status)}
    </span>
  );
}
