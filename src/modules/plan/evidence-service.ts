/**
 * Evidence attached to actions: files (type checked by content, stored once by SHA-256) and
 * http(s) links. Each write is one transaction with its audit row; officers only on their
 * department's actions.
 */
import { and, eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { AppError, invalidFields, notFound } from '../../server/errors.ts';
import { recognise } from '../../server/file-type.ts';
import { withoutControls } from '../../server/text.ts';
import { sha256Of, type FileStore } from '../../server/file-store.ts';
import { heldElsewhere, lockStoredFile, registerFileHolder } from '../../server/file-holders.ts';
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

/** The last path segment, without control characters (C0, DEL, C1, line separators) or quotes, at most 200 characters (keeping the extension). */
function cleanFileName(name: string): string {
  const base = withoutControls(name.split(/[\\/]/).pop() ?? '')
    .replace(/"/g, '')
    .trim();
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 11 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

const allowedList = 'PDF, PNG, JPEG, GIF, WebP, TXT, CSV, XLSX, DOCX, PPTX, HWP, HWPX';

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
    const found = await recognise(input.file.bytes, fileName);
    if (!found.ok) {
      const field = [{ field: 'file', message: { ko: `허용 형식: ${allowedList}`, en: `Allowed: ${allowedList}` } }];
      throw found.reason === 'mismatch'
        ? new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            {
              ko: `파일 내용(${found.kind.toUpperCase()})과 확장자(.${found.extension})가 맞지 않습니다.`,
              en: `The file's content (${found.kind.toUpperCase()}) does not match its extension (.${found.extension}).`,
            },
            field,
          )
        : new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            {
              ko: `허용되지 않는 파일 형식입니다(내용으로 확인). ${allowedList}만 올릴 수 있습니다.`,
              en: `This file type is not accepted (checked by content). Allowed: ${allowedList}.`,
            },
            field,
          );
    }
    const sha256 = sha256Of(input.file.bytes);
    await lockStoredFile(tx, sha256);
    await files.put(input.file.bytes, tx);
    const [row] = await tx
      .insert(evidence)
      .values({
        actionId,
        kind: 'file',
        title,
        fileSha256: sha256,
        fileName: found.fileName,
        mimeType: found.mimeType,
        sizeBytes: input.file.bytes.length,
        published: input.published,
        createdBy: user.id,
      })
      .returning();
    const view = evidenceView(row!);
    await recordAudit(tx, actor, { action: 'evidence.create', entity: 'evidence', entityId: row!.id, after: { ...view, sha256 } });
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
    if (e.fileSha256) {
      await lockStoredFile(tx, e.fileSha256);
      // The row is gone, so the evidence holder answers for other evidence.
      // Last statement of the transaction: a failure before it leaves the file in place.
      if (!(await heldElsewhere(tx, e.fileSha256))) await files.remove(e.fileSha256, tx);
    }
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
