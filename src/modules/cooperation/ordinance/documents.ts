/**
 * Documents of a stage (the draft, the notice, the council's decision, the gazette …): recognised
 * by content like evidence and stored once by SHA-256 in the shared file store. Published ones
 * are on the public page; the rest only for signed-in staff. Audited.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { invalidField, notFound } from '../../../server/errors.ts';
import { registerFileHolder } from '../../../server/file-holders.ts';
import type { FileStore } from '../../../server/file-store.ts';
import type { UploadedFile } from '../../../server/multipart.ts';
import { cleanFileName, storeUpload } from '../../../server/stored-files.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { StaffDocumentSchema } from './api-schema.ts';
import { staffDocumentView } from './presenters.ts';
import { lockRound, type DocumentRow } from './read.ts';
import { ordinanceDocuments } from './schema.ts';
import { ORDINANCE_STAGE_LABELS, type OrdinanceStage, stageIndex } from './stages.ts';

// Evidence shares the file store: its deletions keep a file an ordinance document holds.
registerFileHolder('ordinance_documents', async (tx, sha256) => {
  const [row] = await tx.select({ id: ordinanceDocuments.id }).from(ordinanceDocuments).where(eq(ordinanceDocuments.fileSha256, sha256)).limit(1);
  return row !== undefined;
});

export interface DocumentInput {
  stage: OrdinanceStage;
  title?: string;
  published: boolean;
  file: UploadedFile;
}

export async function addDocument(
  db: Executor,
  files: FileStore,
  actor: Actor,
  user: SessionUser,
  roundId: number,
  input: DocumentInput,
): Promise<z.infer<typeof StaffDocumentSchema>> {
  return inTransaction(db, async (tx) => {
    const round = await lockRound(tx, roundId);
    if (stageIndex(input.stage) > stageIndex(round.stage)) {
      const l = ORDINANCE_STAGE_LABELS[round.stage];
      throw invalidField('stage', `이 차수가 이른 단계(지금: ${l.ko})의 문서만 올릴 수 있습니다.`, `Only for a stage the round has reached (now: ${l.en}).`);
    }
    const fileName = cleanFileName(input.file.fileName);
    const title = input.title?.trim() ? input.title.trim() : fileName.slice(0, 200);
    if (!title) throw invalidField('title', '제목을 입력하십시오.', 'Enter a title.');
    const stored = await storeUpload(tx, files, input.file.bytes, fileName);
    const [row] = await tx
      .insert(ordinanceDocuments)
      .values({
        roundId,
        stage: input.stage,
        title,
        ...stored,
        published: input.published,
        createdBy: user.id,
      })
      .returning();
    const view = staffDocumentView(row!);
    await recordAudit(tx, actor, { action: 'ordinance.document', entity: 'ordinance_document', entityId: row!.id, after: { ...view, sha256: stored.fileSha256 } });
    return view;
  });
}

/** The document to serve: published to anyone, unpublished to signed-in staff only (404 to others). */
export async function documentFile(db: Executor, id: number, signedIn: boolean): Promise<DocumentRow> {
  const [row] = await db.select().from(ordinanceDocuments).where(eq(ordinanceDocuments.id, id));
  if (!row || (!row.published && !signedIn)) throw notFound({ ko: `조례 문서 ${id}`, en: `Ordinance document ${id}` });
  return row;
}
