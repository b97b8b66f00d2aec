/** Schemas shared by every module's routes. */
import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';

const bilingual = z.object({ ko: z.string(), en: z.string() });

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).describe('What was refused: a generic code, or a domain code naming the rule (src/server/errors.ts)'),
      message: bilingual,
      fields: z.array(z.object({ field: z.string(), message: bilingual })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/**
 * The one answer to a citizen's registration or application, whatever happened behind it: a new
 * registration, or a phone (a school) that already had one, whose owner is told through that
 * phone instead. It carries no id, status or link, so it cannot tell a stranger whether a person
 * is registered here; the result and the status link reach the registrant by text or e-mail.
 */
export const RECEIVED = {
  status: 'received',
  message: {
    ko: '신청을 접수했습니다. 결과는 휴대전화 문자(전자우편 주소를 적으셨으면 전자우편)로 알려 드립니다.',
    en: 'Your application has been received. The result will reach you by text message (or by e-mail, if you gave an address).',
  },
} as const;

export const ReceivedSchema = z.object({ status: z.literal('received'), message: bilingual }).meta({ id: 'Received' });

/**
 * A whole number written the one canonical way (digits, no sign, no leading zero, no 0x/1e3/1.0)
 * within [min, max]. z.coerce.number() would read "0x10", "1e1" or " 1" as numbers, so one
 * object would answer at many URLs; here any other spelling is a 400.
 */
export function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/, 'digits only (e.g. 42)')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** A database id in a URL or query: 1 … 2^31 − 1, canonical digits only. */
export const idNumber = () => wholeNumber(1, 2_147_483_647);

/**
 * A database id in an answer or a JSON body: an integer 1 … 2^31 − 1 (PostgreSQL `serial`), so
 * the OpenAPI document gives clients its real type and range.
 */
export const dbId = () => z.number().int().min(1).max(2_147_483_647);

/**
 * Documents a multipart/form-data body in OpenAPI. Multipart bodies are read by the handler
 * (src/server/multipart.ts), so the body validated here is null: accepted as absent.
 */
export const multipartBody = <S extends z.ZodRawShape>(shape: S) => z.preprocess((v) => v ?? undefined, z.object(shape).optional());
export const binary = (description: string) => z.string().meta({ format: 'binary', description });
