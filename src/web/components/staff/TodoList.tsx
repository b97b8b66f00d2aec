/**
 * The dashboard's to-do list (GET /api/staff/todo): one group per kind of work, each item a link
 * to the page where it is done. The server limits it to the signed-in person's role and department.
 */
import type { ReactNode } from 'react';
import { periodLabel } from '../../format.ts';
import { formatDateTime, localText } from '../../education-format.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n, type MessageKey } from '../../i18n.ts';
import { keys } from '../../queries.ts';
import { fetchTodo, type TodoAction } from '../../todo-api.ts';
import { Link } from '../Link.tsx';
import { ErrorView, Loading } from '../StatusViews.tsx';

const dayFormats = {
  ko: new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'medium' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'medium' }),
};
/** The last Seoul day before an exclusive end ("2023-10-01T00:00+09:00" → 30 Sep 2023). */
const lastDay = (iso: string, lang: 'ko' | 'en') => dayFormats[lang].format(new Date(Date.parse(iso) - 1));

/** Long lists show their first items; the rest are counted (the workspace filters them). */
const SHOWN = 8;

function Group({ id, title, count, children }: { id: string; title: MessageKey; count: number; children: ReactNode }) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <section className="todo-group" aria-labelledby={`todo-${id}`} data-testid={`todo-${id}`}>
      <h3 id={`todo-${id}`}>
        {t(title)} <span className="todo-count">{t('todoCount', { count })}</span>
      </h3>
      <ul className="todo-items">{children}</ul>
    </section>
  );
}

function More({ total }: { total: number }) {
  const { t } = useI18n();
  return total > SHOWN ? <li className="todo-more">{t('todoMore', { count: total - SHOWN })}</li> : null;
}

function ActionItem({ a, stale }: { a: TodoAction; stale: boolean }) {
  const { lang, t } = useI18n();
  return (
    <li data-action-id={a.id}>
      <Link href={a.href}>{a.text}</Link>
      <span className="todo-meta">
        {t('yearPeriod', { year: a.year, period: periodLabel(a.period, lang) })}
        {a.department && ` · ${localText(a.department, lang)}`}
        {' · '}
        {stale ? (a.lastUpdateAt ? t('todoLastUpdate', { date: formatDateTime(a.lastUpdateAt, lang) }) : t('todoNeverUpdated')) : t('todoDue', { date: lastDay(a.dueAt, lang) })}
      </span>
    </li>
  );
}

export function TodoList() {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.staffTodo(), fetchTodo);
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const d = state.data;
  const total =
    d.overdueActions.length +
    d.staleActions.length +
    d.unreportedQuarters.length +
    d.pendingApprovals.length +
    d.expiringOffers.length +
    d.schoolApplications.length +
    d.failedMessages.total;
  return (
    <section className="plan-section todo" aria-labelledby="todo-heading" data-testid="todo">
      <h2 id="todo-heading">{t('todoHeading')}</h2>
      {d.scope === 'department' && <p className="hint">{t('todoScopeDepartment')}</p>}
      {d.scope === 'none' && <p>{t('todoScopeNone')}</p>}
      {d.scope !== 'none' && total === 0 && <p data-testid="todo-nothing">{t('todoNothing')}</p>}
      <div className="todo-groups">
        <Group id="overdue" title="todoOverdue" count={d.overdueActions.length}>
          {d.overdueActions.slice(0, SHOWN).map((a) => (
            <ActionItem key={a.id} a={a} stale={false} />
          ))}
          <More total={d.overdueActions.length} />
        </Group>
        <Group id="stale" title="todoStale" count={d.staleActions.length}>
          {d.staleActions.slice(0, SHOWN).map((a) => (
            <ActionItem key={a.id} a={a} stale />
          ))}
          <More total={d.staleActions.length} />
        </Group>
        <Group id="quarters" title="todoQuarters" count={d.unreportedQuarters.length}>
          {d.unreportedQuarters.slice(0, SHOWN).map((q) => (
            <li key={`${q.planId}-${q.year}-${q.quarter}`}>
              <Link href={q.href}>{t('todoQuarter', { year: q.year, quarter: q.quarter })}</Link>
              <span className="todo-meta">{q.planTitle}</span>
            </li>
          ))}
          <More total={d.unreportedQuarters.length} />
        </Group>
        <Group id="approvals" title="todoApprovals" count={d.pendingApprovals.length}>
          {d.pendingApprovals.map((p) => (
            <li key={p.poolId}>
              <Link href={p.href}>{t('todoApprovalItem', { title: localText(p.title, lang), count: p.count })}</Link>
            </li>
          ))}
        </Group>
        <Group id="offers" title="todoOffers" count={d.expiringOffers.length}>
          {d.expiringOffers.map((p) => (
            <li key={p.poolId}>
              <Link href={p.href}>{t('todoOfferItem', { title: localText(p.title, lang), count: p.count, date: formatDateTime(p.firstOfferDeadline, lang) })}</Link>
            </li>
          ))}
        </Group>
        <Group id="schools" title="todoSchools" count={d.schoolApplications.length}>
          {d.schoolApplications.map((s) => (
            <li key={s.surveyId}>
              <Link href={s.href}>{t('todoSchoolItem', { year: s.year, count: s.count })}</Link>
            </li>
          ))}
        </Group>
        <Group id="failed" title="todoFailed" count={d.failedMessages.total}>
          <li>
            <Link href={d.failedMessages.href}>{t('todoFailedItem', { count: d.failedMessages.total })}</Link>
          </li>
        </Group>
      </div>
    </section>
  );
}
