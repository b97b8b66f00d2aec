/**
 * `/settlement`: settlement feedback (정주여건 의견). The form takes a topic, the text, an optional
 * photo, and either nothing (anonymous) or a contact with the consent tick; a sent item opens its
 * tracking page. Links to the public board and the survey results.
 */
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { Link } from '../components/Link.tsx';
import { CATEGORY_LABELS } from '../components/settlement/labels.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { looksLikePhone } from '../education-format.ts';
import { ConsentField, EmailField, Form, formatPhone, LabelledField, RadioGroup, SelectField, Submit, TextArea, TextField, useKitForm } from '../forms/index.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n, withLang } from '../i18n.ts';
import { keys } from '../queries.ts';
import { attachFeedbackPhoto, FEEDBACK_CATEGORIES, type FeedbackCategory, type FeedbackInput, settlementConsent, submitFeedback } from '../settlement-api.ts';

type Notice = Awaited<ReturnType<typeof settlementConsent>>;

function FeedbackForm({ notice }: { notice: Notice }) {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  const photo = useRef<HTMLInputElement>(null);
  const form = useKitForm({
    defaultValues: { category: 'transport' as FeedbackCategory, text: '', how: 'anonymous', name: '', phone: '', email: '', consent: false },
    aliases: { 'contact.phone': 'phone', 'contact.email': 'email', 'contact.name': 'name', contact: 'phone' },
  });
  const withContact = form.watch('how') === 'contact';
  return (
    <Form
      form={form}
      className="staff-form public-form"
      testId="feedback-form"
      aria-labelledby="feedback-heading"
      status={false}
      head={<h2 id="feedback-heading">{t('feedbackFormHeading')}</h2>}
      onSubmit={async (v) => {
        const body: FeedbackInput = withContact
          ? {
              category: v.category,
              text: v.text.trim(),
              anonymous: false,
              contact: {
                ...(v.name.trim() ? { name: v.name.trim() } : {}),
                ...(v.phone.trim() ? { phone: formatPhone(v.phone) } : {}),
                ...(v.email.trim() ? { email: v.email.trim() } : {}),
              },
              consent: v.consent,
            }
          : { category: v.category, text: v.text.trim(), anonymous: true };
        const created = await submitFeedback(body);
        const token = decodeURIComponent(new URL(created.trackingUrl).pathname.split('/').pop() ?? '');
        const file = photo.current?.files?.[0];
        if (file) await attachFeedbackPhoto(token, file);
        navigate(withLang(`/settlement/feedback/track/${encodeURIComponent(token)}?new=1`, lang));
      }}
    >
      <SelectField
        name="category"
        label={t('feedbackCategory')}
        options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: t(CATEGORY_LABELS[c]) }))}
        testId="feedback-category"
      />
      <TextArea name="text" label={t('feedbackText')} hint={t('feedbackTextHint')} rows={6} maxLength={4000} required testId="feedback-text" />
      <LabelledField label={t('feedbackPhoto')} hint={t('feedbackPhotoHint')}>
        {(props) => <input {...props} ref={photo} type="file" name="photo" accept="image/png,image/jpeg,image/gif,image/webp" data-testid="feedback-photo" />}
      </LabelledField>
      <RadioGroup
        name="how"
        legend={t('feedbackHowHeading')}
        className="field-group"
        testId="feedback-how"
        choices={[
          { value: 'anonymous', label: t('feedbackAnonymous') },
          { value: 'contact', label: t('feedbackWithContact') },
        ]}
      />
      {withContact && (
        <>
          <TextField name="name" label={t('feedbackName')} autoComplete="name" maxLength={50} />
          <div className="form-row">
            <TextField
              name="phone"
              label={t('feedbackPhone')}
              hint={t('phoneHint')}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              maxLength={20}
              testId="feedback-phone"
              rules={{
                validate: (v: string, all: Record<string, unknown>) =>
                  v.trim() || String(all.email ?? '').trim() ? !v.trim() || looksLikePhone(v) || t('phoneInvalid') : t('feedbackContactRequired'),
              }}
            />
            <EmailField name="email" label={t('feedbackEmail')} />
          </div>
          <ConsentField notice={notice} />
        </>
      )}
      <Submit testId="feedback-submit">{t('feedbackSubmit')}</Submit>
    </Form>
  );
}

export function SettlementPage() {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.settlementConsent(), settlementConsent);
  useDocumentTitle(t('settlementTitle'), t('titleSuffix'));
  return (
    <>
      <h1>{t('settlementTitle')}</h1>
      <p className="lead">{t('settlementIntro')}</p>
      <ul className="plain-list link-list">
        <li>
          <Link href="/settlement/board">{t('boardLink')}</Link>
        </li>
        <li>
          <Link href="/settlement/survey">{t('surveyLink')}</Link>
        </li>
      </ul>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorView error={state.error} onRetry={retry} />}
      {state.status === 'ok' && <FeedbackForm notice={state.data} />}
    </>
  );
}
