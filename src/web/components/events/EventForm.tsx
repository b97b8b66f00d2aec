/**
 * Create or edit an event (managers): kind, edition, ko/en title, description and venue, dates,
 * stream link, published; when editing also the status (planned, held, cancelled) and outcome.
 */
import { isoToSeoulInput, seoulInputToIso } from '../../education-format.ts';
import { createEvent, EVENT_KINDS, updateEvent, type EventDetail, type EventInput, type EventStatus } from '../../events-api.ts';
import { BilingualField, CheckField, DateTimeField, Form, SelectField, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { KIND_LABELS, labelOr } from './EventText.tsx';

const pair = (ko: string, en: string) => (ko.trim() ? { ko: ko.trim(), ...(en.trim() ? { en: en.trim() } : {}) } : null);
const FLAT = ['title', 'description', 'venue', 'outcome'];
const aliases = Object.fromEntries(
  FLAT.flatMap((n) => [
    [`${n}.ko`, `${n}Ko`],
    [`${n}.en`, `${n}En`],
  ]),
);

export function EventForm({ event, onSaved }: { event?: EventDetail; onSaved: (saved: EventDetail) => void }) {
  const { t } = useI18n();
  const editing = Boolean(event);
  const defaults = {
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
    dateApproximate: event?.dateApproximate ?? false,
    published: event?.published ?? false,
    status: (event?.status ?? 'planned') as EventStatus,
    outcomeKo: event?.outcome?.ko ?? '',
    outcomeEn: event?.outcome?.en ?? '',
  };
  const form = useKitForm({ defaultValues: defaults, aliases });
  const send = async (v: typeof defaults) => {
    const body: EventInput = {
      kind: v.kind,
      title: pair(v.titleKo, v.titleEn) ?? { ko: v.titleEn.trim() },
      startsAt: seoulInputToIso(v.startsAt),
      endsAt: seoulInputToIso(v.endsAt),
      dateApproximate: v.dateApproximate,
      published: v.published,
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
    onSaved(await (event ? updateEvent(event.id, body) : createEvent(body)));
    return t(editing ? 'eventSaved' : 'eventCreated');
  };
  const titleGiven = (_: string, all: object) => {
    const v = all as { titleKo: string; titleEn: string };
    return Boolean(v.titleKo.trim() || v.titleEn.trim()) || t('required');
  };
  return (
    <Form form={form} testId={editing ? 'event-edit-form' : 'event-create-form'} onSubmit={send}>
      <fieldset>
        <legend className="visually-hidden">{editing ? t('eventBasics') : t('newEvent')}</legend>
        <div className="form-row">
          <SelectField name="kind" label={t('eventKind')} options={EVENT_KINDS.map((k) => ({ value: k, label: labelOr(KIND_LABELS, k, t) }))} />
          <TextField name="edition" label={t('eventEdition')} type="number" inputMode="numeric" min={1} max={999} />
        </div>
        <div className="form-row">
          <TextField name="titleKo" label={t('eventTitleKo')} lang="ko" maxLength={300} rules={{ validate: titleGiven }} />
          <TextField name="titleEn" label={t('eventTitleEn')} lang="en" maxLength={300} />
        </div>
        <BilingualField name="description" flat multiline labelKo={t('descriptionKo')} labelEn={t('descriptionEn')} />
        <div className="form-row">
          <DateTimeField name="startsAt" label={t('startsAt')} hint={null} required />
          <DateTimeField name="endsAt" label={t('endsAt')} hint={null} required />
        </div>
        <CheckField name="dateApproximate" label={t('dateApproximateLabel')} />
        <BilingualField name="venue" flat labelKo={t('venueKo')} labelEn={t('venueEn')} />
        <TextField name="streamUrl" label={t('streamUrl')} type="url" maxLength={500} />
        <CheckField name="published" label={t('publishedLabel')} />
        {editing && (
          <>
            <SelectField
              name="status"
              label={t('eventStatus')}
              options={[
                { value: 'planned', label: t('statusPlanned') },
                { value: 'held', label: t('statusHeld') },
                { value: 'cancelled', label: t('statusCancelled') },
              ]}
              testId="event-status-select"
            />
            <BilingualField name="outcome" flat multiline labelKo={t('outcomeKo')} labelEn={t('outcomeEn')} />
          </>
        )}
        <Submit testId="event-save">{editing ? t('save') : t('createEvent')}</Submit>
      </fieldset>
    </Form>
  );
}
