/**
 * The managers' forms of regular consultations: a new series (with its organisations), a meeting,
 * a meeting's time, place and status (moving or cancelling it), an attendee, an agenda item, an
 * outcome, and the minutes. Times are typed in Seoul time.
 */
import { addAgendaItem, addAttendee, addOutcome, createMeeting, createSeries, type Meeting, type Organisation, updateMeeting } from '../../meetings-api.ts';
import { isoToSeoulInput, seoulInputToIso } from '../../education-format.ts';
import { bilingual, BilingualField, CheckField, DateTimeField, Form, SelectField, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';

const orgOptions = (orgs: readonly Organisation[], lang: 'ko' | 'en') => orgs.map((o) => ({ value: o.id, label: o.name[lang] }));

export function SeriesForm({ orgs, onSaved }: { orgs: readonly Organisation[]; onSaved: () => Promise<void> }) {
  const { lang, t } = useI18n();
  const initial = { title: { ko: '', en: '' }, cadence: '', organisationIds: [] as string[] };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    const ids = (v.organisationIds || []).map(Number);
    if (ids.length === 0) throw new Error(t('seriesPickOrganisations'));
    await createSeries({ title: bilingual(v.title), organisationIds: ids, ...(v.cadence.trim() ? { cadence: v.cadence.trim() } : {}) });
    form.reset(initial);
    await onSaved();
    return t('seriesCreated');
  };
  return (
    <Form form={form} testId="series-form" aria-labelledby="series-form-heading" head={<h2 id="series-form-heading">{t('newSeries')}</h2>} onSubmit={send}>
      <BilingualField name="title" labelKo={t('seriesTitleKo')} labelEn={t('seriesTitleEn')} maxLength={200} requiredKo />
      <TextField name="cadence" label={t('seriesCadence')} maxLength={100} />
      <fieldset className="check-group">
        <legend>{t('seriesOrganisations')}</legend>
        {orgOptions(orgs, lang).map((o) => (
          <CheckField key={o.value} name="organisationIds" value={String(o.value)} label={o.label} />
        ))}
      </fieldset>
      <Submit testId="series-submit">{t('seriesCreate')}</Submit>
    </Form>
  );
}

export function MeetingForm({ seriesId, seriesTitle, onSaved }: { seriesId: number; seriesTitle: string; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const initial = { startsAt: '', endsAt: '', venue: '', videoUrl: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await createMeeting(seriesId, {
      startsAt: seoulInputToIso(v.startsAt),
      endsAt: seoulInputToIso(v.endsAt),
      ...(v.venue.trim() ? { venue: v.venue.trim() } : {}),
      ...(v.videoUrl.trim() ? { videoUrl: v.videoUrl.trim() } : {}),
    });
    form.reset(initial);
    await onSaved();
    return t('meetingCreated');
  };
  return (
    <Form form={form} testId={`meeting-form-${seriesId}`} aria-label={`${t('newMeeting')} — ${seriesTitle}`} head={<h3>{t('newMeeting')}</h3>} onSubmit={send}>
      <div className="form-row">
        <DateTimeField name="startsAt" label={t('startsAt')} required />
        <DateTimeField name="endsAt" label={t('endsAt')} required />
      </div>
      <div className="form-row">
        <TextField name="venue" label={t('meetingVenue')} maxLength={200} />
        <TextField name="videoUrl" label={t('meetingVideo')} type="url" maxLength={500} />
      </div>
      <Submit testId="meeting-submit">{t('meetingCreate')}</Submit>
    </Form>
  );
}

export function MeetingEditForm({ meeting, onSaved }: { meeting: Meeting; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const initial = {
    startsAt: isoToSeoulInput(meeting.startsAt),
    endsAt: isoToSeoulInput(meeting.endsAt),
    venue: { ko: meeting.venue?.ko ?? '', en: meeting.venue?.en ?? '' },
    videoUrl: meeting.videoUrl ?? '',
    status: meeting.status as string,
  };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await updateMeeting(meeting.id, {
      startsAt: seoulInputToIso(v.startsAt),
      endsAt: seoulInputToIso(v.endsAt),
      venue: v.venue.ko.trim() ? bilingual(v.venue) : null,
      videoUrl: v.videoUrl.trim() || null,
      status: v.status as Meeting['status'],
    });
    await onSaved();
    return t('meetingUpdated');
  };
  return (
    <Form form={form} testId="meeting-edit-form" aria-labelledby="meeting-edit-heading" head={<h2 id="meeting-edit-heading">{t('meetingEdit')}</h2>} onSubmit={send}>
      <div className="form-row">
        <DateTimeField name="startsAt" label={t('startsAt')} required />
        <DateTimeField name="endsAt" label={t('endsAt')} required />
      </div>
      <BilingualField name="venue" labelKo={t('meetingVenueKo')} labelEn={t('meetingVenueEn')} maxLength={200} />
      <div className="form-row">
        <TextField name="videoUrl" label={t('meetingVideo')} type="url" maxLength={500} />
        <SelectField
          name="status"
          label={t('meetingStatus')}
          options={[
            { value: 'scheduled', label: t('meetingStatusScheduled') },
            { value: 'held', label: t('meetingStatusHeld') },
            { value: 'cancelled', label: t('meetingStatusCancelled') },
          ]}
        />
      </div>
      <Submit testId="meeting-edit-submit">{t('meetingSave')}</Submit>
    </Form>
  );
}

export function AttendeeForm({ meetingId, orgs, onSaved }: { meetingId: number; orgs: readonly Organisation[]; onSaved: () => Promise<void> }) {
  const { lang, t } = useI18n();
  const initial = { organisationId: '', name: '', title: '', email: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await addAttendee(meetingId, {
      organisationId: Number(v.organisationId),
      name: v.name.trim(),
      ...(v.title.trim() ? { title: v.title.trim() } : {}),
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
    });
    form.reset(initial);
    await onSaved();
    return t('attendeeAdded');
  };
  return (
    <Form form={form} testId="attendee-form" aria-label={t('attendeeAdd')} onSubmit={send}>
      <div className="form-row">
        <SelectField name="organisationId" label={t('attendeeOrganisation')} options={orgOptions(orgs, lang)} placeholder="" required />
        <TextField name="name" label={t('attendeeName')} maxLength={100} required />
      </div>
      <div className="form-row">
        <TextField name="title" label={t('attendeeTitle')} maxLength={100} />
        <TextField name="email" label={t('attendeeEmail')} type="email" maxLength={254} />
      </div>
      <Submit testId="attendee-submit">{t('attendeeAdd')}</Submit>
    </Form>
  );
}

export function AgendaForm({ meetingId, onSaved }: { meetingId: number; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const initial = { title: { ko: '', en: '' }, presenter: '', minutesAllotted: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await addAgendaItem(meetingId, {
      title: bilingual(v.title),
      ...(v.presenter.trim() ? { presenter: v.presenter.trim() } : {}),
      ...(v.minutesAllotted.trim() ? { minutesAllotted: Number(v.minutesAllotted) } : {}),
    });
    form.reset(initial);
    await onSaved();
    return t('agendaAdded');
  };
  return (
    <Form form={form} testId="agenda-form" aria-label={t('agendaAdd')} onSubmit={send}>
      <BilingualField name="title" labelKo={t('agendaTitleKo')} labelEn={t('agendaTitleEn')} maxLength={300} requiredKo />
      <div className="form-row">
        <TextField name="presenter" label={t('agendaPresenter')} maxLength={100} />
        <TextField name="minutesAllotted" label={t('agendaMinutes')} type="number" inputMode="numeric" min={1} max={600} />
      </div>
      <Submit testId="agenda-submit">{t('agendaAdd')}</Submit>
    </Form>
  );
}

export function OutcomeForm({ meetingId, orgs, onSaved }: { meetingId: number; orgs: readonly Organisation[]; onSaved: () => Promise<void> }) {
  const { lang, t } = useI18n();
  const initial = { kind: 'action', text: { ko: '', en: '' }, ownerOrganisationId: '', ownerPerson: '', dueOn: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await addOutcome(meetingId, {
      kind: v.kind as 'information' | 'decision' | 'action',
      text: bilingual(v.text),
      ...(v.ownerOrganisationId ? { ownerOrganisationId: Number(v.ownerOrganisationId) } : {}),
      ...(v.ownerPerson.trim() ? { ownerPerson: v.ownerPerson.trim() } : {}),
      ...(v.dueOn ? { dueOn: v.dueOn } : {}),
    });
    form.reset(initial);
    await onSaved();
    return t('outcomeAdded');
  };
  return (
    <Form form={form} testId="outcome-form" aria-label={t('outcomeAdd')} onSubmit={send}>
      <SelectField
        name="kind"
        label={t('outcomeKind')}
        options={[
          { value: 'information', label: t('outcomeInformation') },
          { value: 'decision', label: t('outcomeDecision') },
          { value: 'action', label: t('outcomeAction') },
        ]}
      />
      <BilingualField name="text" labelKo={t('outcomeTextKo')} labelEn={t('outcomeTextEn')} multiline maxLength={5000} requiredKo />
      <div className="form-row">
        <SelectField name="ownerOrganisationId" label={t('outcomeOwner')} options={orgOptions(orgs, lang)} placeholder="" />
        <TextField name="ownerPerson" label={t('outcomeOwnerPerson')} maxLength={100} />
        <TextField name="dueOn" label={t('outcomeDue')} type="date" />
      </div>
      <Submit testId="outcome-submit">{t('outcomeAdd')}</Submit>
    </Form>
  );
}

export function MinutesForm({ meeting, onSaved }: { meeting: Meeting; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const initial = { minutes: { ko: meeting.minutes?.ko ?? '', en: meeting.minutes?.en ?? '' } };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await updateMeeting(meeting.id, { minutes: v.minutes.ko.trim() ? bilingual(v.minutes) : null });
    await onSaved();
    return t('minutesSaved');
  };
  return (
    <Form form={form} testId="minutes-form" aria-label={t('minutesSave')} onSubmit={send}>
      <BilingualField name="minutes" labelKo={t('minutesKo')} labelEn={t('minutesEn')} multiline maxLength={50_000} />
      <Submit testId="minutes-submit">{t('minutesSave')}</Submit>
    </Form>
  );
}
