/**
 * The staff editors of one event (managers write; others read): rooms, speakers with photos,
 * the timetable, categories with invitation codes (shown once), and questions. Each editor is a
 * small form that posts one thing and asks the page to load the event again.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { CheckboxField, Field } from '../staff/Field.tsx';
import { FormAlert, StatusMessage } from '../staff/Notice.tsx';
import { formatDateTime, isoToSeoulInput, seoulInputToIso } from '../../education-format.ts';
import {
  addCategory,
  addProgramme,
  addQuestion,
  addRoom,
  addSpeaker,
  CATEGORIES,
  createCodes,
  deleteProgramme,
  deleteRoom,
  deleteSpeaker,
  PROGRAMME_KINDS,
  uploadSpeakerPhoto,
  type Category,
  type EventDetail,
  type ProgrammeKind,
  type QuestionKind,
} from '../../events-api.ts';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation, type Mutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { CATEGORY_LABELS, formatTime, labelOr, LocalText, plainText, PROGRAMME_LABELS } from './EventText.tsx';

interface EditorProps {
  event: EventDetail;
  canEdit: boolean;
  onChanged: () => void;
}

const opt = (ko: string, en: string) => ({ ko: ko.trim(), ...(en.trim() ? { en: en.trim() } : {}) });

function useForm(known: readonly string[]) {
  const { lang, t } = useI18n();
  const mutation = useMutation();
  const errors = mutation.error ? formErrors(mutation.error, lang, t, known) : NO_ERRORS;
  return { mutation, errors, t, lang };
}

function EditorForm({ testId, mutation, summary, submit, label, children }: { testId: string; mutation: Mutation; summary: string | null; submit: () => Promise<void>; label: string; children: ReactNode }) {
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  return (
    <form className="staff-form editor-form" onSubmit={onSubmit} noValidate data-testid={testId}>
      <FormAlert message={summary} />
      <fieldset disabled={mutation.busy}>
        <legend>{label}</legend>
        {children}
        <p className="form-actions">
          <button type="submit" className="button-primary">
            {label}
          </button>
        </p>
      </fieldset>
      <StatusMessage message={mutation.done} />
    </form>
  );
}

function BilingualInputs({ ko, en, setKo, setEn, labelKo, labelEn, errorKo, errorEn, multiline = false }: { ko: string; en: string; setKo: (v: string) => void; setEn: (v: string) => void; labelKo: string; labelEn: string; errorKo?: string; errorEn?: string; multiline?: boolean }) {
  const input = (value: string, set: (v: string) => void, lang: string) => (props: object) =>
    multiline ? <textarea {...props} lang={lang} rows={3} maxLength={5000} value={value} onChange={(e) => set(e.target.value)} /> : <input {...props} lang={lang} type="text" maxLength={300} value={value} onChange={(e) => set(e.target.value)} />;
  return (
    <div className="form-row">
      <Field label={labelKo} error={errorKo}>
        {input(ko, setKo, 'ko')}
      </Field>
      <Field label={labelEn} error={errorEn}>
        {input(en, setEn, 'en')}
      </Field>
    </div>
  );
}

function RemoveButton({ onRemove, label }: { onRemove: () => Promise<unknown>; label: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button-tertiary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await onRemove();
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('remove')}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}

export function RoomsEditor({ event, canEdit, onChanged }: EditorProps) {
  const { mutation, errors, t } = useForm(['name.ko', 'name.en']);
  const [ko, setKo] = useState('');
  const [en, setEn] = useState('');
  const submit = async () => {
    if (!ko.trim()) return;
    const saved = await mutation.run(() => addRoom(event.id, { name: opt(ko, en) }), t('eventSaved'));
    if (saved) {
      setKo('');
      setEn('');
      onChanged();
    }
  };
  return (
    <section className="plan-section" aria-labelledby="rooms-heading" data-testid="rooms-editor">
      <h2 id="rooms-heading">{t('roomsHeading')}</h2>
      <ul className="editor-list">
        {(event.rooms ?? []).map((r) => (
          <li key={r.id}>
            <LocalText text={r.name} /> {canEdit && <RemoveButton label={plainText(r.name, 'ko')} onRemove={() => deleteRoom(event.id, r.id).then(onChanged, onChanged)} />}
          </li>
        ))}
      </ul>
      {canEdit && (
        <EditorForm testId="room-form" mutation={mutation} summary={errors.summary} submit={submit} label={t('addRoom')}>
          <BilingualInputs ko={ko} en={en} setKo={setKo} setEn={setEn} labelKo={t('roomNameKo')} labelEn={t('roomNameEn')} errorKo={errors.fields['name.ko']} errorEn={errors.fields['name.en']} />
        </EditorForm>
      )}
    </section>
  );
}

export function SpeakersEditor({ event, canEdit, onChanged }: EditorProps) {
  const { mutation, errors, t } = useForm(['name.ko', 'name.en', 'affiliation.ko', 'affiliation.en', 'bio.ko', 'bio.en']);
  const photo = useMutation();
  const [f, setF] = useState({ nameKo: '', nameEn: '', affKo: '', affEn: '', bioKo: '', bioEn: '' });
  const set = (k: keyof typeof f) => (v: string) => setF((o) => ({ ...o, [k]: v }));
  const submit = async () => {
    if (!f.nameKo.trim()) return;
    const body = { name: opt(f.nameKo, f.nameEn), ...(f.affKo.trim() ? { affiliation: opt(f.affKo, f.affEn) } : {}), ...(f.bioKo.trim() ? { bio: opt(f.bioKo, f.bioEn) } : {}) };
    const saved = await mutation.run(() => addSpeaker(event.id, body), t('eventSaved'));
    if (saved) {
      setF({ nameKo: '', nameEn: '', affKo: '', affEn: '', bioKo: '', bioEn: '' });
      onChanged();
    }
  };
  const upload = async (speakerId: number, file: File | undefined) => {
    if (!file) return;
    const done = await photo.run(() => uploadSpeakerPhoto(speakerId, file), t('photoUploaded'));
    if (done !== undefined) onChanged();
  };
  const photoError = photo.error ? formErrors(photo.error, 'ko', t, []).summary : null;
  return (
    <section className="plan-section" aria-labelledby="speakers-editor-heading" data-testid="speakers-editor">
      <h2 id="speakers-editor-heading">{t('speakersHeading')}</h2>
      <FormAlert message={photoError} />
      <StatusMessage message={photo.done} />
      <ul className="editor-list speaker-list">
        {(event.speakers ?? []).map((s) => {
          const name = plainText(s.name, 'ko');
          return (
            <li key={s.id} className="speaker-card" data-testid="staff-speaker">
              {s.photoUrl && <img src={s.photoUrl} alt={t('speakerPhotoAlt', { name })} width={64} height={64} />}
              <div>
                <p>
                  <strong>
                    <LocalText text={s.name} />
                  </strong>{' '}
                  <LocalText text={s.affiliation} />
                </p>
                {canEdit && (
                  <p className="editor-actions">
                    <label className="file-label">
                      {t('uploadPhoto')} <span className="visually-hidden">({name})</span>
                      <input type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => void upload(s.id, e.target.files?.[0])} disabled={photo.busy} />
                    </label>{' '}
                    <RemoveButton label={name} onRemove={() => deleteSpeaker(event.id, s.id).then(onChanged, onChanged)} />
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {canEdit && (
        <EditorForm testId="speaker-form" mutation={mutation} summary={errors.summary} submit={submit} label={t('addSpeaker')}>
          <BilingualInputs ko={f.nameKo} en={f.nameEn} setKo={set('nameKo')} setEn={set('nameEn')} labelKo={t('speakerNameKo')} labelEn={t('speakerNameEn')} errorKo={errors.fields['name.ko']} errorEn={errors.fields['name.en']} />
          <BilingualInputs ko={f.affKo} en={f.affEn} setKo={set('affKo')} setEn={set('affEn')} labelKo={t('affiliationKo')} labelEn={t('affiliationEn')} errorKo={errors.fields['affiliation.ko']} errorEn={errors.fields['affiliation.en']} />
          <BilingualInputs multiline ko={f.bioKo} en={f.bioEn} setKo={set('bioKo')} setEn={set('bioEn')} labelKo={t('bioKo')} labelEn={t('bioEn')} errorKo={errors.fields['bio.ko']} errorEn={errors.fields['bio.en']} />
        </EditorForm>
      )}
    </section>
  );
}

export function ProgrammeEditor({ event, canEdit, onChanged }: EditorProps) {
  const { mutation, errors, t, lang } = useForm(['kind', 'title.ko', 'title.en', 'startsAt', 'endsAt', 'roomId', 'speakers']);
  const day = isoToSeoulInput(event.startsAt);
  const [f, setF] = useState({ kind: 'talk' as ProgrammeKind, ko: '', en: '', startsAt: day, endsAt: day, roomId: '' });
  const [speakerIds, setSpeakerIds] = useState<number[]>([]);
  const set = (k: keyof typeof f) => (v: string) => setF((o) => ({ ...o, [k]: v }));
  const rooms = new Map((event.rooms ?? []).map((r) => [r.id, r.name]));
  const speakers = new Map((event.speakers ?? []).map((s) => [s.id, s]));
  const submit = async () => {
    if (!f.ko.trim() || !seoulInputToIso(f.startsAt) || !seoulInputToIso(f.endsAt)) return;
    const body = {
      kind: f.kind,
      title: opt(f.ko, f.en),
      startsAt: seoulInputToIso(f.startsAt),
      endsAt: seoulInputToIso(f.endsAt),
      ...(f.roomId ? { roomId: Number(f.roomId) } : {}),
      ...(speakerIds.length ? { speakers: speakerIds.map((speakerId) => ({ speakerId, role: 'speaker' })) } : {}),
    };
    const saved = await mutation.run(() => addProgramme(event.id, body), t('eventSaved'));
    if (saved) {
      setF((o) => ({ ...o, ko: '', en: '', startsAt: f.endsAt, endsAt: f.endsAt }));
      setSpeakerIds([]);
      onChanged();
    }
  };
  const items = [...(event.programme ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <section className="plan-section" aria-labelledby="programme-editor-heading" data-testid="programme-editor">
      <h2 id="programme-editor-heading">{t('programmeHeading')}</h2>
      <ol className="editor-list">
        {items.map((item) => (
          <li key={item.id} data-testid="staff-programme-item">
            {formatDateTime(item.startsAt, lang)}–{formatTime(item.endsAt, lang)} · {labelOr(PROGRAMME_LABELS, item.kind, t)} · <LocalText text={item.title} />
            {item.roomId != null && rooms.has(item.roomId) && (
              <>
                {' '}
                · <LocalText text={rooms.get(item.roomId)} />
              </>
            )}
            {(item.speakers ?? []).length > 0 && <> · {(item.speakers ?? []).map((s) => plainText(speakers.get(s.id)?.name, lang)).join(', ')}</>}{' '}
            {canEdit && <RemoveButton label={plainText(item.title, lang)} onRemove={() => deleteProgramme(event.id, item.id).then(onChanged, onChanged)} />}
          </li>
        ))}
      </ol>
      {canEdit && (
        <EditorForm testId="programme-form" mutation={mutation} summary={errors.summary} submit={submit} label={t('addProgramme')}>
          <div className="form-row">
            <Field label={t('programmeKind')} error={errors.fields.kind}>
              {(props) => (
                <select {...props} name="kind" value={f.kind} onChange={(e) => set('kind')(e.target.value)}>
                  {PROGRAMME_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {labelOr(PROGRAMME_LABELS, k, t)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('programmeRoom')} error={errors.fields.roomId}>
              {(props) => (
                <select {...props} name="roomId" value={f.roomId} onChange={(e) => set('roomId')(e.target.value)}>
                  <option value="">{t('roomAll')}</option>
                  {(event.rooms ?? []).map((r) => (
                    <option key={r.id} value={r.id}>
                      {plainText(r.name, lang)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <BilingualInputs ko={f.ko} en={f.en} setKo={set('ko')} setEn={set('en')} labelKo={t('eventTitleKo')} labelEn={t('eventTitleEn')} errorKo={errors.fields['title.ko']} errorEn={errors.fields['title.en']} />
          <div className="form-row">
            <Field label={t('startsAt')} error={errors.fields.startsAt}>
              {(props) => <input {...props} name="startsAt" type="datetime-local" value={f.startsAt} onChange={(e) => set('startsAt')(e.target.value)} />}
            </Field>
            <Field label={t('endsAt')} error={errors.fields.endsAt}>
              {(props) => <input {...props} name="endsAt" type="datetime-local" value={f.endsAt} onChange={(e) => set('endsAt')(e.target.value)} />}
            </Field>
          </div>
          {(event.speakers ?? []).length > 0 && (
            <fieldset className="checkbox-group">
              <legend>{t('programmeSpeakers')}</legend>
              {(event.speakers ?? []).map((s) => (
                <CheckboxField
                  key={s.id}
                  name="speakers"
                  label={plainText(s.name, lang)}
                  checked={speakerIds.includes(s.id)}
                  onChange={(on) => setSpeakerIds((ids) => (on ? [...ids, s.id] : ids.filter((x) => x !== s.id)))}
                />
              ))}
            </fieldset>
          )}
        </EditorForm>
      )}
    </section>
  );
}

function CodesForm({ eventId, categoryId }: { eventId: number; categoryId: number }) {
  const { mutation, errors, t } = useForm(['count', 'maxUses', 'label']);
  const [count, setCount] = useState('5');
  const [codes, setCodes] = useState<string[] | null>(null);
  const submit = async () => {
    const made = await mutation.run(() => createCodes(eventId, categoryId, { count: Math.max(1, Number(count) || 1) }));
    if (made) setCodes(made.codes);
  };
  return (
    <div className="codes-form">
      <EditorForm testId="codes-form" mutation={mutation} summary={errors.summary} submit={submit} label={t('codesCreate')}>
        <Field label={t('codesCount')} error={errors.fields.count}>
          {(props) => <input {...props} name="count" type="number" inputMode="numeric" min={1} max={500} value={count} onChange={(e) => setCount(e.target.value)} />}
        </Field>
      </EditorForm>
      {codes && (
        <div className="codes-once" role="status">
          <p className="read-only-note">{t('codesShownOnce')}</p>
          <ul data-testid="invitation-codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function CategoriesEditor({ event, canEdit, onChanged }: EditorProps) {
  const { mutation, errors, t, lang } = useForm(['category', 'capacity', 'opensAt', 'closesAt']);
  const [f, setF] = useState({ category: 'general' as Category, capacity: '100', opensAt: isoToSeoulInput(new Date().toISOString()), closesAt: isoToSeoulInput(event.startsAt) });
  const [invitation, setInvitation] = useState(false);
  const [approval, setApproval] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF((o) => ({ ...o, [k]: v }));
  const submit = async () => {
    const body = { category: f.category, capacity: Number(f.capacity) || 0, opensAt: seoulInputToIso(f.opensAt), closesAt: seoulInputToIso(f.closesAt), requiresInvitation: invitation, requiresApproval: approval };
    const saved = await mutation.run(() => addCategory(event.id, body), t('eventSaved'));
    if (saved) onChanged();
  };
  return (
    <section className="plan-section" aria-labelledby="categories-heading" data-testid="categories-editor">
      <h2 id="categories-heading">{t('categoriesHeading')}</h2>
      <ul className="editor-list">
        {(event.categories ?? []).map((c) => (
          <li key={c.id} data-testid="staff-category">
            <strong>{labelOr(CATEGORY_LABELS, c.category, t)}</strong> · {t('catSeats', { left: c.seatsLeft, capacity: c.capacity })}
            {c.opensAt && c.closesAt && (
              <>
                {' '}
                · {formatDateTime(c.opensAt, lang)} – {formatDateTime(c.closesAt, lang)}
              </>
            )}
            {c.requiresInvitation && ` · ${t('requiresInvitation')}`}
            {c.requiresApproval && ` · ${t('requiresApproval')}`}
            {canEdit && c.requiresInvitation && <CodesForm eventId={event.id} categoryId={c.id} />}
          </li>
        ))}
      </ul>
      {canEdit && (
        <EditorForm testId="category-form" mutation={mutation} summary={errors.summary} submit={submit} label={t('addCategory')}>
          <div className="form-row">
            <Field label={t('categoryChoice')} error={errors.fields.category}>
              {(props) => (
                <select {...props} name="category" value={f.category} onChange={(e) => set('category')(e.target.value)}>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {labelOr(CATEGORY_LABELS, c, t)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('capacity')} error={errors.fields.capacity}>
              {(props) => <input {...props} name="capacity" type="number" inputMode="numeric" min={0} value={f.capacity} onChange={(e) => set('capacity')(e.target.value)} />}
            </Field>
          </div>
          <div className="form-row">
            <Field label={t('opensAt')} error={errors.fields.opensAt}>
              {(props) => <input {...props} name="opensAt" type="datetime-local" value={f.opensAt} onChange={(e) => set('opensAt')(e.target.value)} />}
            </Field>
            <Field label={t('closesAt')} error={errors.fields.closesAt}>
              {(props) => <input {...props} name="closesAt" type="datetime-local" value={f.closesAt} onChange={(e) => set('closesAt')(e.target.value)} />}
            </Field>
          </div>
          <CheckboxField name="requiresInvitation" label={t('requiresInvitation')} checked={invitation} onChange={setInvitation} />
          <CheckboxField name="requiresApproval" label={t('requiresApproval')} checked={approval} onChange={setApproval} />
        </EditorForm>
      )}
    </section>
  );
}

const QUESTION_KINDS: { kind: QuestionKind; label: 'qText' | 'qChoice' | 'qCountry' | 'qAffiliation' }[] = [
  { kind: 'text', label: 'qText' },
  { kind: 'choice', label: 'qChoice' },
  { kind: 'country', label: 'qCountry' },
  { kind: 'affiliation', label: 'qAffiliation' },
];

export function QuestionsEditor({ event, canEdit, onChanged }: EditorProps) {
  const { mutation, errors, t, lang } = useForm(['kind', 'label.ko', 'label.en', 'options', 'maxLength']);
  const [kind, setKind] = useState<QuestionKind>('text');
  const [ko, setKo] = useState('');
  const [en, setEn] = useState('');
  const [required, setRequired] = useState(false);
  const [options, setOptions] = useState('');
  const submit = async () => {
    if (!ko.trim()) return;
    const lines = options.split('\n').map((l) => l.trim()).filter(Boolean);
    const body = { kind, label: opt(ko, en), required, ...(kind === 'choice' && lines.length ? { options: lines.map((l, i) => ({ value: String(i + 1), ko: l })) } : {}) };
    const saved = await mutation.run(() => addQuestion(event.id, body), t('eventSaved'));
    if (saved) {
      setKo('');
      setEn('');
      setOptions('');
      onChanged();
    }
  };
  return (
    <section className="plan-section" aria-labelledby="questions-editor-heading" data-testid="questions-editor">
      <h2 id="questions-editor-heading">{t('questionsStaffHeading')}</h2>
      <ul className="editor-list">
        {(event.questions ?? []).map((q) => (
          <li key={q.id}>
            {plainText(q.label, lang)} ({t(QUESTION_KINDS.find((k) => k.kind === q.kind)?.label ?? 'qText')}
            {q.required && `, ${t('questionRequired')}`})
          </li>
        ))}
      </ul>
      {canEdit && (
        <EditorForm testId="question-form" mutation={mutation} summary={errors.summary} submit={submit} label={t('addQuestion')}>
          <Field label={t('questionKind')} error={errors.fields.kind}>
            {(props) => (
              <select {...props} name="kind" value={kind} onChange={(e) => setKind(e.target.value as QuestionKind)}>
                {QUESTION_KINDS.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {t(k.label)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <BilingualInputs ko={ko} en={en} setKo={setKo} setEn={setEn} labelKo={t('eventTitleKo')} labelEn={t('eventTitleEn')} errorKo={errors.fields['label.ko']} errorEn={errors.fields['label.en']} />
          {kind === 'choice' && (
            <Field label={t('questionOptions')} error={errors.fields.options}>
              {(props) => <textarea {...props} name="options" rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />}
            </Field>
          )}
          <CheckboxField name="required" label={t('questionRequired')} checked={required} onChange={setRequired} />
        </EditorForm>
      )}
    </section>
  );
}
