/**
 * `/staff/attraction`: the institution attraction pipeline, confidential to city staff — the funnel
 * by stage and quarter, the target institutions with their stage dates, next step, owner and
 * support offered; editors add institutions, move them forward and record support.
 */
import { useState } from 'react';
import { ATTRACTION_STAGE_LABELS, INSTITUTION_KIND_LABELS, SUPPORT_KIND_LABELS } from '../../components/cooperation/labels.ts';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { attractionFunnel, attractionTargets, createTarget, type Funnel, moveTarget, offerSupport, type Target, updateTarget } from '../../cooperation-api.ts';
import { seoulToday, seoulYear } from '../../education-format.ts';
import { formatWon } from '../../format.ts';
import { CheckField, Form, SelectField, Submit, TextArea, TextField, useKitForm } from '../../forms/index.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import { EDITOR_ROLES, useUser } from '../../session.ts';

const STAGES = Object.keys(ATTRACTION_STAGE_LABELS) as Target['stage'][];
const saved = () => Promise.all([invalidate(keys.staffAttraction()), invalidate(keys.attraction())]);
const digits = /^\d{0,16}$/;

async function load(year: number, signal: AbortSignal) {
  const [targets, funnel] = await Promise.all([attractionTargets(signal), attractionFunnel(year, signal)]);
  return { targets: targets.items, funnel };
}

function FunnelTable({ funnel }: { funnel: Funnel }) {
  const { lang, t } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="funnel-heading">
      <table className="data-table" data-testid="attraction-funnel">
        <caption id="funnel-heading">{t('attractionFunnel', { year: funnel.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('attractionStage')}</th>
            <th scope="col">{t('attractionCurrent')}</th>
            <th scope="col">{t('attractionReached')}</th>
            {[1, 2, 3, 4].map((q) => (
              <th key={q} scope="col">
                {t('attractionQuarter', { quarter: q })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {funnel.stages.map((s) => (
            <tr key={s.stage} data-stage={s.stage}>
              <th scope="row">{s.label[lang]}</th>
              <td>{s.current}</td>
              <td>{s.reached}</td>
              {s.byQuarter.map((n, i) => (
                <td key={i}>{n}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('attractionSupportTotal', { year: funnel.year, amount: formatWon(funnel.supportOfferedWon) })}</p>
    </div>
  );
}

function AddTargetForm({ ownerId }: { ownerId: number }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { ko: '', en: '', kind: 'asset_manager', identifiedOn: seoulToday(), nextStep: '', announce: false } });
  return (
    <Form
      form={form}
      testId="attraction-add-form"
      head={<h2>{t('attractionAdd')}</h2>}
      onSubmit={async ({ ko, en, kind, identifiedOn, nextStep, announce }) => {
        await createTarget({
          name: { ko: ko.trim(), ...(en.trim() ? { en: en.trim() } : {}) },
          kind: kind as Target['kind'],
          identifiedOn,
          ...(nextStep.trim() ? { nextStep: nextStep.trim() } : {}),
          ownerId,
          announce,
        });
        form.reset();
        await saved();
        return t('attractionAdded');
      }}
    >
      <TextField name="ko" label={t('attractionName')} required maxLength={200} />
      <TextField name="en" label={t('attractionNameEn')} maxLength={200} />
      <SelectField name="kind" label={t('attractionKind')} options={Object.entries(INSTITUTION_KIND_LABELS).map(([value, key]) => ({ value, label: t(key) }))} />
      <TextField name="identifiedOn" type="date" label={t('attractionIdentifiedOn')} required />
      <TextArea name="nextStep" label={t('attractionNextStep')} maxLength={1000} />
      <CheckField name="announce" label={t('attractionAnnounce')} />
      <Submit>{t('attractionAdd')}</Submit>
    </Form>
  );
}

function MoveForm({ target }: { target: Target }) {
  const { lang, t } = useI18n();
  const later = STAGES.slice(target.stageIndex + 1);
  const form = useKitForm({ defaultValues: { stage: later[0] ?? '', reachedOn: seoulToday() } });
  if (later.length === 0) return null;
  return (
    <Form
      form={form}
      testId="attraction-move-form"
      onSubmit={async ({ stage, reachedOn }) => {
        await moveTarget(target.id, { stage: stage as Target['stage'], reachedOn });
        await saved();
        return t('attractionMoved');
      }}
    >
      <SelectField name="stage" label={t('attractionMoveTo')} options={later.map((s) => ({ value: s, label: ATTRACTION_STAGE_LABELS[s]![lang] }))} />
      <TextField name="reachedOn" type="date" label={t('ordinanceReachedOn')} required />
      <Submit className="button-secondary">{t('attractionMove')}</Submit>
    </Form>
  );
}

function SupportForm({ target }: { target: Target }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { kind: 'rent', amount: '', note: '', offeredOn: seoulToday() } });
  return (
    <Form
      form={form}
      testId="attraction-support-form"
      onSubmit={async ({ kind, amount, note, offeredOn }) => {
        await offerSupport(target.id, {
          kind: kind as Target['support'][number]['kind'],
          ...(amount.trim() ? { amountWon: Number(amount.trim()) } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
          offeredOn,
        });
        form.reset();
        await saved();
        return t('attractionSupportAdded');
      }}
    >
      <SelectField name="kind" label={t('attractionSupportKind')} options={Object.entries(SUPPORT_KIND_LABELS).map(([value, key]) => ({ value, label: t(key) }))} />
      <TextField name="amount" label={t('attractionAmount')} inputMode="numeric" rules={{ validate: (v: string) => digits.test(v.trim()) || t('attractionAmountInvalid') }} />
      <TextField name="note" label={t('attractionNote')} maxLength={1000} />
      <TextField name="offeredOn" type="date" label={t('attractionOfferedOn')} required />
      <Submit className="button-secondary">{t('attractionSupportAdd')}</Submit>
    </Form>
  );
}

function NextStepForm({ target }: { target: Target }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { nextStep: target.nextStep ?? '', nextStepDue: target.nextStepDue ?? '', announce: target.announce } });
  return (
    <Form
      form={form}
      testId="attraction-edit-form"
      onSubmit={async ({ nextStep, nextStepDue, announce }) => {
        await updateTarget(target.id, { nextStep: nextStep.trim() || null, nextStepDue: nextStepDue || null, announce });
        await saved();
        return t('attractionSaved');
      }}
    >
      <TextArea name="nextStep" label={t('attractionNextStep')} maxLength={1000} />
      <TextField name="nextStepDue" type="date" label={t('attractionNextStepDue')} />
      <CheckField name="announce" label={t('attractionAnnounce')} />
      <Submit className="button-secondary">{t('save')}</Submit>
    </Form>
  );
}

function TargetCard({ target, editor }: { target: Target; editor: boolean }) {
  const { lang, t } = useI18n();
  return (
    <li className="action-card" data-testid="attraction-target" data-target-id={target.id}>
      <h3 className="card-title">
        {target.name.ko}
        {target.name.en && <span lang="en"> ({target.name.en})</span>}
      </h3>
      <p>
        <span className="badge">{t(INSTITUTION_KIND_LABELS[target.kind]!)}</span>{' '}
        <span className="badge" data-testid="attraction-target-stage">
          {ATTRACTION_STAGE_LABELS[target.stage]![lang]}
        </span>
        {target.announce && (
          <>
            {' '}
            <span className="badge">{t('attractionAnnounce')}</span>
          </>
        )}
      </p>
      <dl className="summary-list facts">
        <div>
          <dt>{t('attractionNextStep')}</dt>
          <dd>
            {target.nextStep ?? '–'}
            {target.nextStepDue && ` (${target.nextStepDue})`}
          </dd>
        </div>
        <div>
          <dt>{t('attractionOwner')}</dt>
          <dd>{target.owner?.name ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('attractionStage')}</dt>
          <dd>
            {target.stages
              .filter((s) => s.reachedOn)
              .map((s) => `${ATTRACTION_STAGE_LABELS[s.stage]![lang]} ${s.reachedOn}`)
              .join(' → ')}
          </dd>
        </div>
        <div>
          <dt>{t('attractionSupport')}</dt>
          <dd>
            {target.support.length === 0
              ? '–'
              : target.support.map((s) => `${t(SUPPORT_KIND_LABELS[s.kind]!)}${s.amountWon != null ? ` ${formatWon(s.amountWon)}` : ''} (${s.offeredOn})`).join(' · ')}
          </dd>
        </div>
      </dl>
      {editor && (
        <details>
          <summary>{t('attractionEdit')}</summary>
          <MoveForm key={target.stage} target={target} />
          <NextStepForm key={target.updatedAt} target={target} />
          <SupportForm target={target} />
        </details>
      )}
    </li>
  );
}

export function AttractionStaffPage() {
  const { t } = useI18n();
  const user = useUser();
  const [year] = useState(seoulYear);
  const { state, retry } = useLoad([...keys.staffAttraction(), year], (signal) => load(year, signal));
  useDocumentTitle(t('attractionStaffTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const editor = EDITOR_ROLES.includes(user.role);
  return (
    <>
      <h1>{t('attractionStaffTitle')}</h1>
      <p className="lead">{t('attractionConfidential')}</p>
      <FunnelTable funnel={state.data.funnel} />
      <section className="plan-section" aria-labelledby="targets-heading">
        <h2 id="targets-heading">{t('attractionTargets')}</h2>
        {state.data.targets.length === 0 ? (
          <p>{t('attractionNoTargets')}</p>
        ) : (
          <ul className="action-list">
            {state.data.targets.map((x) => (
              <TargetCard key={x.id} target={x} editor={editor} />
            ))}
          </ul>
        )}
      </section>
      {editor && <AddTargetForm ownerId={user.id} />}
    </>
  );
}
