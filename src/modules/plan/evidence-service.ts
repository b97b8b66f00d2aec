/**
 * Evidence attached to actions: files (type checked by content, stored once by SHA-256) and
 * http(s) links. Each write is one transaction with its audit row; officers only on their
 * department's actions.
 */
import { and, eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { invalidFields, notFound } from '../../server/errors.ts';
import type { FileStore } from '../../server/file-store.ts';
import { registerFileHolder } from '../../server/file-holders.ts';
import { cleanFileName, releaseStoredFile, storeUpload } from '../../server/stored-files.ts';
import type { UploadedFile } from '../../server/multipart.ts';
import type { SessionUser } from '../accounts/service.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import type { Evidence } from './api-schema.ts';
import { assertCanEditAction } from './permissions.ts';
import { findAction, type EvidenceRow } from './plan-read.ts';
import { evidenceView } from './presenters.ts';
import { actions } from './schema.ts';
import { evidence } from './tracking-schema.ts';

const invalid = invalidFields;

const TITLE_MAX = 200;

function checkTitle(title: string): string {
  const t = title.trim();
  if (t.length === 0) throw invalid([{ field: 'title', message: { ko: '제목을 입력하십시오.', en: 'Enter a title.' } }]);
  if (t.length > TITLE_MAX) {
    throw invalid([{ field: 'title', message: { ko: `제목은 ${TITLE_MAX}자 이하여야 합니다.`, en: `The title must be ${TITLE_MAX} characters or fewer.` } }]);
  }
  return t;
}

export interface FileEvidenceInput {
  title?: string;
  published: boolean;
  file: UploadedFile;
}

export async function addFileEvidence(db: Executor, files: FileStore, actor: Actor, user: SessionUser, actionId: number, input: FileEvidenceInput): Promise<Evidence> {
  return inTransaction(db, async (tx) => {
    const { action } = await findAction(tx, actionId, { lock: true });
    assertCanEditAction(user, action.ownerDepartmentId);
    const fileName = cleanFileName(input.file.fileName);
    const title = checkTitle(input.title?.trim() ? input.title : fileName);
    const stored = await storeUpload(tx, files, input.file.bytes, fileName, { explainMismatch: true });
    const [row] = await tx
      .insert(evidence)
      .values({
        actionId,
        kind: 'file',
        title,
        ...stored,
        published: input.published,
        createdBy: user.id,
      })
      .returning();
    const view = evidenceView(row!);
    await recordAudit(tx, actor, { action: 'evidence.create', entity: 'evidence', entityId: row!.id, after: { ...view, sha256: stored.fileSha256 } });
    return view;
  });
}

export interface LinkEvidenceInput {
  title: string;
  url: string;
  published?: boolean;
}

function checkUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw invalid([{ field: 'url', message: { ko: '올바른 주소(URL)가 아닙니다.', en: 'Not a valid URL.' } }]);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw invalid([{ field: 'url', message: { ko: 'http 또는 https 주소만 쓸 수 있습니다.', en: 'Only http and https links are allowed.' } }]);
  }
  if (u.username || u.password) {
    throw invalid([{ field: 'url', message: { ko: '주소에 계정 정보를 넣을 수 없습니다.', en: 'A link may not carry a user name or password.' } }]);
  }
  return u.href;
}

export async function addLinkEvidence(db: Executor, actor: Actor, user: SessionUser, actionId: number, input: LinkEvidenceInput): Promise<Evidence> {
  return inTransaction(db, async (tx) => {
    const { action } = await findAction(tx, actionId, { lock: true });
    assertCanEditAction(user, action.ownerDepartmentId);
    const title = checkTitle(input.title);
    const url = checkUrl(input.url);
    const [row] = await tx
      .insert(evidence)
      .values({ actionId, kind: 'link', title, url, published: input.published ?? false, createdBy: user.id })
      .returning();
    const view = evidenceView(row!);
    await recordAudit(tx, actor, { action: 'evidence.create', entity: 'evidence', entityId: row!.id, after: view });
    return view;
  });
}

/** An evidence row with its action's owner department, locked for the change. */
async function lockEvidence(tx: Executor, id: number) {
  const [row] = await tx
    .select({ e: evidence, ownerDepartmentId: actions.ownerDepartmentId })
    .from(evidence)
    .innerJoin(actions, eq(actions.id, evidence.actionId))
    .where(eq(evidence.id, id))
    .for('update', { of: evidence });
  if (!row) throw notFound({ ko: `증빙 ${id}`, en: `Evidence ${id}` });
  return row;
}

export async function updateEvidence(db: Executor, actor: Actor, user: SessionUser, id: number, patch: { title?: string; published?: boolean }): Promise<Evidence> {
  return inTransaction(db, async (tx) => {
    const { e: before, ownerDepartmentId } = await lockEvidence(tx, id);
    assertCanEditAction(user, ownerDepartmentId);
    const title = patch.title === undefined ? before.title : checkTitle(patch.title);
    const [after] = await tx
      .update(evidence)
      .set({ title, published: patch.published ?? before.published })
      .where(eq(evidence.id, id))
      .returning();
    const view = evidenceView(after!);
    await recordAudit(tx, actor, { action: 'evidence.update', entity: 'evidence', entityId: id, before: evidenceView(before), after: view });
    return view;
  });
}

// The file store is shared: another module's deletion keeps a file that evidence still holds.
registerFileHolder('evidence', async (tx, sha256) => (await tx.select({ id: evidence.id }).from(evidence).where(eq(evidence.fileSha256, sha256)).limit(1)).length > 0);

/** Deletes the evidence; its file goes too when nothing else (other evidence, any registered holder) holds the same content. */
export async function deleteEvidence(db: Executor, files: FileStore, actor: Actor, user: SessionUser, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { e, ownerDepartmentId } = await lockEvidence(tx, id);
    assertCanEditAction(user, ownerDepartmentId);
    await tx.delete(evidence).where(eq(evidence.id, id));
    await recordAudit(tx, actor, { action: 'evidence.delete', entity: 'evidence', entityId: id, before: { ...evidenceView(e), sha256: e.fileSha256 } });
    // The row is gone, so the evidence holder answers for other evidence.
    if (e.fileSha256) await releaseStoredFile(tx, files, e.fileSha256);
  });
}

/** The file evidence to serve: published to anyone, unpublished to staff only (404 to others). */
export async function evidenceFile(db: Executor, id: number, signedIn: boolean): Promise<EvidenceRow & { fileSha256: string; mimeType: string }> {
  const [row] = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.id, id), eq(evidence.kind, 'file')));
  if (!row?.fileSha256 || (!row.published && !signedIn)) throw notFound({ ko: `증빙 파일 ${id}`, en: `Evidence file ${id}` });
  return { ...row, fileSha256: row.fileSha256, mimeType: row.mimeType ?? 'application/octet-stream' };
}
