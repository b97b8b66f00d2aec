/**
 * A meeting's outcomes (or the action items carried over): kind, text in the reader's language,
 * owner, due date (overdue marked), status with its history across meetings, and — for city
 * managers, or a partner of the owning organisation — a button to close or reopen an action item.
 */
import { useState } from 'react';
import { type Organisation, type Outcome, setOutcomeStatus } from '../../meetings-api.ts';
import { localText } from '../../education-format.ts';
import { type MessageKey, useI18n } from '../../i18n.ts';
import type { User } from '../../staff-api.ts';
import { isManager } from '../../session.ts';

export const OUTCOME_KIND_LABELS: Record<Outcome['kind'], MessageKey> = { information: 'outcomeInformation', decision: 'outcomeDecision', action: 'outcomeAction' };

const canUpdateOutcome = (user: User, o: Pick<Outcome, 'kind' | 'ownerOrganisationId'>) =>
  o.kind === 'action' && (isManager(user) || (user.role === 'partner' && user.organisationId !== null && user.organisationId === o.ownerOrganisationId));

export const orgName = (orgs: readonly Organisation[], id: number | null, lang: 'ko' | 'en') => {
  const o = orgs.find((x) => x.id === id);
  return o ? o.name[lang] : '';
};

type Item = Outcome & { fromMeetingId?: number };

export function OutcomeList({
  items,
  orgs,
  user,
  onChanged,
  testId,
  fromLabel,
}: {
  items: readonly Item[];
  orgs: readonly Organisation[];
  user: User;
  onChanged: () => Promise<void>;
  testId: string;
  fromLabel?: (meetingId: number) => string;
}) {
  const { lang, t } = useI18n();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (o: Item) => {
    setBusy(o.id);
    setError(null);
    try {
      await setOutcomeStatus(o.id, o.status === 'done' ? 'open' : 'done');
      await onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {error && (
        <p className="read-only-note" role="alert">
          {error}
        </p>
      )}
      <ul className="outcome-list" data-testid={testId}>
        {items.map((o) => (
          <li key={o.id} data-outcome-id={o.id} data-status={o.status ?? o.kind} className="outcome-item">
            <p>
              <strong className="outcome-kind">{t(OUTCOME_KIND_LABELS[o.kind])}</strong> <span className="outcome-text">{localText(o.text, lang)}</span>
            </p>
            {o.kind === 'action' && (
              <p className="outcome-facts">
                {o.ownerOrganisationId ? orgName(orgs, o.ownerOrganisationId, lang) : t('outcomeNoOwner')}
                {o.ownerPerson && ` · ${o.ownerPerson}`}
                {o.dueOn && ` · ${t('outcomeDueValue', { date: o.dueOn })}`}
                {' · '}
                <span className={`status-badge status-${o.status === 'done' ? 'done' : 'on_track'}`} data-testid="outcome-status">
                  {o.status === 'done' ? t('outcomeDone') : t('outcomeOpen')}
                </span>
                {o.overdue && (
                  <span className="status-badge status-on_hold" data-testid="outcome-overdue">
                    {t('outcomeOverdue')}
                  </span>
                )}
                {o.fromMeetingId !== undefined && fromLabel && <> · {fromLabel(o.fromMeetingId)}</>}
              </p>
            )}
            {o.history.length > 1 && (
              <details className="outcome-history">
                <summary>{t('outcomeHistory')}</summary>
                <ol>
                  {o.history.map((h, i) => (
                    <li key={i}>
                      {new Date(h.at).toLocaleDateString(lang === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul' })} ·{' '}
                      {h.status === 'done' ? t('outcomeDone') : t('outcomeOpen')}
                      {h.by && ` · ${h.by}`}
                      {h.note && ` · ${h.note}`}
                    </li>
                  ))}
                </ol>
              </details>
            )}
            {canUpdateOutcome(user, o) && (
              <button type="button" className="button-secondary no-print" disabled={busy === o.id} onClick={() => toggle(o)} data-testid="outcome-toggle">
                {o.status === 'done' ? t('outcomeReopen') : t('outcomeMarkDone')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
