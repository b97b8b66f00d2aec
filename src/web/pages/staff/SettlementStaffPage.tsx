/**
 * `/staff/settlement`: living infrastructure and settlement for staff — the feedback to handle
 * (city staff: contacts masked), the facilities with their stage and inspections, the yearly
 * survey's results and the departments' improvement items with their quarterly checks.
 */
import { useCallback } from 'react';
import { FacilityStaffCard } from '../../components/settlement/FacilityStaff.tsx';
import { FeedbackCard } from '../../components/settlement/FeedbackStaff.tsx';
import { IMPROVEMENT_STATUS_LABELS, KIND_LABELS } from '../../components/settlement/labels.ts';
import { CheckForm, ImprovementForm, SurveyEntryForm } from '../../components/settlement/SurveyStaff.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { localText } from '../../education-format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import { EDITOR_ROLES, isManager, seesPersonalData, useUser } from '../../session.ts';
import { facilities, settlementImprovements, staffFacility, staffFeedback } from '../../settlement-api.ts';
import { fetchDepartments } from '../../staff-api.ts';

async function load(withFeedback: boolean, signal: AbortSignal) {
  const list = await facilities(signal);
  const [details, feedback, departments, improvements] = await Promise.all([
    Promise.all(list.items.map((f) => staffFacility(f.id, signal))),
    withFeedback ? staffFeedback(signal) : Promise.resolve({ items: [] }),
    fetchDepartments(signal),
    settlementImprovements(signal),
  ]);
  return { facilities: details, feedback: feedback.items, departments: departments.items, improvements: improvements.items };
}

export function SettlementStaffPage() {
  const { lang, t } = useI18n();
  const user = useUser();
  const manager = isManager(user);
  const editor = EDITOR_ROLES.includes(user.role);
  const withFeedback = seesPersonalData(user);
  const { state, retry } = useLoad(keys.staffSettlement(withFeedback), (signal) => load(withFeedback, signal));
  const onSaved = useCallback(() => void invalidate(keys.staffSettlement(withFeedback)), [withFeedback]);
  useDocumentTitle(t('staffSettlementTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const { feedback, departments, improvements } = state.data;
  return (
    <>
      <h1>{t('staffSettlementTitle')}</h1>
      {withFeedback && (
        <section className="plan-section" aria-labelledby="staff-feedback-heading">
          <h2 id="staff-feedback-heading">{t('staffFeedbackHeading')}</h2>
          {feedback.length === 0 ? (
            <p>{t('staffFeedbackEmpty')}</p>
          ) : (
            <ul className="plain-list" data-testid="staff-feedback-list">
              {feedback.map((item) => (
                <FeedbackCard key={item.id} item={item} departments={departments} manager={manager} editor={editor} onSaved={onSaved} />
              ))}
            </ul>
          )}
        </section>
      )}
      <section className="plan-section" aria-labelledby="staff-facilities-heading">
        <h2 id="staff-facilities-heading">{t('staffFacilitiesHeading')}</h2>
        <ul className="plain-list" data-testid="staff-facilities">
          {state.data.facilities.map((f) => (
            // Officers change only their own department's facilities (the server checks it too).
            <FacilityStaffCard
              key={f.id}
              facility={f}
              editor={manager || (editor && user.departmentId !== null && user.departmentId === f.department?.id)}
              manager={manager}
              departments={departments}
              onSaved={onSaved}
            />
          ))}
        </ul>
      </section>
      <section className="plan-section" aria-labelledby="staff-survey-heading">
        <h2 id="staff-survey-heading">{t('surveyTitle')}</h2>
        {manager && <SurveyEntryForm onSaved={onSaved} />}
      </section>
      <section className="plan-section" aria-labelledby="staff-improvements-heading">
        <h2 id="staff-improvements-heading">{t('staffImprovementsHeading')}</h2>
        <ul className="plain-list" data-testid="staff-improvements">
          {improvements.map((i) => (
            <li key={i.id} className="action-card" data-testid="staff-improvement" data-status={i.status}>
              <p>
                <span className="badge">{t(KIND_LABELS[i.kind])}</span> <span className="badge">{t(IMPROVEMENT_STATUS_LABELS[i.status])}</span> {i.department ?? ''}
              </p>
              <h3 className="card-title">{localText(i.title, lang)}</h3>
              {i.checks.length > 0 && (
                <ul className="plain-list">
                  {i.checks.map((c) => (
                    <li key={`${c.year}-${c.quarter}`}>
                      {t('improvementLastCheck', { year: c.year, quarter: c.quarter })}: {t(IMPROVEMENT_STATUS_LABELS[c.status])}
                      {c.note ? ` — ${c.note}` : ''}
                    </li>
                  ))}
                </ul>
              )}
              {editor && <CheckForm item={i} onSaved={onSaved} />}
            </li>
          ))}
        </ul>
        {manager && <ImprovementForm departments={departments} onSaved={onSaved} />}
      </section>
    </>
  );
}
