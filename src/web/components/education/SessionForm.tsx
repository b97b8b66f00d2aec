/**
 * Managers create or edit an academy session: title (ko, en), lecturer, start/end, venue,
 * online URL, recording URL, capacity and the registration window. Times are typed in Seoul
 * time (`datetime-local`) and sent as ISO 8601.
 */
import { useState, type FormEvent } from 'react';
import { createSession, updateSession, type AcademySession, type SessionInput, type SessionPatch } from '../../education-api.ts';
import { isoToSeoulInput, seoulInputToIso } from '../../education-format.ts';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { CheckboxField, Field } from '../staff/Field.tsx';
import { FormAlert, StatusMessage } from '../staff/Notice.tsx';

const FIELDS = ['title.ko', 'title.en', 'lecturer', 'description', 'startsAt', 'endsAt', 'venue', 'onlineUrl', 'videoUrl', 'capacity', 'registrationOpensAt', 'registrationClosesAt'] as const;

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
});

export function SessionForm({ session, onSaved }: { session?: AcademySession; onSaved: (saved: AcademySession) => void }) {
  const { lang, t } = useI18n();
  const [v, setV] = useState(() => initial(session));
  const wasCancelled = session?.registrationState === 'cancelled' || session?.cancelled === true;
  const [cancelled, setCancelled] = useState(wasCancelled);
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const gaps: Record<string, string> = {};
    if (!v.titleKo.trim()) gaps['title.ko'] = t('required');
    if (!v.venue.trim()) gaps.venue = t('required');
    for (const key of ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const) if (!seoulInputToIso(v[key])) gaps[key] = t('required');
    if (!/^\d+$/.test(v.capacity.trim()) || Number(v.capacity) < 1) gaps.capacity = t('capacityInvalid');
    if (!gaps.startsAt && !gaps.endsAt && seoulInputToIso(v.endsAt) <= seoulInputToIso(v.startsAt)) gaps.endsAt = t('endAfterStart');
    if (!gaps.registrationOpensAt && !gaps.registrationClosesAt && seoulInputToIso(v.registrationClosesAt) <= seoulInputToIso(v.registrationOpensAt))
      gaps.registrationClosesAt = t('closeAfterOpen');
    setLocal(gaps);
    if (Object.keys(gaps).length > 0) return;
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
    let saved: AcademySession | undefined;
    if (session && wasCancelled) {
      // The server refuses any other change to a cancelled session.
      saved = await mutation.run(() => updateSession(session.id, { videoUrl: v.videoUrl.trim() || null }), t('sessionSaved'));
    } else if (session) {
      const patch: SessionPatch = {
        ...body,
        lecturer: v.lecturer.trim() || null,
        onlineUrl: v.onlineUrl.trim() || null,
        videoUrl: v.videoUrl.trim() || null,
        ...(cancelled && session.registrationState !== 'cancelled' ? { cancelled: true } : {}),
      };
      saved = await mutation.run(() => updateSession(session.id, patch), t('sessionSaved'));
    } else {
      saved = await mutation.run(() => createSession(body), t('sessionCreated', { title: body.title.ko }));
      if (saved) setV(initial());
    }
    if (saved) onSaved(saved);
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, FIELDS) : NO_ERRORS;
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };
  return (
    <form className="staff-form" onSubmit={submit} noValidate data-testid="session-form" aria-labelledby="session-form-heading">
      <h2 id="session-form-heading">{session ? t('editSession') : t('newSession')}</h2>
      <FormAlert message={server.summary ?? (Object.keys(local).length ? t('formHasErrors') : null)} />
      {wasCancelled && <p className="read-only-note">{t('cancelledSessionNote')}</p>}
      <div className="form-row">
        <Field label={t('titleKo')} error={errors['title.ko']}>
          {(props) => <input {...props} name="titleKo" type="text" maxLength={200} value={v.titleKo} onChange={set('titleKo')} />}
        </Field>
        <Field label={t('titleEn')} error={errors['title.en']}>
          {(props) => <input {...props} name="titleEn" type="text" lang="en" maxLength={200} value={v.titleEn} onChange={set('titleEn')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('sessionLecturer')} error={errors.lecturer}>
          {(props) => <input {...props} name="lecturer" type="text" maxLength={100} value={v.lecturer} onChange={set('lecturer')} />}
        </Field>
        <Field label={t('sessionVenue')} error={errors.venue}>
          {(props) => <input {...props} name="venue" type="text" maxLength={200} value={v.venue} onChange={set('venue')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('startsAt')} hint={t('seoulTimeHint')} error={errors.startsAt}>
          {(props) => <input {...props} name="startsAt" type="datetime-local" value={v.startsAt} onChange={set('startsAt')} />}
        </Field>
        <Field label={t('endsAt')} hint={t('seoulTimeHint')} error={errors.endsAt}>
          {(props) => <input {...props} name="endsAt" type="datetime-local" value={v.endsAt} onChange={set('endsAt')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('registrationOpensAt')} error={errors.registrationOpensAt}>
          {(props) => <input {...props} name="registrationOpensAt" type="datetime-local" value={v.registrationOpensAt} onChange={set('registrationOpensAt')} />}
        </Field>
        <Field label={t('registrationClosesAt')} error={errors.registrationClosesAt}>
          {(props) => <input {...props} name="registrationClosesAt" type="datetime-local" value={v.registrationClosesAt} onChange={set('registrationClosesAt')} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('capacity')} error={errors.capacity}>
          {(props) => <input {...props} name="capacity" type="number" inputMode="numeric" min={1} value={v.capacity} onChange={set('capacity')} />}
        </Field>
        <Field label={t('onlineUrl')} error={errors.onlineUrl}>
          {(props) => <input {...props} name="onlineUrl" type="url" maxLength={500} value={v.onlineUrl} onChange={set('onlineUrl')} />}
        </Field>
      </div>
      {session && (
        <>
          <Field label={t('videoUrl')} hint={t('videoUrlHint')} error={errors.videoUrl}>
            {(props) => <input {...props} name="videoUrl" type="url" maxLength={500} value={v.videoUrl} onChange={set('videoUrl')} />}
          </Field>
          <CheckboxField label={t('cancelSession')} checked={cancelled} onChange={setCancelled} name="cancelled" disabled={wasCancelled} />
        </>
      )}
      <p className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.busy} data-testid="session-submit">
          {session ? t('saveSession') : t('createSession')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}
