/**
 * `/registrations/find`: "find my registration". A citizen who lost the link in their message
 * gives the phone or e-mail they registered with; the link is sent there again. The page shows
 * the server's one answer, the same whether anything was found or not.
 */
import { useEffect, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { lookUpRegistration, type LookupReceived } from '../education-api.ts';
import { localText } from '../education-format.ts';
import { EmailField, Form, formatPhone, PhoneField, RadioGroup, Submit, useKitForm } from '../forms/index.ts';
import { useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n.ts';

function Answer({ answer }: { answer: LookupReceived }) {
  const { lang, t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="form-received" role="status" tabIndex={-1} ref={ref} data-testid="lookup-received">
      <h2>{t('findReceivedHeading')}</h2>
      <p>{localText(answer.message, lang)}</p>
    </div>
  );
}

function ContactField() {
  const by = useWatch({ name: 'by' }) as 'phone' | 'email';
  return by === 'email' ? <EmailField required /> : <PhoneField maxLength={30} />;
}

export function FindRegistrationPage() {
  const { t } = useI18n();
  useDocumentTitle(t('findTitle'), t('titleSuffix'));
  const [answer, setAnswer] = useState<LookupReceived | null>(null);
  const form = useKitForm({ defaultValues: { by: 'phone', phone: '', email: '' } });
  return (
    <>
      <h1>{t('findTitle')}</h1>
      <p className="lead">{t('findIntro')}</p>
      {answer ? (
        <Answer answer={answer} />
      ) : (
        <Form
          form={form}
          className="staff-form public-form"
          testId="lookup-form"
          aria-labelledby="find-heading"
          status={false}
          head={<h2 id="find-heading">{t('findHeading')}</h2>}
          onSubmit={async (v) => {
            const body = v.by === 'email' ? { email: v.email.trim() } : { phone: formatPhone(v.phone) };
            setAnswer(await lookUpRegistration(body));
          }}
        >
          <RadioGroup
            name="by"
            legend={t('findBy')}
            className="field-radios"
            choices={[
              { value: 'phone', label: t('findByPhone') },
              { value: 'email', label: t('findByEmail') },
            ]}
            testId="lookup-by"
          />
          <ContactField />
          <Submit testId="lookup-submit">{t('findSubmit')}</Submit>
        </Form>
      )}
    </>
  );
}
