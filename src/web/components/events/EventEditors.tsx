/**
 * The staff editors of one event (managers write; others read): rooms, speakers with photos,
 * the timetable, categories with invitation codes (shown once), and questions. Each editor is a
 * small form that posts one thing and asks the page to load the event again.
 */
import { useState, type ReactNode } from 'react';
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
import {
  bilingual,
  BilingualField,
  CheckField,
  DateTimeField,
  failureText,
  Form,
  FormAlert,
  SelectField,
  StatusMessage,
  Submit,
  TextArea,
  TextField,
  useKitForm,
  type KitForm,
} from '../../forms/index.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { CATEGORY_LABELS, formatTime, labelOr, LocalText, plainText, PROGRAMME_LABELS } from './EventText.tsx';
import type { FieldValues } from 'react-hook-form';

interface EditorProps {
  event: EventDetail;
  canEdit: boolean;
  onChanged: () => void;
}

const empty = { ko: '', en: '' };

/** One editor's small form: its fields in a fieldset named like its button. */
function EditorForm<T extends FieldValues>({
  form,
  testId,
  label,
  onSubmit,
  children,
}: {
  form: KitForm<T>;
  testId: string;
  label: string;
  onSubmit: (values: T) => unknown;
  children: ReactNode;
}) {
  return (
    <Form form={form} className="staff-form editor-form" testId={testId} onSubmit={onSubmit}>
      <fieldset>
        <legend>{label}</legend>
        {children}
        <Submit>{label}</Submit>
      </fieldset>
    </Form>
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
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { name: empty } });
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
        <EditorForm
          form={form}
          testId="room-form"
          label={t('addRoom')}
          onSubmit={async ({ name }) => {
            await addRoom(event.id, { name: bilingual(name) });
            form.reset();
            onChanged();
            return t('eventSaved');
          }}
        >
          <BilingualField name="name" labelKo={t('roomNameKo')} labelEn={t('roomNameEn')} requiredKo />
        </EditorForm>
      )}
    </section>
  );
}

export function SpeakersEditor({ event, canEdit, onChanged }: EditorProps) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { name: empty, affiliation: empty, bio: empty } });
  const photo = useMutation();
  const upload = async (speakerId: number, file: File | undefined) => {
    if (!file) return;
    const done = await photo.run(() => uploadSpeakerPhoto(speakerId, file), t('photoUploaded'));
    if (done !== undefined) onChanged();
  };
  const photoError = failureText(photo.error, 'ko', t);
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
        <EditorForm
          form={form}
          testId="speaker-form"
          label={t('addSpeaker')}
          onSubmit={async ({ name, affiliation, bio }) => {
            await addSpeaker(event.id, {
              name: bilingual(name),
              ...(affiliation.ko.trim() ? { affiliation: bilingual(affiliation) } : {}),
              ...(bio.ko.trim() ? { bio: bilingual(bio) } : {}),
            });
            form.reset();
            onChanged();
            return t('eventSaved');
          }}
        >
          <BilingualField name="name" labelKo={t('speakerNameKo')} labelEn={t('speakerNameEn')} requiredKo />
          <BilingualField name="affiliation" labelKo={t('affiliationKo')} labelEn={t('affiliationEn')} />
          <BilingualField name="bio" multiline labelKo={t('bioKo')} labelEn={t('bioEn')} />
        </EditorForm>
      )}
    </section>
  );
}

export function ProgrammeEditor({ event, canEdit, onChanged }: EditorProps) {
  const { lang, t } = useI18n();
  const day = isoToSeoulInput(event.startsAt);
  const defaults = { kind: 'talk' as ProgrammeKind, title: empty, startsAt: day, endsAt: day, roomId: '', speakers: [] as string[] };
  const form = useKitForm({ defaultValues: defaults });
  const rooms = new Map((event.rooms ?? []).map((r) => [r.id, r.name]));
  const speakers = new Map((event.speakers ?? []).map((s) => [s.id, s]));
  const send = async (v: typeof defaults) => {
    const ids = (Array.isArray(v.speakers) ? v.speakers : []).map(Number);
    const body = {
      kind: v.kind,
      title: bilingual(v.title),
      startsAt: seoulInputToIso(v.startsAt),
      endsAt: seoulInputToIso(v.endsAt),
      ...(v.roomId ? { roomId: Number(v.roomId) } : {}),
      ...(ids.length ? { speakers: ids.map((speakerId) => ({ speakerId, role: 'speaker' })) } : {}),
    };
    await addProgramme(event.id, body);
    form.reset({ ...v, title: empty, startsAt: v.endsAt, endsAt: v.endsAt, speakers: [] });
    onChanged();
    return t('eventSaved');
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
        <EditorForm form={form} testId="programme-form" label={t('addProgramme')} onSubmit={send}>
          <div className="form-row">
            <SelectField name="kind" label={t('programmeKind')} options={PROGRAMME_KINDS.map((k) => ({ value: k, label: labelOr(PROGRAMME_LABELS, k, t) }))} />
            <SelectField
              name="roomId"
              label={t('programmeRoom')}
              placeholder={t('roomAll')}
              options={(event.rooms ?? []).map((r) => ({ value: r.id, label: plainText(r.name, lang) }))}
            />
          </div>
          <BilingualField name="title" labelKo={t('eventTitleKo')} labelEn={t('eventTitleEn')} requiredKo />
          <div className="form-row">
            <DateTimeField name="startsAt" label={t('startsAt')} hint={null} required />
            <DateTimeField name="endsAt" label={t('endsAt')} hint={null} required />
          </div>
          {(event.speakers ?? []).length > 0 && (
            <fieldset className="checkbox-group">
              <legend>{t('programmeSpeakers')}</legend>
              {(event.speakers ?? []).map((s) => (
                <CheckField key={s.id} name="speakers" value={String(s.id)} label={plainText(s.name, lang)} />
              ))}
            </fieldset>
          )}
        </EditorForm>
      )}
    </section>
  );
}

function CodesForm({ eventId, categoryId }: { eventId: number; categoryId: number }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { count: '5' } });
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <div className="codes-form">
      <EditorForm
        form={form}
        testId="codes-form"
        label={t('codesCreate')}
        onSubmit={async ({ count }) => setCodes((await createCodes(eventId, categoryId, { count: Math.max(1, Number(count) || 1) })).codes)}
      >
        <TextField name="count" label={t('codesCount')} type="number" inputMode="numeric" min={1} max={500} />
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
  const { lang, t } = useI18n();
  const form = useKitForm({
    defaultValues: {
      category: 'general' as Category,
      capacity: '100',
      opensAt: isoToSeoulInput(new Date().toISOString()),
      closesAt: isoToSeoulInput(event.startsAt),
      requiresInvitation: false,
      requiresApproval: false,
    },
  });
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
        <EditorForm
          form={form}
          testId="category-form"
          label={t('addCategory')}
          onSubmit={async (v) => {
            await addCategory(event.id, { ...v, capacity: Number(v.capacity) || 0, opensAt: seoulInputToIso(v.opensAt), closesAt: seoulInputToIso(v.closesAt) });
            onChanged();
            return t('eventSaved');
          }}
        >
          <div className="form-row">
            <SelectField name="category" label={t('categoryChoice')} options={CATEGORIES.map((c) => ({ value: c, label: labelOr(CATEGORY_LABELS, c, t) }))} />
            <TextField name="capacity" label={t('capacity')} type="number" inputMode="numeric" min={0} />
          </div>
          <div className="form-row">
            <DateTimeField name="opensAt" label={t('opensAt')} hint={null} />
            <DateTimeField name="closesAt" label={t('closesAt')} hint={null} />
          </div>
          <CheckField name="requiresInvitation" label={t('requiresInvitation')} />
          <CheckField name="requiresApproval" label={t('requiresApproval')} />
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
  const { lang, t } = useI18n();
  const form = useKitForm({ defaultValues: { kind: 'text' as QuestionKind, label: empty, required: false, options: '' } });
  const kind = form.watch('kind');
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
        <EditorForm
          form={form}
          testId="question-form"
          label={t('addQuestion')}
          onSubmit={async (v) => {
            const lines = v.options
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean);
            const body = {
              kind: v.kind,
              label: bilingual(v.label),
              required: v.required,
              ...(v.kind === 'choice' && lines.length ? { options: lines.map((l, i) => ({ value: String(i + 1), ko: l })) } : {}),
            };
            await addQuestion(event.id, body);
            form.reset({ ...v, label: empty, options: '' });
            onChanged();
            return t('eventSaved');
          }}
        >
          <SelectField name="kind" label={t('questionKind')} options={QUESTION_KINDS.map((k) => ({ value: k.kind, label: t(k.label) }))} />
          <BilingualField name="label" labelKo={t('eventTitleKo')} labelEn={t('eventTitleEn')} requiredKo />
          {kind === 'choice' && <TextArea name="options" label={t('questionOptions')} rows={3} />}
          <CheckField name="required" label={t('questionRequired')} />
        </EditorForm>
      )}
    </section>
  );
}
