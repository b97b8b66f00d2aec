/**
 * 개인정보처리방침: rendered from GET /api/privacy-policy, which the server generates from the
 * register of processing (src/modules/privacy/processing-register.ts) and its settings.
 */
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { localText } from '../education-format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { privacyPolicy } from '../privacy-api.ts';
import { keys } from '../queries.ts';

export function PrivacyPolicyPage() {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.privacyPolicy(), privacyPolicy);
  useDocumentTitle(t('privacyTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const policy = state.data;
  const { officer } = policy;
  return (
    <article className="policy-page" data-testid="privacy-page">
      <h1>{t('privacyTitle')}</h1>
      <p className="lead">{t('privacyIntro')}</p>
      <p className="plan-meta" data-testid="privacy-effective">
        {t('privacyEffective', { date: policy.effectiveDate })}
      </p>

      <section aria-labelledby="privacy-processing">
        <h2 id="privacy-processing">{t('privacyProcessingTitle')}</h2>
        {policy.processings.map((p) => (
          <section key={p.id} className="policy-item" data-testid="privacy-processing" data-id={p.id}>
            <h3>{localText(p.name, lang)}</h3>
            <dl className="consent-list">
              <dt>{t('privacyPurpose')}</dt>
              <dd>{localText(p.purpose, lang)}</dd>
              <dt>{t('privacyItems')}</dt>
              <dd>{localText(p.items, lang)}</dd>
              <dt>{t('privacyBasis')}</dt>
              <dd>{localText(p.basis, lang)}</dd>
              <dt>{t('privacyRetention')}</dt>
              <dd data-testid="privacy-retention">{localText(p.retention, lang)}</dd>
            </dl>
          </section>
        ))}
      </section>

      <section aria-labelledby="privacy-destroy">
        <h2 id="privacy-destroy">{t('privacyDestroyTitle')}</h2>
        <p>{t('privacyDestroyText')}</p>
      </section>

      <section aria-labelledby="privacy-recipients" data-testid="privacy-recipients">
        <h2 id="privacy-recipients">{t('privacyRecipientsTitle')}</h2>
        {policy.recipients.map((r) => (
          <section key={`${r.kind}-${r.name.ko}`} className="policy-item" data-testid="privacy-recipient" data-kind={r.kind}>
            <h3>{t(r.kind === 'entrustment' ? 'privacyEntrustment' : 'privacyProvision')}</h3>
            <dl className="consent-list">
              <dt>{t('privacyRecipient')}</dt>
              <dd>{localText(r.name, lang)}</dd>
              <dt>{t('privacyTask')}</dt>
              <dd>{localText(r.task, lang)}</dd>
              <dt>{t('privacyRecipientItems')}</dt>
              <dd>{localText(r.items, lang)}</dd>
            </dl>
          </section>
        ))}
        <p>{t('privacyNoOtherRecipients')}</p>
      </section>

      <section aria-labelledby="privacy-rights">
        <h2 id="privacy-rights">{t('privacyRightsTitle')}</h2>
        <p>{t('privacyRightsText')}</p>
      </section>

      <section aria-labelledby="privacy-safety">
        <h2 id="privacy-safety">{t('privacySafetyTitle')}</h2>
        <ul>
          <li>{t('privacySafety1')}</li>
          <li>{t('privacySafety2')}</li>
          <li>{t('privacySafety3')}</li>
          <li>{t('privacySafety4')}</li>
        </ul>
      </section>

      <section aria-labelledby="privacy-officer" data-testid="privacy-officer">
        <h2 id="privacy-officer">{t('privacyOfficerTitle')}</h2>
        <dl className="consent-list">
          <dt>{t('privacyOfficerRole')}</dt>
          <dd>{localText(officer.title, lang)}</dd>
          {officer.name && (
            <>
              <dt>{t('privacyOfficerName')}</dt>
              <dd>{officer.name}</dd>
            </>
          )}
          <dt>{t('privacyOfficerDepartment')}</dt>
          <dd>{localText(officer.department, lang)}</dd>
          <dt>{t('privacyOfficerPhone')}</dt>
          <dd>{officer.phone}</dd>
          {officer.email && (
            <>
              <dt>{t('privacyOfficerEmail')}</dt>
              <dd>
                <a href={`mailto:${officer.email}`}>{officer.email}</a>
              </dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="privacy-remedy">
        <h2 id="privacy-remedy">{t('privacyRemedyTitle')}</h2>
        <p>{t('privacyRemedyText')}</p>
        <ul>
          <li>{t('privacyRemedy1')}</li>
          <li>{t('privacyRemedy2')}</li>
          <li>{t('privacyRemedy3')}</li>
          <li>{t('privacyRemedy4')}</li>
        </ul>
      </section>
    </article>
  );
}
