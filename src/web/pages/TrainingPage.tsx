/**
 * `/training` and `/training/cohorts/:id`: professional training courses (금융전문인력 양성) — the
 * cohorts, and a cohort's application form with its selection criteria, documents and the consent
 * notice (the referral consent is a separate, optional tick).
 */
import { useState } from 'react';
import { consentNotice, type ConsentNotice as Notice, type Received } from '../education-api.ts';
import { formatDateTime, localText } from '../education-format.ts';
import { ReceivedNotice } from '../components/ReceivedNotice.tsx';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { Link } from '../components/Link.tsx';
import { CheckField, ConsentField, EmailField, Form, formatPhone, PhoneField, Submit, TextArea, TextField, useKitForm } from '../forms/index.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { keys } from '../queries.ts';
import { applyTraining, cohort, cohorts, type Cohort } from '../training-api.ts';

export const TRACK_LABELS: Record<Cohort['course']['track'], MessageKey> = {
  asset_management: 'trackAssetManagement',
  pension_fund: 'trackPensionFund',
  fintech: 'trackFintech',
  back_office: 'trackBackOffice',
  other: 'trackOther',
};

export function TrainingPage() {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.trainingCohorts(), (signal) => cohorts(signal));
  useDocumentTitle(t('trainingTitle'), t('titleSuffix'));
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  return (
    <>
      <h1>{t('trainingTitle')}</h1>
      <p className="lead">{t('trainingIntro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
          <p>{t('noCohorts')}</p>
        ) : (
          <ul className="card-list" data-testid="cohort-list">
            {state.data.items.map((c) => (
              <li key={c.id} className="action-card" data-testid="cohort-card">
                <h2 className="card-title">
                  <Link href={`/training/cohorts/${c.id}`}>
                    {localText(c.course.title, lang)} {c.name}
                  </Link>
                </h2>
                <p>
                  {t(TRACK_LABELS[c.course.track])} · {c.startsOn} – {c.endsOn} · {t('capacityValue', { n: c.capacity })} ·{' '}
                  {c.open ? t('applicationsOpen') : t('applicationsClosed')}
                </p>
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

function ApplicationForm({ cohortId, notice }: { cohortId: number; notice: Notice }) {
  const { t } = useI18n();
  const [received, setReceived] = useState<Received | null>(null);
  const form = useKitForm({
    defaultValues: { name: '', phone: '', email: '', statement: '', documents: '', consent: false, referralConsent: false },
  });
  if (received) return <ReceivedNotice received={received} />;
  return (
    <Form
      form={form}
      className="staff-form public-form"
      testId="training-form"
      aria-labelledby="training-apply-heading"
      status={false}
      head={<h2 id="training-apply-heading">{t('trainingApplyHeading')}</h2>}
      onSubmit={async (v) => {
        const documents = v.documents
          .split('\n')
          .map((d) => d.trim())
          .filter(Boolean);
        setReceived(
          await applyTraining(cohortId, {
            name: v.name.trim(),
            phone: formatPhone(v.phone),
            ...(v.email.trim() ? { email: v.email.trim() } : {}),
            statement: v.statement.trim(),
            ...(documents.length ? { documents } : {}),
            consent: v.consent as true,
            referralConsent: v.referralConsent,
          }),
        );
      }}
    >
      <div className="form-row">
        <TextField name="name" label={t('applicantName')} autoComplete="name" maxLength={50} required />
        <PhoneField name="phone" maxLength={20} />
      </div>
      <EmailField name="email" />
      <TextArea name="statement" label={t('trainingStatement')} hint={t('trainingStatementHint')} rows={4} maxLength={4000} required />
      <TextArea name="documents" label={t('trainingDocuments')} hint={t('trainingDocumentsHint')} rows={2} maxLength={2000} />
      <ConsentField notice={notice} />
      <CheckField name="referralConsent" label={t('referralConsent')} />
      <Submit testId="training-submit">{t('trainingApplySubmit')}</Submit>
    </Form>
  );
}

export function TrainingCohortPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.trainingCohort(id), async (signal) => ({ cohort: await cohort(id, signal), notice: await consentNotice('training', signal) }));
  useDocumentTitle(state.status === 'ok' ? `${localText(state.data.cohort.course.title, lang)} ${state.data.cohort.name}` : t('trainingTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const { cohort: c, notice } = state.data;
  return (
    <>
      <h1>
        {localText(c.course.title, lang)} {c.name}
      </h1>
      {c.course.description && <p className="lead">{localText(c.course.description, lang)}</p>}
      <dl className="summary-list facts" data-testid="cohort-facts">
        <div>
          <dt>{t('trainingTrack')}</dt>
          <dd>{t(TRACK_LABELS[c.course.track])}</dd>
        </div>
        <div>
          <dt>{t('trainingPeriod')}</dt>
          <dd>
            {c.startsOn} – {c.endsOn} · {t('hoursValue', { n: c.course.hours })}
          </dd>
        </div>
        <div>
          <dt>{t('trainingCapacity')}</dt>
          <dd>{t('capacityValue', { n: c.capacity })}</dd>
        </div>
        <div>
          <dt>{t('registrationWindow')}</dt>
          <dd>
            {formatDateTime(c.applyOpensAt, lang)} – {formatDateTime(c.applyClosesAt, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('completionRule')}</dt>
          <dd>{t('completionRuleValue', { pct: c.course.rule.minAttendancePct, score: c.course.rule.minScore })}</dd>
        </div>
        <div>
          <dt>{t('selectionCriteria')}</dt>
          <dd className="preserve-lines">{localText(c.criteria, lang)}</dd>
        </div>
        <div>
          <dt>{t('requiredDocuments')}</dt>
          <dd className="preserve-lines">{localText(c.documents, lang)}</dd>
        </div>
      </dl>
      {c.open ? <ApplicationForm cohortId={c.id} notice={notice} /> : <p className="read-only-note">{t('applicationsClosed')}</p>}
    </>
  );
}
