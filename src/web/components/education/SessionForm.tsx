/**
 * Managers create or edit an academy session: title (ko, en), lecturer, start/end, venue,
 * online URL, recording URL, capacity and the registration window. Times are typed in Seoul
 * time (`datetime-local`) and sent as ISO 8601.
 */
import { useId } from 'react';
import { createSession, updateSession, type AcademySession, type SessionInput, type SessionPatch } from '../../education-api.ts';
import { isoToSeoulInput, seoulInputToIso } from '../../education-format.ts';
import { BilingualField, CheckField, DateTimeField, Form, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';

const initial = (s?: AcademySession) => ({
  titleKo: s?.title.ko ?? '',
  titleEn: s?.title.en ?? '',
  lecturer: s?.lecturer ?? '',
  startsAt: isoToSeoulInput(s?.startsAt),
  endsAt: isoToSeoulInput(s?.endsAt),
  venue: s?.venue ?? '',
  onlineUrl: s?.onlineUrl ?? '',
  videoUrl: s?.videoUrl ?? '',
  capacity: s ? String(s.capacity) : '',
  registrationOpensAt: isoToSeoulInput(s?.registrationOpensAt),
  registrationClosesAt: isoToSeoulInput(s?.registrationClosesAt),
  cancelled: s?.registrationState === 'cancelled' || s?.cancelled === true,
});

/** `later` must be after the field `earlier` (both Seoul `datetime-local` values). */
const after = (earlier: string, message: string) => (v: string, all: object) => {
  const from = seoulInputToIso((all as Record<string, string>)[earlier] ?? '');
  return !from || !seoulInputToIso(v) || seoulInputToIso(v) > from || message;
};

export function SessionForm({ session, onSaved }: { session?: AcademySession; onSaved: (saved: AcademySession) => void }) {
  const { t } = useI18n();
  const wasCancelled = session?.registrationState === 'cancelled' || session?.cancelled === true;
  const form = useKitForm({ defaultValues: initial(session), aliases: { 'title.ko': 'titleKo', 'title.en': 'titleEn' } });
  const headingId = useId();
  const send = async (v: ReturnType<typeof initial>) => {
    const body: SessionInput = {
      title: { ko: v.titleKo.trim(), ...(v.titleEn.trim() ? { en: v.titleEn.trim() } : {}) },
      startsAt: seoulInputToIso(v.startsAt),
      endsAt: seoulInputToIso(v.endsAt),
      venue: v.venue.trim(),
      capacity: Number(v.capacity),
      registrationOpensAt: seoulInputToIso(v.registrationOpensAt),
      registrationClosesAt: seoulInputToIso(v.registrationClosesAt),
      ...(v.lecturer.trim() ? { lecturer: v.lecturer.trim() } : {}),
      ...(v.onlineUrl.trim() ? { onlineUrl: v.onlineUrl.trim() } : {}),
    };
    if (session && wasCancelled) {
      // The server refuses any other change to a cancelled session.
      onSaved(await updateSession(session.id, { videoUrl: v.videoUrl.trim() || null }));
      return t('sessionSaved');
    }
    if (session) {
      const patch: SessionPatch = {
        ...body,
        lecturer: v.lecturer.trim() || null,
        onlineUrl: v.onlineUrl.trim() || null,
        videoUrl: v.videoUrl.trim() || null,
        ...(v.cancelled && session.registrationState !== 'cancelled' ? { cancelled: true } : {}),
      };
      onSaved(await updateSession(session.id, patch));
      return t('sessionSaved');
    }
    const saved = await createSession(body);
    form.reset(initial());
    onSaved(saved);
    return t('sessionCreated', { title: body.title.ko });
  };
  return (
    <Form form={form} testId="session-form" aria-labelledby={headingId} head={<h2 id={headingId}>{session ? t('editSession') : t('newSession')}</h2>} onSubmit={send}>
      {wasCancelled && <p className="read-only-note">{t('cancelledSessionNote')}</p>}
      <BilingualField name="title" flat labelKo={t('titleKo')} labelEn={t('titleEn')} maxLength={200} requiredKo />
      <div className="form-row">
        <TextField name="lecturer" label={t('sessionLecturer')} maxLength={100} />
        <TextField name="venue" label={t('sessionVenue')} maxLength={200} required />
      </div>
      <div className="form-row">
        <DateTimeField name="startsAt" label={t('startsAt')} required />
        <DateTimeField name="endsAt" label={t('endsAt')} required rules={{ validate: { after: after('startsAt', t('endAfterStart')) } }} />
      </div>
      <div className="form-row">
        <DateTimeField name="registrationOpensAt" label={t('registrationOpensAt')} hint={null} required />
        <DateTimeField
          name="registrationClosesAt"
          label={t('registrationClosesAt')}
          hint={null}
          required
          rules={{ validate: { after: after('registrationOpensAt', t('closeAfterOpen')) } }}
        />
      </div>
      <div className="form-row">
        <TextField
          name="capacity"
          label={t('capacity')}
          type="number"
          inputMode="numeric"
          min={1}
          rules={{ validate: (v: string) => (/^\d+$/.test(v.trim()) && Number(v) >= 1) || t('capacityInvalid') }}
        />
        <TextField name="onlineUrl" label={t('onlineUrl')} type="url" maxLength={500} />
      </div>
      {session && (
        <>
          <TextField name="videoUrl" label={t('videoUrl')} hint={t('videoUrlHint')} type="url" maxLength={500} />
          <CheckField name="cancelled" label={t('cancelSession')} disabled={wasCancelled} />
        </>
      )}
      <Submit testId="session-submit">{session ? t('saveSession') : t('createSession')}</Submit>
    </Form>
  );
}
