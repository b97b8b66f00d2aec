/**
 * `/staff/plans/:id/english`: the plan's English. Every Korean text of the plan (title, pledge,
 * phases and their items, goals, actions, effects) with a field for its English; saving sends them
 * all and the server writes only what changed. Until a text has English the public page shows its
 * Korean, marked "Korean only".
 */
import { fetchPlan } from '../../api-client.ts';
import { PlanTabs, StaffBreadcrumb } from '../../components/staff/PlanTabs.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { Form, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n, type MessageKey } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import { isManager, useUser } from '../../session.ts';
import { fetchEnglishSheet, saveEnglishSheet, type EnglishSheet } from '../../staff-api.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';

async function load(id: number, signal: AbortSignal) {
  const [plan, sheet] = await Promise.all([fetchPlan(id, signal), fetchEnglishSheet(id, signal)]);
  return { plan, sheet };
}

const KIND_LABELS: Record<EnglishSheet['items'][number]['kind'], MessageKey> = {
  title: 'englishKindTitle',
  pledge: 'englishKindPledge',
  phase: 'englishKindPhase',
  phaseItem: 'englishKindPhaseItem',
  goal: 'englishKindGoal',
  action: 'englishKindAction',
  effect: 'englishKindEffect',
};

export function PlanEnglishPage({ id }: { id: number }) {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.staffEnglish(id), (signal) => load(id, signal));
  useDocumentTitle(state.status === 'ok' ? `${state.data.plan.title} · ${t('linkEnglish')}` : null, t('staffTitleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const { plan, sheet } = state.data;
  return (
    <article data-testid="english-page">
      <StaffBreadcrumb title={plan.title} />
      <h1>
        {t('linkEnglish')}: {plan.title}
      </h1>
      <PlanTabs planId={plan.id} current="english" />
      <p className="lead">{t('englishIntro')}</p>
      <p data-testid="english-missing">{t('englishMissing', { count: sheet.missing, total: sheet.items.length })}</p>
      <EnglishForm planId={plan.id} sheet={sheet} />
    </article>
  );
}

function EnglishForm({ planId, sheet }: { planId: number; sheet: EnglishSheet }) {
  const { t } = useI18n();
  const manager = isManager(useUser());
  const form = useKitForm({ defaultValues: { texts: sheet.items.map((i) => ({ key: i.key, en: i.en ?? '' })) } });
  return (
    <Form
      form={form}
      testId="english-form"
      onSubmit={async (v) => {
        const saved = await saveEnglishSheet(
          planId,
          v.texts.map((x) => ({ key: x.key, en: x.en.trim() || null })),
        );
        form.reset({ texts: saved.items.map((i) => ({ key: i.key, en: i.en ?? '' })) });
        await Promise.all([invalidate(keys.staffEnglish(planId)), invalidate(keys.plan(planId))]);
        return t('englishSaved', { count: saved.missing });
      }}
    >
      <ol className="english-sheet">
        {sheet.items.map((item, i) => (
          <li key={item.key} data-testid="english-item" data-key={item.key}>
            <TextField name={`texts.${i}.en`} label={`${t(KIND_LABELS[item.kind])}: ${item.ko}`} lang="en" readOnly={!manager} maxLength={1000} />
          </li>
        ))}
      </ol>
      {manager && <Submit>{t('englishSave')}</Submit>}
    </Form>
  );
}
