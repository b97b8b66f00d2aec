/** Speakers of an event, with photos (stored by content, public with their published event). */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, notFound } from '../../../server/errors.ts';
import type { FileStore } from '../../../server/file-store.ts';
import { registerFileHolder } from '../../../server/file-holders.ts';
import { putStoredFile } from '../../../server/stored-files.ts';
import { recognise } from '../../../server/file-type.ts';
import type { UploadedFile } from '../../../server/multipart.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { SpeakerBody, SpeakerPatchBody } from '../event-api-schema.ts';
import { speakerView } from '../presenters.ts';
import { speakers } from '../schema.ts';
import { loadEvent } from './event-row.ts';

type SpeakerRow = typeof speakers.$inferSelect;

const nullable = (v: string | undefined) => v ?? null;

export async function createSpeaker(db: Executor, actor: Actor, eventId: number, input: z.infer<typeof SpeakerBody>) {
  return inTransaction(db, async (tx) => {
    await loadEvent(tx, eventId, { lock: true });
    const [s] = await tx
      .insert(speakers)
      .values({
        eventId,
        nameKo: input.name.ko,
        nameEn: nullable(input.name.en),
        affiliationKo: nullable(input.affiliation?.ko),
        affiliationEn: nullable(input.affiliation?.en),
        bioKo: nullable(input.bio?.ko),
        bioEn: nullable(input.bio?.en),
      })
      .returning();
    const view = speakerView(s!);
    await recordAudit(tx, actor, { action: 'event.speaker.create', entity: 'speaker', entityId: s!.id, after: { eventId, ...view } });
    return view;
  });
}

async function loadSpeaker(tx: Executor, speakerId: number, eventId?: number, lock = false) {
  const q = tx
    .select()
    .from(speakers)
    .where(and(eq(speakers.id, speakerId), eventId === undefined ? undefined : eq(speakers.eventId, eventId)));
  const [s] = lock ? await q.for('update') : await q;
  if (!s) throw notFound({ ko: `연사 ${speakerId}`, en: `Speaker ${speakerId}` });
  return s;
}

export async function updateSpeaker(db: Executor, actor: Actor, eventId: number, speakerId: number, patch: z.infer<typeof SpeakerPatchBody>) {
  return inTransaction(db, async (tx) => {
    const before = await loadSpeaker(tx, speakerId, eventId, true);
    const set: Partial<SpeakerRow> = {};
    if (patch.name) Object.assign(set, { nameKo: patch.name.ko, nameEn: nullable(patch.name.en) });
    if (patch.affiliation !== undefined) Object.assign(set, { affiliationKo: nullable(patch.affiliation?.ko), affiliationEn: nullable(patch.affiliation?.en) });
    if (patch.bio !== undefined) Object.assign(set, { bioKo: nullable(patch.bio?.ko), bioEn: nullable(patch.bio?.en) });
    const [s] = await tx.update(speakers).set(set).where(eq(speakers.id, speakerId)).returning();
    const view = speakerView(s!);
    await recordAudit(tx, actor, { action: 'event.speaker.update', entity: 'speaker', entityId: speakerId, before: speakerView(before), after: view });
    return view;
  });
}

/** Serialises storing and removing one photo's bytes (as the evidence files do). */
// The file store is shared by hash: evidence deletions keep a file a speaker's photo holds.
registerFileHolder('speaker_photos', async (tx, sha256) => (await tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.photoSha256, sha256)).limit(1)).length > 0);

export async function deleteSpeaker(db: Executor, actor: Actor, eventId: number, speakerId: number) {
  await inTransaction(db, async (tx) => {
    const before = await loadSpeaker(tx, speakerId, eventId, true);
    await tx.delete(speakers).where(eq(speakers.id, speakerId));
    await recordAudit(tx, actor, { action: 'event.speaker.delete', entity: 'speaker', entityId: speakerId, before: { eventId, ...speakerView(before) } });
  });
}

const PHOTO_KINDS = ['png', 'jpeg', 'gif', 'webp'] as const;

export async function setSpeakerPhoto(db: Executor, files: FileStore, actor: Actor, speakerId: number, file: UploadedFile) {
  const found = await recognise(file.bytes, file.fileName);
  const field = [{ field: 'file', message: { ko: '허용 형식: PNG, JPEG, GIF, WebP', en: 'Allowed: PNG, JPEG, GIF, WebP' } }];
  if (!found.ok || !(PHOTO_KINDS as readonly string[]).includes(found.kind)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      { ko: '사진은 PNG, JPEG, GIF, WebP 이미지만 올릴 수 있습니다(내용으로 확인).', en: 'A photo must be a PNG, JPEG, GIF or WebP image (checked by content).' },
      field,
    );
  }
  return inTransaction(db, async (tx) => {
    const before = await loadSpeaker(tx, speakerId, undefined, true);
    const sha256 = await putStoredFile(tx, files, file.bytes);
    const [s] = await tx.update(speakers).set({ photoSha256: sha256, photoMimeType: found.mimeType }).where(eq(speakers.id, speakerId)).returning();
    const view = speakerView(s!);
    await recordAudit(tx, actor, {
      action: 'event.speaker.photo',
      entity: 'speaker',
      entityId: speakerId,
      before: { photoSha256: before.photoSha256 },
      after: { photoSha256: sha256, mimeType: found.mimeType },
    });
    return view;
  });
}

/** The photo of a speaker; public only when the speaker's event is published (staff see all). */
export async function speakerPhoto(db: Executor, speakerId: number, staff: boolean) {
  const s = await loadSpeaker(db, speakerId);
  const e = await loadEvent(db, s.eventId).catch(() => null);
  if (!s.photoSha256 || !s.photoMimeType || !e || (!staff && !e.published)) throw notFound({ ko: `연사 ${speakerId}의 사진`, en: `Photo of speaker ${speakerId}` });
  return { sha256: s.photoSha256, mimeType: s.photoMimeType, published: e.published };
}
