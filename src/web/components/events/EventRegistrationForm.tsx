/**
 * An event's registration form: the category (seats left, waiting list, invitation code, approval
 * note), name (+ English name), phone, e-mail, affiliation, country, the event's own questions,
 * and the consent notice with its explicit tick. A registration goes to its status page, which
 * shows the QR code for check-in.
 */
import { useId, useState, type FormEvent } from 'react';
import { ConsentNotice } from '../ConsentNotice.tsx';
import { Field } from '../staff/Field.tsx';
import { FormAlert } from '../staff/Notice.tsx';
import type { ConsentNotice as Notice } from '../../education-api.ts';
import type { Received } from '../../education-api.ts';
import { ReceivedNotice } from '../ReceivedNotice.tsx';
import { looksLikeEmail, looksLikePhone } from '../../education-format.ts';
import { registerForEvent, type EventCategory, type EventDetail, type Question } from '../../events-api.ts';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { countries } from './countries.ts';
import { CATEGORY_LABELS, labelOr, plainText } from './EventText.tsx';

const FIELDS = ['category', 'name', 'nameEn', 'phone', 'email', 'affiliation', 'country', 'invitationCode', 'consent', 'waitlist'] as const;

/** Open for registration: the server's state where it sends one, else the category's window. */
const open = (c: EventCategory) => {
  if (c.registrationState !== undefined) return c.registrationState === 'open' || c.registrationState === 'full';
  const now = Date.now();
  return (!c.opensAt || new Date(c.opensAt).getTime() <= now) && (!c.closesAt || new Date(c.closesAt).getTime() > now);
};
const isFull = (c: EventCategory) => c.registrationState === 'full' || c.seatsLeft <= 0;

function CategoryChoice({ categories, value, onChange, error }: { categories: EventCategory[]; value: number | null; onChange: (id: number) => void; error?: string }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className={`category-choice${error ? ' field-invalid' : ''}`} data-testid="category-choice" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('categoryChoice')}</legend>
      {categories.map((c) => {
        const enabled = open(c);
        return (
          <div className="field-check category-option" key={c.id}>
            <input id={`${id}-${c.id}`} type="radio" name="category" value={c.category} checked={value === c.id} disabled={!enabled} onChange={() => onChange(c.id)} />
            <label htmlFor={`${id}-${c.id}`}>
              <strong>{labelOr(CATEGORY_LABELS, c.category, t)}</strong>
              <span className="category-notes">
                {!enabled ? t('catClosed') : isFull(c) ? t('catWaitlist', { count: c.waitlistLength }) : t('catSeats', { left: c.seatsLeft, capacity: c.capacity })}
                {c.requiresInvitation && ` · ${t('catInvitation')}`}
                {c.requiresApproval && ` · ${t('catApproval')}`}
              </span>
            </label>
          </div>
        );
      })}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function QuestionField({ question, value, onChange, error }: { question: Question; value: string; onChange: (v: string) => void; error?: string }) {
  const { lang, t } = useI18n();
  const label = `${plainText(question.label, lang)}${question.required ? '' : ` ${t('optionalMark')}`}`;
  if (question.kind === 'choice' && question.options?.length) {
    return (
      <Field label={label} error={error}>
        {(props) => (
          <select {...props} name={`q-${question.id}`} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('countryNone')}</option>
            {question.options!.map((o) => (
              <option key={o.value} value={o.value}>
                {lang === 'en' ? o.en || o.ko : o.ko}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  if (question.kind === 'country') {
    return (
      <Field label={label} error={error}>
        {(props) => (
          <select {...props} name={`q-${question.id}`} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('countryNone')}</option>
            {countries(lang).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }
  const max = question.maxLength ?? 1000;
  return (
    <Field label={label} error={error}>
      {(props) =>
        max > 200 ? (
          <textarea {...props} name={`q-${question.id}`} rows={3} maxLength={max} value={value} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...props} type="text" name={`q-${question.id}`} maxLength={max} value={value} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}

export function EventRegistrationForm({ event, notice }: { event: EventDetail; notice: Notice }) {
  const { lang, t } = useI18n();
  const categories = event.categories ?? [];
  const questions = event.questions ?? [];
  const [categoryId, setCategoryId] = useState<number | null>(() => categories.find((c) => open(c) && !c.requiresInvitation)?.id ?? null);
  const [form, setForm] = useState({ name: '', nameEn: '', phone: '', email: '', affiliation: '', country: '', invitationCode: '' });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [consent, setConsent] = useState(false);
  const [waitlist, setWaitlist] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();
  const [received, setReceived] = useState<Received | null>(null);
  const category = categories.find((c) => c.id === categoryId) ?? null;
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  if (!categories.some(open)) return <p className="read-only-note" data-testid="registration-closed">{t('eventRegistrationClosed')}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const gaps: Record<string, string> = {};
    if (!category) gaps.category = t('required');
    if (!form.name.trim()) gaps.name = t('required');
    if (!form.phone.trim()) gaps.phone = t('required');
    else if (!looksLikePhone(form.phone)) gaps.phone = t('phoneInvalid');
    if (!form.email.trim()) gaps.email = t('required');
    else if (!looksLikeEmail(form.email.trim())) gaps.email = t('emailInvalid');
    if (category?.requiresInvitation && !form.invitationCode.trim()) gaps.invitationCode = t('required');
    for (const q of questions) {
      const v = (answers[q.id] ?? '').trim();
      if (q.required && !v) gaps[`answers.${q.id}`] = t('required');
      else if (q.maxLength && v.length > q.maxLength) gaps[`answers.${q.id}`] = t('tooLong', { max: q.maxLength });
    }
    if (!consent) gaps.consent = t('consentRequired');
    if (category && isFull(category) && !waitlist) gaps.waitlist = t('waitlistRequired');
    setLocal(gaps);
    if (Object.keys(gaps).length > 0 || !category) return;
    const filled = Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
    const opt = (v: string) => (v.trim() ? v.trim() : undefined);
    const body = {
      category: category.category,
      name: form.name.trim(),
      nameEn: opt(form.nameEn),
      phone: form.phone.trim(),
      email: form.email.trim(),
      affiliation: opt(form.affiliation),
      country: opt(form.country),
      invitationCode: category.requiresInvitation ? opt(form.invitationCode) : undefined,
      answers: Object.keys(filled).length ? filled : undefined,
      consent: true as const,
      ...(isFull(category) ? { waitlist: true } : {}),
    };
    const created = await mutation.run(() => registerForEvent(event.id, body));
    if (created) setReceived(created);
  };

  if (received) return <ReceivedNotice received={received} />;

  const known = [...FIELDS, ...questions.map((q) => `answers.${q.id}`)];
  const server = mutation.error ? formErrors(mutation.error, lang, t, known) : NO_ERRORS;
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };
  const localSummary = Object.keys(local).length > 0 ? t('formHasErrors') : null;
  return (
    <form className="staff-form public-form" onSubmit={submit} noValidate data-testid="event-registration-form" aria-labelledby="event-register-heading">
      <h2 id="event-register-heading">{t('eventRegisterHeading')}</h2>
      <FormAlert message={server.summary ?? localSummary} focus />
      <CategoryChoice categories={categories} value={categoryId} onChange={setCategoryId} error={errors.category} />
      {category?.requiresApproval && <p className="read-only-note">{t('catApproval')}</p>}
      {category?.requiresInvitation && (
        <Field label={t('invitationCode')} hint={t('invitationHint')} error={errors.invitationCode}>
          {(props) => (
            <input {...props} name="invitationCode" type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={100} value={form.invitationCode} onChange={(e) => set('invitationCode')(e.target.value)} />
          )}
        </Field>
      )}
      <div className="form-row">
        <Field label={t('applicantName')} error={errors.name}>
          {(props) => <input {...props} name="name" type="text" autoComplete="name" maxLength={100} value={form.name} onChange={(e) => set('name')(e.target.value)} />}
        </Field>
        <Field label={t('nameEn')} error={errors.nameEn}>
          {(props) => <input {...props} name="nameEn" type="text" lang="en" maxLength={100} value={form.nameEn} onChange={(e) => set('nameEn')(e.target.value)} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('applicantPhone')} hint={t('phoneHint')} error={errors.phone}>
          {(props) => <input {...props} name="phone" type="tel" inputMode="tel" autoComplete="tel" maxLength={30} value={form.phone} onChange={(e) => set('phone')(e.target.value)} />}
        </Field>
        <Field label={t('emailRequired')} error={errors.email}>
          {(props) => <input {...props} name="email" type="email" autoComplete="email" maxLength={200} value={form.email} onChange={(e) => set('email')(e.target.value)} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('affiliationOptional')} error={errors.affiliation}>
          {(props) => <input {...props} name="affiliation" type="text" autoComplete="organization" maxLength={200} value={form.affiliation} onChange={(e) => set('affiliation')(e.target.value)} />}
        </Field>
        <Field label={t('country')} error={errors.country}>
          {(props) => (
            <select {...props} name="country" autoComplete="country" value={form.country} onChange={(e) => set('country')(e.target.value)}>
              <option value="">{t('countryNone')}</option>
              {countries(lang).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {questions.length > 0 && (
        <fieldset className="event-questions" data-testid="event-questions">
          <legend>{t('questionsHeading')}</legend>
          {questions.map((q) => (
            <QuestionField key={q.id} question={q} value={answers[q.id] ?? ''} onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))} error={errors[`answers.${q.id}`]} />
          ))}
        </fieldset>
      )}
      <ConsentNotice notice={notice} checked={consent} onChange={setConsent} error={errors.consent} />
      {category && isFull(category) && (
        <div className={errors.waitlist ? 'field-invalid' : undefined}>
          <div className="field-check">
            <input id="event-waitlist-choice" type="checkbox" name="waitlist" checked={waitlist} onChange={(e) => setWaitlist(e.target.checked)} aria-invalid={errors.waitlist ? true : undefined} aria-describedby={errors.waitlist ? 'event-waitlist-error' : undefined} />
            <label htmlFor="event-waitlist-choice">{t('waitlistChoice')}</label>
          </div>
          {errors.waitlist && (
            <p className="field-error" id="event-waitlist-error" data-testid="field-error">
              {errors.waitlist}
            </p>
          )}
        </div>
      )}
      <p className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.busy} data-testid="event-register-submit">
          {t('registerEventSubmit')}
        </button>
      </p>
    </form>
  );
}
