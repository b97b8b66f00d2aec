/**
 * The staff editors of one event (managers write; others read): rooms, speakers with photos,
 * the timetable (rooms × time, items edited from the grid), categories with invitation codes
 * (shown once), and questions. Every record opens its edit form in place (EventRecordForms.tsx);
 * each save asks the page to load the event again.
 */
import { useState } from 'react';
import { formatDateTime } from '../../education-format.ts';
import { createCodes, deleteProgramme, deleteRoom, deleteSpeaker, uploadSpeakerPhoto, type EventDetail, type ProgrammeItem } from '../../events-api.ts';
import { failureText, Form, FormAlert, InPlace, StatusMessage, Submit, TextField, useEditing, useKitForm } from '../../forms/index.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { CategoryForm, ProgrammeForm, QUESTION_KINDS, QuestionForm, RoomForm, SpeakerForm } from './EventRecordForms.tsx';
import { CATEGORY_LABELS, formatDay, formatTime, labelOr, LocalText, plainText, PROGRAMME_LABELS } from './EventText.tsx';
import { TimetableGrid, timetableDays } from './Timetable.tsx';

interface EditorProps {
  event: EventDetail;
  canEdit: boolean;
  onChanged: () => void;
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
  return (
    <section className="plan-section" aria-labelledby="rooms-heading" data-testid="rooms-editor">
      <h2 id="rooms-heading">{t('roomsHeading')}</h2>
      <ul className="editor-list">
        {(event.rooms ?? []).map((r) => (
          <li key={r.id} data-testid="staff-room">
            <LocalText text={r.name} />{' '}
            {canEdit && (
              <>
                <RemoveButton label={plainText(r.name, 'ko')} onRemove={() => deleteRoom(event.id, r.id).then(onChanged, onChanged)} />
                <InPlace name={plainText(r.name, 'ko')}>
                  {({ saved }) => (
                    <RoomForm
                      event={event}
                      record={r}
                      onSaved={() => {
                        saved();
                        onChanged();
                      }}
                    />
                  )}
                </InPlace>
              </>
            )}
          </li>
        ))}
      </ul>
      {canEdit && <RoomForm event={event} onSaved={onChanged} />}
    </section>
  );
}

export function SpeakersEditor({ event, canEdit, onChanged }: EditorProps) {
  const { lang, t } = useI18n();
  const photo = useMutation();
  const upload = async (speakerId: number, file: File | undefined) => {
    if (!file) return;
    const done = await photo.run(() => uploadSpeakerPhoto(speakerId, file), t('photoUploaded'));
    if (done !== undefined) onChanged();
  };
  return (
    <section className="plan-section" aria-labelledby="speakers-editor-heading" data-testid="speakers-editor">
      <h2 id="speakers-editor-heading">{t('speakersHeading')}</h2>
      <FormAlert message={failureText(photo.error, lang, t)} />
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
                  <>
                    <p className="editor-actions">
                      <label className="file-label">
                        {t('uploadPhoto')} <span className="visually-hidden">({name})</span>
                        <input type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => void upload(s.id, e.target.files?.[0])} disabled={photo.busy} />
                      </label>{' '}
                      <RemoveButton label={name} onRemove={() => deleteSpeaker(event.id, s.id).then(onChanged, onChanged)} />
                    </p>
                    <InPlace name={name}>
                      {({ saved }) => (
                        <SpeakerForm
                          event={event}
                          record={s}
                          onSaved={() => {
                            saved();
                            onChanged();
                          }}
                        />
                      )}
                    </InPlace>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {canEdit && <SpeakerForm event={event} onSaved={onChanged} />}
    </section>
  );
}

/** What a timetable cell or list row says about an item: time, kind, title, speakers. */
function ItemText({ event, item }: { event: EventDetail; item: ProgrammeItem }) {
  const { lang, t } = useI18n();
  const speakers = new Map((event.speakers ?? []).map((s) => [s.id, s]));
  const names = (item.speakers ?? []).map((s) => plainText(speakers.get(s.id)?.name, lang)).filter(Boolean);
  return (
    <>
      <p className="agenda-time">
        {formatTime(item.startsAt, lang)}–{formatTime(item.endsAt, lang)} · {labelOr(PROGRAMME_LABELS, item.kind, t)}
      </p>
      <p className="agenda-title">
        <LocalText text={item.title} />
      </p>
      {names.length > 0 && <p>{names.join(', ')}</p>}
    </>
  );
}

/**
 * The timetable as a grid of rooms × time per day (a list on a phone). A manager picks an item
 * in the grid; its edit form opens under that day's grid, and a save or 취소 gives focus back to
 * the item's button.
 */
export function ProgrammeEditor({ event, canEdit, onChanged }: EditorProps) {
  const { lang, t } = useI18n();
  const edit = useEditing();
  const days = timetableDays(event.programme ?? [], event.rooms ?? []);
  const item = (event.programme ?? []).find((i) => i.id === edit.editing);
  const actions = (i: ProgrammeItem) =>
    canEdit && (
      <p className="editor-actions">
        {edit.button(i.id, plainText(i.title, lang), 'programme-edit-open')}{' '}
        <RemoveButton label={plainText(i.title, lang)} onRemove={() => deleteProgramme(event.id, i.id).then(onChanged, onChanged)} />
      </p>
    );
  return (
    <section className="plan-section" aria-labelledby="programme-editor-heading" data-testid="programme-editor">
      <h2 id="programme-editor-heading">{t('programmeHeading')}</h2>
      {days.length === 0 && <p>{t('timetableEmpty')}</p>}
      <StatusMessage message={edit.done} />
      {days.map((grid) => (
        <section key={grid.day} className="agenda-day" aria-labelledby={`staff-day-${grid.day}`}>
          <h3 id={`staff-day-${grid.day}`}>{formatDay(grid.items[0]!.startsAt, lang)}</h3>
          <TimetableGrid
            grid={grid}
            renderItem={(i) => (
              <>
                <ItemText event={event} item={i} />
                {actions(i)}
              </>
            )}
          />
          <ol className="agenda-list">
            {grid.items.map((i) => (
              <li key={i.id} className={`agenda-item agenda-${i.kind}`} data-testid="staff-programme-item">
                <ItemText event={event} item={i} />
                {i.roomId != null && <LocalText text={(event.rooms ?? []).find((r) => r.id === i.roomId)?.name} as="p" />}
                {actions(i)}
              </li>
            ))}
          </ol>
          {item &&
            grid.items.includes(item) &&
            edit.frame(
              item.id,
              plainText(item.title, lang),
              <ProgrammeForm
                key={item.id}
                event={event}
                record={item}
                onSaved={() => {
                  edit.saved(plainText(item.title, lang));
                  onChanged();
                }}
              />,
              'programme-edit',
            )}
        </section>
      ))}
      {canEdit && <ProgrammeForm event={event} onSaved={onChanged} />}
    </section>
  );
}

function CodesForm({ eventId, categoryId }: { eventId: number; categoryId: number }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { count: '5' } });
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <div className="codes-form">
      <Form
        form={form}
        className="staff-form editor-form"
        testId="codes-form"
        onSubmit={async ({ count }) => setCodes((await createCodes(eventId, categoryId, { count: Math.max(1, Number(count) || 1) })).codes)}
      >
        <fieldset>
          <legend>{t('codesCreate')}</legend>
          <TextField name="count" label={t('codesCount')} type="number" inputMode="numeric" min={1} max={500} />
          <Submit>{t('codesCreate')}</Submit>
        </fieldset>
      </Form>
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
  return (
    <section className="plan-section" aria-labelledby="categories-heading" data-testid="categories-editor">
      <h2 id="categories-heading">{t('categoriesHeading')}</h2>
      <ul className="editor-list">
        {(event.categories ?? []).map((c) => {
          const name = labelOr(CATEGORY_LABELS, c.category, t);
          return (
            <li key={c.id} data-testid="staff-category">
              <strong>{name}</strong> · {t('catSeats', { left: c.seatsLeft, capacity: c.capacity })}
              {c.opensAt && c.closesAt && (
                <>
                  {' '}
                  · {formatDateTime(c.opensAt, lang)} – {formatDateTime(c.closesAt, lang)}
                </>
              )}
              {c.requiresInvitation && ` · ${t('requiresInvitation')}`}
              {c.requiresApproval && ` · ${t('requiresApproval')}`}
              {canEdit && (
                <InPlace name={name}>
                  {({ saved }) => (
                    <CategoryForm
                      event={event}
                      record={c}
                      onSaved={() => {
                        saved();
                        onChanged();
                      }}
                    />
                  )}
                </InPlace>
              )}
              {canEdit && c.requiresInvitation && <CodesForm eventId={event.id} categoryId={c.id} />}
            </li>
          );
        })}
      </ul>
      {canEdit && <CategoryForm event={event} onSaved={onChanged} />}
    </section>
  );
}

export function QuestionsEditor({ event, canEdit, onChanged }: EditorProps) {
  const { lang, t } = useI18n();
  return (
    <section className="plan-section" aria-labelledby="questions-editor-heading" data-testid="questions-editor">
      <h2 id="questions-editor-heading">{t('questionsStaffHeading')}</h2>
      <ul className="editor-list">
        {(event.questions ?? []).map((q) => (
          <li key={q.id} data-testid="staff-question">
            {plainText(q.label, lang)} ({t(QUESTION_KINDS.find((k) => k.kind === q.kind)?.label ?? 'qText')}
            {q.required && `, ${t('questionRequired')}`})
            {canEdit && (
              <InPlace name={plainText(q.label, 'ko')}>
                {({ saved }) => (
                  <QuestionForm
                    event={event}
                    record={q}
                    onSaved={() => {
                      saved();
                      onChanged();
                    }}
                  />
                )}
              </InPlace>
            )}
          </li>
        ))}
      </ul>
      {canEdit && <QuestionForm event={event} onSaved={onChanged} />}
    </section>
  );
}
