/**
 * Reads a multipart/form-data request (@fastify/multipart, limits set in app.ts) into one
 * file and a few text fields, turning every failure into a bilingual AppError naming the field.
 */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, invalidField } from './errors.ts';
import { isUnstorableText, unstorableTextError, zodValidationError } from './validation.ts';

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MULTIPART_LIMITS = { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 8, parts: 9, fieldSize: 16 * 1024, fieldNameSize: 100, headerPairs: 100 };

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

export interface MultipartForm {
  file: UploadedFile | null;
  fields: Record<string, string>;
}

const bad = invalidField;

function translate(e: unknown): unknown {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', {
        ko: 'multipart/form-data 형식으로 보내야 합니다.',
        en: 'Send the request as multipart/form-data.',
      });
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { ko: '파일이 너무 큽니다(최대 10MB).', en: 'The file is too large (10 MB at most).' }, [
        { field: 'file', message: { ko: '10MB 이하여야 합니다.', en: 'Must be 10 MB or less.' } },
      ]);
    case 'FST_FILES_LIMIT':
      return bad('file', '파일은 하나만 보낼 수 있습니다.', 'Send one file only.');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('VALIDATION_FAILED', { ko: '양식 항목이 너무 많습니다.', en: 'Too many form fields.' });
    case 'FST_PROTO_VIOLATION':
      return new AppError('VALIDATION_FAILED', { ko: '허용되지 않는 항목 이름입니다.', en: 'A field name is not allowed.' });
    default:
      if (e instanceof AppError) return e;
      // busboy's own errors: a malformed or truncated body
      if (e instanceof Error && !(e as { statusCode?: number }).statusCode && /form|multipart|boundary|part/i.test(e.message)) {
        return new AppError('VALIDATION_FAILED', { ko: '양식 데이터를 읽을 수 없습니다.', en: `The form data could not be read: ${e.message}` });
      }
      return e;
  }
}

/** Reads the form: at most one file (in `fileField`) and the named text fields; anything else is refused. */
export async function readMultipart(req: FastifyRequest, fileField: string, textFields: readonly string[]): Promise<MultipartForm> {
  const form: MultipartForm = { file: null, fields: {} };
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== fileField) {
          part.file.resume();
          throw bad(part.fieldname, '알 수 없는 파일 항목입니다.', `Unexpected file field; send the file as "${fileField}".`);
        }
        form.file = { fileName: part.filename ?? '', bytes: await part.toBuffer() };
      } else {
        if (!textFields.includes(part.fieldname)) throw bad(part.fieldname, '알 수 없는 항목입니다.', 'Unknown field.');
        if (part.valueTruncated) throw bad(part.fieldname, '값이 너무 깁니다.', 'The value is too long.');
        // As for JSON bodies (validation.ts): U+0000 or a lone surrogate cannot be stored.
        if (isUnstorableText(String(part.value ?? ''))) throw unstorableTextError([part.fieldname], 'body');
        form.fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (e) {
    throw translate(e);
  }
  return form;
}

/** A required uploaded file, non-empty. */
export function requireFile(form: MultipartForm, field = 'file'): UploadedFile {
  if (!form.file) throw bad(field, '파일을 첨부하십시오.', 'Attach a file.');
  if (form.file.bytes.length === 0) throw bad(field, '빈 파일입니다.', 'The file is empty.');
  return form.file;
}

/**
 * A text field read through its zod schema (the same building block as JSON bodies: text.ts'
 * `singleLine` / `multiLine`), so a title with a line break is the same bilingual 400 naming the
 * field. Absent → undefined.
 */
export function textField<S extends z.ZodType<string>>(form: MultipartForm, field: string, schema: S): z.output<S> | undefined {
  const v = form.fields[field];
  if (v === undefined) return undefined;
  const r = schema.safeParse(v);
  if (!r.success) throw zodValidationError(field, r.error);
  return r.data;
}

/** "true" / "false" (or absent → the default); anything else is refused. */
export function booleanField(form: MultipartForm, field: string, fallback: boolean): boolean {
  const v = form.fields[field];
  if (v === undefined || v === '') return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw bad(field, '"true" 또는 "false"여야 합니다.', 'Must be "true" or "false".');
}
