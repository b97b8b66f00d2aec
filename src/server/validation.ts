/** Turns schema-validation failures into bilingual, field-by-field error bodies. */
import type { ZodFastifySchemaValidationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError } from './errors.ts';

const ko = z.locales.ko();
const en = z.locales.en();

type Issue = Parameters<typeof en.localeError>[0];

function localize(locale: typeof en, issue: Issue, fallback: string): string {
  const out = locale.localeError(issue);
  return typeof out === 'string' ? out : (out?.message ?? fallback);
}

function fieldMessage(issue: Issue, fallback: string): FieldError['message'] {
  if (issue.code === 'invalid_type') {
    // The locales describe the received value, which the validation error no longer carries.
    const expected = String((issue as { expected?: string }).expected ?? 'value');
    return { ko: `${expected} 형식이어야 합니다.`, en: `Must be a valid ${expected}.` };
  }
  return { ko: localize(ko, issue, fallback), en: localize(en, issue, fallback) };
}

export function validationError(context: string | undefined, errors: ZodFastifySchemaValidationError[]): AppError {
  const fields = errors.map((e) => {
    const path = e.instancePath.replace(/^\//, '').split('/').filter(Boolean);
    const issue = { ...(e.params as object), code: e.keyword, path, message: e.message } as unknown as Issue;
    return { field: path.length ? path.join('.') : (context ?? 'body'), message: fieldMessage(issue, e.message ?? '') };
  });
  const names = fields.map((f) => f.field).join(', ');
  return new AppError(
    'VALIDATION_FAILED',
    { ko: `입력값이 올바르지 않습니다: ${names}`, en: `Invalid input: ${names}` },
    fields,
  );
}
