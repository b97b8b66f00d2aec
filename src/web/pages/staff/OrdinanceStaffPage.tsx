/**
 * `/staff/ordinance`: runs the ordinance — moves the current round to its next stage with the day
 * (managers), records the notice's opinions (sender kind only) and answers them, attaches documents
 * per stage, and starts an amendment once the ordinance is in force.
 */
import { OPINION_SOURCE_LABELS } from '../../components/cooperation/labels.ts';
import { OrdinanceRoundFacts, OrdinanceStages } from '../../components/cooperation/OrdinanceRound.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import {
  addOpinion,
  answerOpinion,
  moveOrdinanceStage,
  type Opinion,
  type StaffOrdinance,
  staffOrdinance,
  startAmendment,
  uploadOrdinanceDocument,
} from '../../cooperation-api.ts';
import { seoulToday } from '../../education-format.ts';
import { formatBytes } from '../../format.ts';
import { CheckField, Form, RadioGroup, SelectField, Submit, TextArea, TextField, useKitForm } from '../../forms/index.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import { EDITOR_ROLES, isManager, useUser } from '../../session.ts';

const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.xlsx,.docx,.pptx,.hwp,.hwpx';

type Round = StaffOrdinance['current'];

const saved = () => Promise.all([invalidate(keys.staffOrdinance()), invalidate(keys.ordinance())]);

function MoveStageForm({ o }: { o: StaffOrdinance }) {
  const { lang, t } = useI18n();
  const form = useKitForm({ defaultValues: { reachedOn: seoulToday(), noticeEndsOn: '' } });
  const next = o.nextStage;
  if (!next) return <p data-testid="ordinance-final">{t('ordinanceFinal')}</p>;
  const nextLabel = o.current.stages.find((s) => s.stage === next)!.label[lang];
  return (
    <Form
      form={form}
      testId="ordinance-move-form"
      head={<h3>{t('ordinanceMoveHeading')}</h3>}
      onSubmit={async ({ reachedOn, noticeEndsOn }) => {
        await moveOrdinanceStage(o.current.id, { stage: next, reachedOn, ...(next === 'legislative_notice' ? { noticeEndsOn } : {}) });
        await saved();
        return t('ordinanceMoved');
      }}
    >
      <p data-testid="ordinance-next-stage">{t('ordinanceNextStage', { stage: nextLabel })}</p>
      <TextField name="reachedOn" type="date" label={t('ordinanceReachedOn')} required />
      {next === 'legislative_notice' && <TextField name="noticeEndsOn" type="date" label={t('ordinanceNoticeEndsOn')} required />}
      <Submit>{t('ordinanceMove')}</Submit>
    </Form>
  );
}

function AmendForm() {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { ko: '', en: '', startedOn: seoulToday() } });
  return (
    <Form
      form={form}
      testId="ordinance-amend-form"
      head={<h3>{t('ordinanceAmendHeading')}</h3>}
      onSubmit={async ({ ko, en, startedOn }) => {
        await startAmendment({ summary: { ko: ko.trim(), ...(en.trim() ? { en: en.trim() } : {}) }, startedOn });
        await saved();
        return t('ordinanceAmendStarted');
      }}
    >
      <TextArea name="ko" label={t('ordinanceAmendSummary')} required maxLength={2000} />
      <TextArea name="en" label={t('ordinanceAmendSummaryEn')} maxLength={2000} />
      <TextField name="startedOn" type="date" label={t('ordinanceStartedOn')} required />
      <Submit>{t('ordinanceAmendStart')}</Submit>
    </Form>
  );
}

function OpinionForm({ round }: { round: Round }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { source: 'citizen', receivedOn: seoulToday(), summary: '' } });
  return (
    <Form
      form={form}
      testId="opinion-form"
      head={<h4>{t('opinionAddHeading')}</h4>}
      onSubmit={async ({ source, receivedOn, summary }) => {
        await addOpinion(round.id, { source: source as Opinion['source'], receivedOn, summary: summary.trim() });
        form.reset({ source, receivedOn, summary: '' });
        await saved();
        return t('opinionAdded');
      }}
    >
      <SelectField
        name="source"
        label={t('opinionSource')}
        hint={t('opinionSourceHint')}
        options={Object.entries(OPINION_SOURCE_LABELS).map(([value, key]) => ({ value, label: t(key) }))}
      />
      <TextField name="receivedOn" type="date" label={t('opinionReceivedOn')} required />
      <TextArea name="summary" label={t('opinionSummary')} required maxLength={4000} />
      <Submit>{t('opinionAdd')}</Submit>
    </Form>
  );
}

function AnswerForm({ opinion }: { opinion: Opinion }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { answer: opinion.answer ?? '', accepted: opinion.accepted === false ? 'no' : 'yes', answeredOn: opinion.answeredOn ?? seoulToday() } });
  return (
    <Form
      form={form}
      testId="answer-form"
      onSubmit={async ({ answer, accepted, answeredOn }) => {
        await answerOpinion(opinion.id, { answer: answer.trim(), accepted: accepted === 'yes', answeredOn });
        await saved();
        return t('opinionSaved');
      }}
    >
      <TextArea name="answer" label={t('opinionAnswer')} required maxLength={4000} />
      <RadioGroup
        name="accepted"
        className="field-group"
        legend={t('opinionAccepted')}
        choices={[
          { value: 'yes', label: t('opinionAccepted') },
          { value: 'no', label: t('opinionNotAccepted') },
        ]}
      />
      <TextField name="answeredOn" type="date" label={t('opinionAnsweredOn')} required />
      <Submit className="button-secondary">{t('opinionSave')}</Submit>
    </Form>
  );
}

function Opinions({ round, editor }: { round: Round; editor: boolean }) {
  const { t } = useI18n();
  const open = editor && round.stage === 'legislative_notice';
  return (
    <section className="plan-section" aria-labelledby="opinions-heading">
      <h3 id="opinions-heading">{t('ordinanceOpinions')}</h3>
      {round.opinions.length === 0 ? (
        <p>{t('opinionNone')}</p>
      ) : (
        <ul className="action-list" data-testid="opinions">
          {round.opinions.map((o) => (
            <li key={o.id} className="action-card" data-testid="opinion">
              <p>
                <span className="badge">{t(OPINION_SOURCE_LABELS[o.source]!)}</span> {o.receivedOn}
              </p>
              <p className="history-comment">{o.summary}</p>
              {o.answer ? (
                <p>
                  <strong>{o.accepted ? t('opinionAccepted') : t('opinionNotAccepted')}</strong> ({o.answeredOn}) {o.answer}
                </p>
              ) : (
                <p className="muted">{t('opinionUnanswered')}</p>
              )}
              {open && <AnswerForm opinion={o} />}
            </li>
          ))}
        </ul>
      )}
      {open && <OpinionForm round={round} />}
    </section>
  );
}

function Documents({ round, editor }: { round: Round; editor: boolean }) {
  const { lang, t } = useI18n();
  const reached = round.stages.slice(0, round.stageIndex + 1);
  const form = useKitForm<{ stage: string; file: FileList | null; title: string; published: boolean }>({
    defaultValues: { stage: round.stage, file: null, title: '', published: false },
  });
  return (
    <section className="plan-section" aria-labelledby="ordinance-docs-heading">
      <h3 id="ordinance-docs-heading">{t('ordinanceDocuments')}</h3>
      {round.documents.length === 0 ? (
        <p>{t('ordinanceNoDocuments')}</p>
      ) : (
        <ul className="evidence-list" data-testid="ordinance-staff-documents">
          {round.documents.map((d) => (
            <li key={d.id}>
              <a href={d.url} download>
                {d.title}
              </a>{' '}
              <span className="muted">
                ({round.stages.find((s) => s.stage === d.stage)?.label[lang]} · {d.fileName} · {formatBytes(d.sizeBytes)} ·{' '}
                {d.published ? t('documentPublished') : t('documentInternal')})
              </span>
            </li>
          ))}
        </ul>
      )}
      {editor && (
        <Form
          form={form}
          testId="ordinance-document-form"
          head={<h4>{t('documentUploadHeading')}</h4>}
          onSubmit={async ({ stage, file, title, published }) => {
            await uploadOrdinanceDocument(round.id, stage, file![0]!, title.trim(), published);
            form.reset({ stage, file: null, title: '', published: false });
            await saved();
            return t('evidenceAdded');
          }}
        >
          <SelectField name="stage" label={t('documentStage')} options={reached.map((s) => ({ value: s.stage, label: s.label[lang] }))} />
          <TextField name="file" label={t('file')} type="file" accept={EVIDENCE_ACCEPT} rules={{ validate: (f: FileList | null) => (f?.[0] ? true : t('fileRequired')) }} />
          <TextField name="title" label={t('evidenceTitle')} maxLength={200} />
          <CheckField name="published" label={t('publishNow')} />
          <Submit className="button-secondary">{t('upload')}</Submit>
        </Form>
      )}
    </section>
  );
}

export function OrdinanceStaffPage() {
  const { lang, t } = useI18n();
  const user = useUser();
  const { state, retry } = useLoad(keys.staffOrdinance(), (signal) => staffOrdinance(signal));
  useDocumentTitle(t('ordinanceTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const o = state.data;
  const manager = isManager(user);
  const editor = EDITOR_ROLES.includes(user.role);
  return (
    <>
      <h1>{t('ordinanceTitle')}</h1>
      <h2>{lang === 'en' ? (o.title.en ?? o.title.ko) : o.title.ko}</h2>
      <p>
        {t('ordinanceRound', { round: o.current.round })} {o.current.kind === 'enactment' ? t('ordinanceEnactment') : t('ordinanceAmendment')}
      </p>
      <OrdinanceRoundFacts round={o.current} stageCount={o.stageCount} />
      <OrdinanceStages round={o.current} />
      {manager && <MoveStageForm key={`move-${o.current.id}-${o.current.stage}`} o={o} />}
      {manager && o.current.stage === 'in_force' && <AmendForm />}
      {o.current.stageIndex >= 1 && <Opinions round={o.current} editor={editor} />}
      <Documents key={`docs-${o.current.id}-${o.current.stage}`} round={o.current} editor={editor} />
    </>
  );
}
