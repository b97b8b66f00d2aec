/**
 * One form per kind of event record, for adding (no record: the form resets after a save) and for
 * editing in place (a record: the form starts from it and sends a PATCH). Each is its fields and
 * its body; the layout, errors and status come from the form kit.
 */
import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { isoToSeoulInput, seoulInputToIso } from '../../education-format.ts';
import {
  addCategory,
  addProgramme,
  addQuestion,
  addRoom,
  addSpeaker,
  CATEGORIES,
  PROGRAMME_KINDS,
  updateCategory,
  updateProgramme,
  updateQuestion,
  updateRoom,
  updateSpeaker,
  type Category,
  type EventCategory,
  type EventDetail,
  type ProgrammeItem,
  type ProgrammeKind,
  type Question,
  type QuestionKind,
  type Room,
  type Speaker,
  type Text2,
} from '../../events-api.ts';
import { bilingual, BilingualField, CheckField, DateTimeField, Form, SelectField, Submit, TextArea, TextField, useKitForm, type KitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { CATEGORY_LABELS, labelOr, plainText, PROGRAMME_LABELS } from './EventText.tsx';

export interface RecordFormProps<R> {
  event: EventDetail;
  /** The record edited; none to add a new one. */
  record?: R;
  onSaved: () => void;
}

/** A bilingual text as the two fields of a BilingualField. */
const pair = (text: Text2 | null | undefined) => ({ ko: text?.ko ?? '', en: text?.en ?? '' });
/** An optional bilingual text: null when both are blank (a PATCH clears it), else what the API takes. */
const optional = (v: { ko: string; en: string }) => (v.ko.trim() || v.en.trim() ? bilingual(v) : null);

/** The frame every record form shares: a fieldset named like its button; adding resets after a save. */
function RecordForm<T extends FieldValues>({
  form,
  testId,
  label,
  reset,
  onSubmit,
  children,
}: {
  form: KitForm<T>;
  testId: string;
  label: string;
  /** Adding: back to the defaults (true) or to what this gives after a save; editing: false. */
  reset: boolean | ((sent: T) => T);
  onSubmit: (values: T) => unknown;
  children: ReactNode;
}) {
  return (
    <Form form={form} className="staff-form editor-form" testId={testId} onSubmit={onSubmit} reset={reset}>
      <fieldset>
        <legend>{label}</legend>
        {children}
        <Submit testId={`${testId}-submit`}>{label}</Submit>
      </fieldset>
    </Form>
  );
}

export function RoomForm({ event, record, onSaved }: RecordFormProps<Room>) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { name: pair(record?.name) } });
  return (
    <RecordForm
      form={form}
      testId="room-form"
      reset={!record}
      label={record ? t('save') : t('addRoom')}
      onSubmit={async ({ name }) => {
        await (record ? updateRoom(event.id, record.id, { name: bilingual(name) }) : addRoom(event.id, { name: bilingual(name) }));
        onSaved();
        return t('eventSaved');
      }}
    >
      <BilingualField name="name" labelKo={t('roomNameKo')} labelEn={t('roomNameEn')} requiredKo />
    </RecordForm>
  );
}

export function SpeakerForm({ event, record, onSaved }: RecordFormProps<Speaker>) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { name: pair(record?.name), affiliation: pair(record?.affiliation), bio: pair(record?.bio) } });
  return (
    <RecordForm
      form={form}
      testId="speaker-form"
      reset={!record}
      label={record ? t('save') : t('addSpeaker')}
      onSubmit={async (v) => {
        const body = { name: bilingual(v.name), affiliation: optional(v.affiliation), bio: optional(v.bio) };
        if (record) await updateSpeaker(event.id, record.id, body);
        else await addSpeaker(event.id, { name: body.name, ...(body.affiliation ? { affiliation: body.affiliation } : {}), ...(body.bio ? { bio: body.bio } : {}) });
        onSaved();
        return t('eventSaved');
      }}
    >
      <BilingualField name="name" labelKo={t('speakerNameKo')} labelEn={t('speakerNameEn')} maxLength={100} requiredKo />
      <BilingualField name="affiliation" labelKo={t('affiliationKo')} labelEn={t('affiliationEn')} maxLength={200} />
      <BilingualField name="bio" multiline labelKo={t('bioKo')} labelEn={t('bioEn')} />
    </RecordForm>
  );
}

export function ProgrammeForm({ event, record, onSaved }: RecordFormProps<ProgrammeItem>) {
  const { lang, t } = useI18n();
  const day = isoToSeoulInput(event.startsAt);
  const defaults = {
    kind: (record?.kind ?? 'talk') as ProgrammeKind,
    title: pair(record?.title),
    description: pair(record?.description),
    startsAt: record ? isoToSeoulInput(record.startsAt) : day,
    endsAt: record ? isoToSeoulInput(record.endsAt) : day,
    roomId: record?.roomId != null ? String(record.roomId) : '',
    speakers: (record?.speakers ?? []).map((s) => String(s.id)),
  };
  const form = useKitForm({ defaultValues: defaults });
  const send = async (v: typeof defaults) => {
    const ids = (Array.isArray(v.speakers) ? v.speakers : []).map(Number);
    const roles = new Map((record?.speakers ?? []).map((s) => [s.id, s.role]));
    const body = {
      kind: v.kind,
      title: bilingual(v.title),
      startsAt: seoulInputToIso(v.startsAt),
      endsAt: seoulInputToIso(v.endsAt),
      roomId: v.roomId ? Number(v.roomId) : null,
      speakers: ids.map((speakerId) => ({ speakerId, role: roles.get(speakerId) ?? 'speaker' })),
    };
    if (record) await updateProgramme(event.id, record.id, { ...body, description: optional(v.description) });
    else await addProgramme(event.id, { ...body, ...(optional(v.description) ? { description: optional(v.description)! } : {}) });
    onSaved();
    return t('eventSaved');
  };
  return (
    <RecordForm
      form={form}
      testId="programme-form"
      // The next item usually starts where this one ended, in the same room.
      reset={!record && ((v: typeof defaults) => ({ ...v, title: pair(null), description: pair(null), startsAt: v.endsAt, speakers: [] }))}
      label={record ? t('save') : t('addProgramme')}
      onSubmit={send}
    >
      <div className="form-row">
        <SelectField name="kind" label={t('programmeKind')} options={PROGRAMME_KINDS.map((k) => ({ value: k, label: labelOr(PROGRAMME_LABELS, k, t) }))} />
        <SelectField
          name="roomId"
          label={t('programmeRoom')}
          placeholder={t('roomAll')}
          options={(event.rooms ?? []).map((r) => ({ value: r.id, label: plainText(r.name, lang) }))}
        />
      </div>
      <BilingualField name="title" labelKo={t('eventTitleKo')} labelEn={t('eventTitleEn')} maxLength={200} requiredKo />
      <BilingualField name="description" multiline maxLength={5000} labelKo={t('descriptionKo')} labelEn={t('descriptionEn')} />
      <div className="form-row">
        <DateTimeField name="startsAt" label={t('startsAt')} required />
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
    </RecordForm>
  );
}

export function CategoryForm({ event, record, onSaved }: RecordFormProps<EventCategory>) {
  const { t } = useI18n();
  const form = useKitForm({
    defaultValues: {
      category: (record?.category ?? 'general') as Category,
      capacity: String(record?.capacity ?? 100),
      opensAt: isoToSeoulInput(record?.opensAt ?? new Date().toISOString()),
      closesAt: isoToSeoulInput(record?.closesAt ?? event.startsAt),
      requiresInvitation: record?.requiresInvitation ?? false,
      requiresApproval: record?.requiresApproval ?? false,
    },
  });
  return (
    <RecordForm
      form={form}
      testId="category-form"
      reset={!record}
      label={record ? t('save') : t('addCategory')}
      onSubmit={async ({ category, ...v }) => {
        const body = { ...v, capacity: Number(v.capacity), opensAt: seoulInputToIso(v.opensAt), closesAt: seoulInputToIso(v.closesAt) };
        await (record ? updateCategory(event.id, record.id, body) : addCategory(event.id, { category, ...body }));
        onSaved();
        return t('eventSaved');
      }}
    >
      <div className="form-row">
        {record ? (
          <p className="read-only-note">
            {t('categoryChoice')}: {labelOr(CATEGORY_LABELS, record.category, t)} — {t('categoryFixed')}
          </p>
        ) : (
          <SelectField name="category" label={t('categoryChoice')} options={CATEGORIES.map((c) => ({ value: c, label: labelOr(CATEGORY_LABELS, c, t) }))} />
        )}
        <TextField
          name="capacity"
          label={t('capacity')}
          type="number"
          inputMode="numeric"
          min={0}
          rules={{ validate: (v: string) => (/^\d+$/.test(v.trim()) && Number(v) >= 1) || t('capacityInvalid') }}
        />
      </div>
      <div className="form-row">
        <DateTimeField name="opensAt" label={t('opensAt')} required />
        <DateTimeField name="closesAt" label={t('closesAt')} hint={null} required />
      </div>
      <CheckField name="requiresInvitation" label={t('requiresInvitation')} />
      <CheckField name="requiresApproval" label={t('requiresApproval')} />
    </RecordForm>
  );
}

export const QUESTION_KINDS: { kind: QuestionKind; label: 'qText' | 'qChoice' | 'qCountry' | 'qAffiliation' }[] = [
  { kind: 'text', label: 'qText' },
  { kind: 'choice', label: 'qChoice' },
  { kind: 'country', label: 'qCountry' },
  { kind: 'affiliation', label: 'qAffiliation' },
];

/**
 * Options typed one per line. A line that keeps an option's text keeps its value, and a line
 * typed over an option (same place, text changed) keeps that option's value too, so answers
 * already given still name an option; new lines get new values.
 */
function optionsFrom(text: string, old: Question['options']): { value: string; ko: string }[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const before = old ?? [];
  const used = new Set<string>();
  let next = Math.max(0, ...before.map((o) => Number(o.value) || 0)) + 1;
  const out = lines.map((ko, i) => {
    const same = before.find((o) => o.ko === ko && !used.has(o.value));
    const here = before[i] && !used.has(before[i].value) && !lines.includes(before[i].ko) ? before[i] : undefined;
    const value = same?.value ?? here?.value ?? String(next++);
    used.add(value);
    return { value, ko };
  });
  return out;
}

export function QuestionForm({ event, record, onSaved }: RecordFormProps<Question>) {
  const { t } = useI18n();
  const form = useKitForm({
    defaultValues: {
      kind: (record?.kind ?? 'text') as QuestionKind,
      label: pair(record?.label),
      required: record?.required ?? false,
      options: (record?.options ?? []).map((o) => o.ko).join('\n'),
    },
  });
  const kind = form.watch('kind');
  return (
    <RecordForm
      form={form}
      testId="question-form"
      reset={!record}
      label={record ? t('save') : t('addQuestion')}
      onSubmit={async (v) => {
        const options = v.kind === 'choice' ? optionsFrom(v.options, record?.options ?? null) : null;
        const body = { kind: v.kind, label: bilingual(v.label), required: v.required };
        if (record) await updateQuestion(event.id, record.id, { ...body, options });
        else await addQuestion(event.id, { ...body, ...(options?.length ? { options } : {}) });
        onSaved();
        return t('eventSaved');
      }}
    >
      <SelectField name="kind" label={t('questionKind')} options={QUESTION_KINDS.map((k) => ({ value: k.kind, label: t(k.label) }))} />
      <BilingualField name="label" labelKo={t('eventTitleKo')} labelEn={t('eventTitleEn')} requiredKo />
      {kind === 'choice' && <TextArea name="options" label={t('questionOptions')} hint={record ? t('optionsChosenNote') : undefined} rows={3} />}
      <CheckField name="required" label={t('questionRequired')} />
    </RecordForm>
  );
}
