/**
 * Turns an API failure into what a form shows: one message on top, and per-field messages
 * next to the fields the server named (`error.fields[].field`). Fields the form does not
 * show are added to the top message, so nothing the server said is lost.
 */
import { ApiError } from './api-client.ts';
import type { Lang, Translate } from './i18n.ts';

export interface FormErrors {
  summary: string | null;
  fields: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { summary: null, fields: {} };

/** One line for an alert: the server's message, a generic one for other failures, null for none. */
export function errorMessage(error: unknown, lang: Lang, t: Translate): string | null {
  if (error instanceof ApiError) return error.describe(lang);
  return error ? t('unexpectedError') : null;
}

export function formErrors(error: unknown, lang: Lang, t: Translate, known: readonly string[], aliases: Record<string, string> = {}): FormErrors {
  if (!(error instanceof ApiError)) return { summary: t('unexpectedError'), fields: {} };
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const f of error.fields) {
    const name = aliases[f.field] ?? f.field;
    const text = f.message[lang] ?? f.message.ko ?? f.message.en ?? '';
    if (known.includes(name)) fields[name] = fields[name] ? `${fields[name]} ${text}` : text;
    else unplaced.push(f.field ? `${f.field}: ${text}` : text);
  }
  const summary = [error.describe(lang), ...unplaced].filter(Boolean).join(' ');
  return { summary: summary || t('unexpectedError'), fields };
}
