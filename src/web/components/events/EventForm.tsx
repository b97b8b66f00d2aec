/**
 * Create or edit an event (managers): kind, edition, ko/en title, description and venue, dates,
 * stream link, published; when editing also the status (planned, held, cancelled) and outcome.
 */
import { useState, type FormEvent } from 'react';
import { CheckboxField, Field } from '../staff/Field.tsx';
import { FormAlert, StatusMessage } from '../staff/Notice.tsx';
import { isoToSeoulInput, seoulInputToIso } from '../../education-format.ts';
import { createEvent, EVENT_KINDS, updateEvent, type EventDetail, type EventInput, type EventStatus } from '../../events-api.ts';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { KIND_LABELS, labelOr } from './EventText.tsx';

const FIELDS = ['kind', 'edition', 'title.ko', 'title.en', 'description.ko', 'description.en', 'venue.ko', 'venue.en', 'streamUrl', 'startsAt', 'endsAt', 'status', 'outcome.ko', 'outcome.en'] as const;

const pair = (ko: string, en: string) => (ko.trim() ? { ko: ko.trim(), ...(en.trim() ? { en: en.trim() } : {}) } : null);

export function EventForm({ event, onSaved }: { event?: EventDetail; onSaved: (saved: EventDetail) => void }) {
  const { lang, t } = useI18n();
  const editing = Boolean(event);
  const [v, setV] = useState({
    kind: event?.kind ?? 'forum',
    edition: event?.edition != null ? String(event.edition) : '',
    titleKo: event?.title.ko ?? '',
    titleEn: event?.title.en ?? '',
    descriptionKo: event?.description?.ko ?? '',
    descriptionEn: event?.description?.en ?? '',
    venueKo: event?.venue?.ko ?? '',
    venueEn: event?.venue?.en ?? '',
    streamUrl: event?.streamUrl ?? '',
    startsAt: isoToSeoulInput(event?.startsAt),
    endsAt: isoToSeoulInput(event?.endsAt),
    status: (event?.status ?? 'planned') as EventStatus,
    outcomeKo: event?.outcome?.ko ?? '',
    outcomeEn: event?.outcome?.en ?? '',
  });
  const [dateApproximate, setDateApproximate] = useState(event?.dateApproximate ?? false);
  const [published, setPublished] = useState(event?.published ?? false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [key]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    mutation.reset();
    const gaps: Record<string, string> = {};
    if (!v.titleKo.trim() && !v.titleEn.trim()) gaps['title.ko'] = t('required');
    if (!seoulInputToIso(v.startsAt)) gaps.startsAt = t('required');
    if (!seoulInputToIso(v.endsAt)) gaps.endsAt = t('required');
    setLocal(gaps);
    if (Object.keys(gaps).length) return;
    const body: EventInput = {
      kind: v.kind,
      title: pair(v.titleKo, v.titleEn) ?? { ko: v.titleEn.trim() },
      startsAt: seoulInputToIso(v.startsAt),
      endsAt: seoulInputToIso(v.endsAt),
      dateApproximate,
      published,
    };
    if (v.edition.trim()) body.edition = Number(v.edition);
    const description = pair(v.descriptionKo, v.descriptionEn);
    const venue = pair(v.venueKo, v.venueEn);
    if (description || editing) body.description = description;
    if (venue || editing) body.venue = venue;
    if (v.streamUrl.trim()) body.streamUrl = v.streamUrl.trim();
    else if (editing) body.streamUrl = null;
    if (editing) {
      body.status = v.status;
      const outcome = pair(v.outcomeKo, v.outcomeEn);
      if (outcome) body.outcome = outcome;
    }
    const saved = await mutation.run(() => (event ? updateEvent(event.id, body) : createEvent(body)), t(editing ? 'eventSaved' : 'eventCreated'));
    if (saved) onSaved(saved);
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, FIELDS) : NO_ERRORS;
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };
  const text = (key: keyof typeof v, label: string, error: string | undefined, multiline = false, lang?: string) => (
    <Field label={label} error={error}>
      {(props) =>
        multiline ? (
          <textarea {...props} name={key} lang={lang} rows={3} maxLength={5000} value={v[key]} onChange={set(key)} />
        ) : (
          <input {...props} name={key} lang={lang} type="text" maxLength={300} value={v[key]} onChange={set(key)} />
        )
      }
    </Field>
  );
  return (
    <form className="staff-form" onSubmit={submit} noValidate data-testid={editing ? 'event-edit-form' : 'event-create-form'}>
      <FormAlert message={server.summary} focus />
      <fieldset disabled={mutation.busy}>
        <legend className="visually-hidden">{editing ? t('eventBasics') : t('newEvent')}</legend>
        <div className="form-row">
          <Field label={t('eventKind')} error={errors.kind}>
            {(props) => (
              <select {...props} name="kind" value={v.kind} onChange={set('kind')}>
                {EVENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {labelOr(KIND_LABELS, k, t)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('eventEdition')} error={errors.edition}>
            {(props) => <input {...props} name="edition" type="number" inputMode="numeric" min={1} max={999} value={v.edition} onChange={set('edition')} />}
          </Field>
        </div>
        <div className="form-row">
          {text('titleKo', t('eventTitleKo'), errors['title.ko'], false, 'ko')}
          {text('titleEn', t('eventTitleEn'), errors['title.en'], false, 'en')}
        </div>
        <div className="form-row">
          {text('descriptionKo', t('descriptionKo'), errors['description.ko'], true, 'ko')}
          {text('descriptionEn', t('descriptionEn'), errors['description.en'], true, 'en')}
        </div>
        <div className="form-row">
          <Field label={t('startsAt')} error={errors.startsAt}>
            {(props) => <input {...props} name="startsAt" type="datetime-local" value={v.startsAt} onChange={set('startsAt')} />}
          </Field>
          <Field label={t('endsAt')} error={errors.endsAt}>
            {(props) => <input {...props} name="endsAt" type="datetime-local" value={v.endsAt} onChange={set('endsAt')} />}
          </Field>
        </div>
        <CheckboxField label={t('dateApproximateLabel')} checked={dateApproximate} onChange={setDateApproximate} name="dateApproximate" />
        <div className="form-row">
          {text('venueKo', t('venueKo'), errors['venue.ko'], false, 'ko')}
          {text('venueEn', t('venueEn'), errors['venue.en'], false, 'en')}
        </div>
        <Field label={t('streamUrl')} error={errors.streamUrl}>
          {(props) => <input {...props} name="streamUrl" type="url" maxLength={500} value={v.streamUrl} onChange={set('streamUrl')} />}
        </Field>
        <CheckboxField label={t('publishedLabel')} checked={published} onChange={setPublished} name="published" />
        {editing && (
          <>
            <Field label={t('eventStatus')} error={errors.status}>
              {(props) => (
                <select {...props} name="status" value={v.status} onChange={set('status')} data-testid="event-status-select">
                  <option value="planned">{t('statusPlanned')}</option>
                  <option value="held">{t('statusHeld')}</option>
                  <option value="cancelled">{t('statusCancelled')}</option>
                </select>
              )}
            </Field>
            <div className="form-row">
              {text('outcomeKo', t('outcomeKo'), errors['outcome.ko'], true, 'ko')}
              {text('outcomeEn', t('outcomeEn'), errors['outcome.en'], true, 'en')}
            </div>
          </>
        )}
        <p className="form-actions">
          <button type="submit" className="button-primary" data-testid="event-save">
            {editing ? t('save') : t('createEvent')}
          </button>
        </p>
      </fieldset>
      <StatusMessage message={mutation.done} />
    </form>
  );
}
