/**
 * An action's change history (GET /api/actions/:id/history), newest first, in a disclosure:
 * loaded when first opened, and again after each save while open.
 */
import { useEffect, useState } from 'react';
import { ACTION_STATUS_LABELS } from '../../../modules/plan/types.ts';
import { ApiError } from '../../api-client.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { fetchHistory, type HistoryItem } from '../../staff-api.ts';

type State = { status: 'idle' | 'loading' } | { status: 'ok'; items: HistoryItem[] } | { status: 'error'; message: string };

export function ActionHistory({ actionId, version }: { actionId: number; version: number }) {
  const { lang, t } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ status: 'idle' });

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger: a saved update loads the history again
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setState((s) => (s.status === 'ok' ? s : { status: 'loading' }));
    fetchHistory(actionId, controller.signal).then(
      ({ items }) => setState({ status: 'ok', items }),
      (err: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: err instanceof ApiError ? err.describe(lang) : t('unexpectedError') });
      },
    );
    return () => controller.abort();
  }, [open, actionId, version, lang, t]);

  const status = (s: keyof typeof ACTION_STATUS_LABELS) => ACTION_STATUS_LABELS[s]?.[lang] ?? s;
  return (
    <details className="disclosure" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="history">
      <summary>{t('history')}</summary>
      <div className="disclosure-body">
        {state.status === 'loading' && <p role="status">{t('loading')}</p>}
        {state.status === 'error' && <p role="alert">{state.message}</p>}
        {state.status === 'ok' &&
          (state.items.length === 0 ? (
            <p>{t('historyEmpty')}</p>
          ) : (
            <ol className="history-list">
              {state.items.map((item, i) => (
                <li key={`${item.at}-${i}`} data-testid="history-item">
                  <p className="history-head">
                    <time dateTime={item.at}>{formatDateTime(item.at, lang)}</time> · {item.actor ? item.actor.name || item.actor.email : t('systemActor')}
                  </p>
                  <p>
                    {t('historyChange', {
                      statusBefore: status(item.statusBefore),
                      statusAfter: status(item.statusAfter),
                      progressBefore: item.progressBefore,
                      progressAfter: item.progressAfter,
                    })}
                  </p>
                  {item.comment && <p className="history-comment">{item.comment}</p>}
                </li>
              ))}
            </ol>
          ))}
      </div>
    </details>
  );
}
