/**
 * The one open action of the workspace: loads it alone (GET /api/actions/:id) and shows its
 * goals and its card (update form, history, evidence, assignment) with its pending draft, and a
 * link that closes it.
 * Focus moves here when it opens, so keyboard and screen-reader users land on what they opened.
 */
import { useEffect, useRef } from 'react';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import { EDITOR_ROLES } from '../../session.ts';
import { fetchAction, fetchDrafts, type Department, type Measure, type StaffAction, type User } from '../../staff-api.ts';

/** The plan's drafts (a failure leaves the card without its draft note rather than failing it). */
const loadDrafts = (planId: number, signal: AbortSignal) => fetchDrafts(planId, signal).catch(() => ({ items: [] }));
import { Link } from '../Link.tsx';
import { ErrorView, Loading } from '../StatusViews.tsx';
import { ActionCard } from './ActionCard.tsx';

/** Officers edit their department's actions; managers and admins any; the server decides in the end. */
function canEditAction(user: User, action: StaffAction): boolean {
  if (!EDITOR_ROLES.includes(user.role)) return false;
  if (user.role !== 'officer') return true;
  return user.departmentId !== null && action.ownerDepartmentId === user.departmentId;
}

export function ActionEditor({
  actionId,
  user,
  canManage,
  departments,
  measures,
  closeHref,
  onChanged,
}: {
  actionId: number;
  user: User;
  canManage: boolean;
  departments: Department[];
  measures: Measure[];
  closeHref: string;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.staffAction(actionId), (signal) => fetchAction(actionId, signal));
  const planId = state.status === 'ok' ? state.data.planId : 0;
  const { state: drafts } = useLoad(keys.staffDrafts(planId), (signal) => (planId ? loadDrafts(planId, signal) : Promise.resolve({ items: [] })));
  const region = useRef<HTMLDivElement>(null);
  const loaded = state.status === 'ok';
  useEffect(() => {
    if (!loaded) return;
    region.current?.focus({ preventScroll: true });
    region.current?.scrollIntoView({ block: 'nearest' });
  }, [loaded]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound' || state.status === 'error') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const action = state.data;
  return (
    <div
      className="action-editor"
      ref={region}
      tabIndex={-1}
      role="region"
      aria-label={t('actionEditorLabel', { text: action.text })}
      data-testid="action-editor"
      data-action-id={action.id}
    >
      {action.goals.length > 0 && (
        <div className="entry-goals">
          <p className="list-label">{t('actionGoals')}</p>
          <ul>
            {action.goals.map((goal, i) => (
              <li key={i}>{goal}</li>
            ))}
          </ul>
        </div>
      )}
      <ActionCard
        action={action}
        canEdit={canEditAction(user, action)}
        canManage={canManage}
        departments={departments}
        measures={measures}
        onChanged={onChanged}
        draft={drafts.status === 'ok' ? (drafts.data.items.find((d) => d.actionId === action.id) ?? null) : null}
        onDraftChanged={() => void invalidate(keys.staffDrafts(action.planId))}
      />
      <p className="action-editor-close">
        <Link href={closeHref} className="button-secondary" data-testid="close-action">
          {t('closeAction')}
        </Link>
      </p>
    </div>
  );
}
