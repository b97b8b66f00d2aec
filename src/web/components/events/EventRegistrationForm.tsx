/**
 * An event's registration form: the category (seats left, waiting list, invitation code, approval
 * note), name (+ English name), phone, e-mail, affiliation, country, the event's own questions,
 * and the consent notice with its explicit tick. A registration goes to its status page, which
 * shows the QR code for check-in.
 */
import { useState } from 'react';
import type { ConsentNotice as Notice, Received } from '../../education-api.ts';
import { ReceivedNotice } from '../ReceivedNotice.tsx';
import { registerForEvent, type EventCategory, type EventDetail, type Question } from '../../events-api.ts';
import { ConsentField, Form, formatPhone, PersonFields, RadioGroup, SelectField, Submit, TextArea, TextField, useKitForm, WaitlistField } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { countries } from './countries.ts';
import { CATEGORY_LABELS, labelOr, plainText } from './EventText.tsx';

/** Open for registration: the server's state where it sends one, else the category's window. */
const open = (c: EventCategory) => {
  if (c.registrationState !== undefined) return c.registrationState === 'open' || c.registrationState === 'full';
  const now = Date.now();
  return (!c.opensAt || new Date(c.opensAt).getTime() <= now) && (!c.closesAt || new Date(c.closesAt).getTime() > now);
};
const isFull = (c: EventCategory) => c.registrationState === 'full' || c.seatsLeft <= 0;

function QuestionField({ question }: { question: Question }) {
  const { lang, t } = useI18n();
  const name = `answers.${question.id}`;
  const label = `${plainText(question.label, lang)}${question.required ? '' : ` ${t('optionalMark')}`}`;
  const max = question.maxLength ?? 1000;
  const rules = { validate: (v: string) => (question.required && !v.trim() ? t('required') : v.trim().length > max ? t('tooLong', { max }) : true) };
  if ((question.kind === 'choice' && question.options?.length) || question.kind === 'country') {
    const options =
      question.kind === 'country'
        ? countries(lang).map((c) => ({ value: c.code, label: c.name }))
        : question.options!.map((o) => ({ value: o.value, label: lang === 'en' ? o.en || o.ko : o.ko }));
    return <SelectField name={name} label={label} placeholder={t('countryNone')} options={options} rules={rules} />;
  }
  return max > 200 ? <TextArea name={name} label={label} rows={3} maxLength={max} rules={rules} /> : <TextField name={name} label={label} maxLength={max} rules={rules} />;
}

export function EventRegistrationForm({ event, notice }: { event: EventDetail; notice: Notice }) {
  const { lang, t } = useI18n();
  const categories = event.categories ?? [];
  const questions = event.questions ?? [];
  const form = useKitForm({
    defaultValues: {
      category: String(categories.find((c) => open(c) && !c.requiresInvitation)?.id ?? ''),
      ...{ name: '', nameEn: '', phone: '', email: '', affiliation: '', country: '', invitationCode: '', consent: false, waitlist: false },
      answers: Object.fromEntries(questions.map((q) => [q.id, ''])) as Record<string, string>,
    },
  });
  const [received, setReceived] = useState<Received | null>(null);
  const category = categories.find((c) => String(c.id) === form.watch('category')) ?? null;

  if (!categories.some(open))
    return (
      <p className="read-only-note" data-testid="registration-closed">
        {t('eventRegistrationClosed')}
      </p>
    );
  if (received) return <ReceivedNotice received={received} />;

  const choices = categories.map((c) => ({
    value: String(c.id),
    disabled: !open(c),
    label: (
      <>
        <strong>{labelOr(CATEGORY_LABELS, c.category, t)}</strong>
        <span className="category-notes">
          {!open(c) ? t('catClosed') : isFull(c) ? t('catWaitlist', { count: c.waitlistLength }) : t('catSeats', { left: c.seatsLeft, capacity: c.capacity })}
          {c.requiresInvitation && ` · ${t('catInvitation')}`}
          {c.requiresApproval && ` · ${t('catApproval')}`}
        </span>
      </>
    ),
  }));
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return (
    <Form
      form={form}
      className="staff-form public-form"
      testId="event-registration-form"
      aria-labelledby="event-register-heading"
      status={false}
      head={<h2 id="event-register-heading">{t('eventRegisterHeading')}</h2>}
      onSubmit={async (v) => {
        if (!category) return;
        const filled = Object.fromEntries(
          Object.entries(v.answers)
            .filter(([, a]) => a.trim())
            .map(([k, a]) => [k, a.trim()]),
        );
        const body = {
          category: category.category,
          name: v.name.trim(),
          nameEn: opt(v.nameEn),
          phone: formatPhone(v.phone, opt(v.country)),
          email: v.email.trim(),
          affiliation: opt(v.affiliation),
          country: opt(v.country),
          invitationCode: category.requiresInvitation ? opt(v.invitationCode) : undefined,
          answers: Object.keys(filled).length ? filled : undefined,
          consent: true as const,
          ...(isFull(category) ? { waitlist: true } : {}),
          language: lang,
        };
        setReceived(await registerForEvent(event.id, body));
      }}
    >
      <RadioGroup
        name="category"
        legend={t('categoryChoice')}
        choices={choices}
        className="category-choice"
        optionClassName="field-check category-option"
        testId="category-choice"
        rules={{ required: t('required') }}
      />
      {category?.requiresApproval && <p className="read-only-note">{t('catApproval')}</p>}
      {category?.requiresInvitation && (
        <TextField
          name="invitationCode"
          label={t('invitationCode')}
          hint={t('invitationHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={100}
          required
        />
      )}
      <PersonFields nameEn emailRequired countryField="country" />
      <div className="form-row">
        <TextField name="affiliation" label={t('affiliationOptional')} autoComplete="organization" maxLength={200} />
        <SelectField
          name="country"
          label={t('country')}
          autoComplete="country"
          placeholder={t('countryNone')}
          options={countries(lang).map((c) => ({ value: c.code, label: c.name }))}
        />
      </div>
      {questions.length > 0 && (
        <fieldset className="event-questions" data-testid="event-questions">
          <legend>{t('questionsHeading')}</legend>
          {questions.map((q) => (
            <QuestionField key={q.id} question={q} />
          ))}
        </fieldset>
      )}
      <ConsentField notice={notice} />
      {category && isFull(category) && <WaitlistField />}
      <Submit testId="event-register-submit">{t('registerEventSubmit')}</Submit>
    </Form>
  );
}
