/**
 * The form kit's core, on react-hook-form: `useKitForm` (form state plus what the server said),
 * `<Form>` (submits, maps an API failure onto the fields, shows the error summary on top and the
 * success message below) and `<Submit>`.
 *
 * Server errors: every `error.fields[].field` (renamed by `aliases`) that a kit field on this form
 * shows becomes that field's error (setError); the message and the fields no field shows go into
 * the summary, so nothing the server said is lost.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormProvider, get, useForm, useFormState, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { ApiError } from '../api-client.ts';
import { useI18n, type Lang, type Translate } from '../i18n.ts';

interface Tracked {
  id: string;
  label: ReactNode;
}

/** What the kit keeps beside react-hook-form's state. */
interface Kit {
  /** The top message: the server's answer (with what no field shows), or the client's "check the form". */
  summary: string | null;
  /** The success message of the last submit. */
  done: string | null;
  focusSummary: boolean;
  setSummary: (text: string | null) => void;
  setDone: (text: string | null) => void;
  /** Fields shown on the form, in mount order (for the server errors and the summary's links). */
  fields: Map<string, Tracked>;
  track: (name: string, field: Tracked) => () => void;
  fail: (error: unknown) => void;
}

export type KitForm<T extends FieldValues> = UseFormReturn<T> & { kit: Kit };

export interface KitFormOptions<T extends FieldValues> {
  defaultValues: DefaultValues<T>;
  /** Server field names → the form's field names (e.g. `password` → `newPassword`). */
  aliases?: Record<string, string>;
  resolver?: Resolver<T>;
  /** Move focus to the summary when it appears (KRDS; the default); false: to the first invalid field. */
  focusSummary?: boolean;
  /** Replace the summary for a failure (e.g. the login form's own wording); null keeps the default. */
  describeError?: (error: unknown, lang: Lang, t: Translate) => string | null;
}

/** Thrown from a submit to say something in the summary that is no failure (e.g. "nothing changed"). */
export class SummaryMessage extends Error {}

/** Everything the server said about a failure in one line (its message and each field's), for an alert outside a form. */
export function failureText(error: unknown, lang: Lang, t: Translate): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return t('unexpectedError');
  const fields = error.fields.map((f) => {
    const text = f.message[lang] ?? f.message.ko ?? f.message.en ?? '';
    return f.field ? `${f.field}: ${text}` : text;
  });
  return [error.describe(lang), ...fields].filter(Boolean).join(' ') || t('unexpectedError');
}

/** One line for an alert: the server's message, a generic one for other failures, null for none. */
export function errorMessage(error: unknown, lang: Lang, t: Translate): string | null {
  if (error instanceof ApiError) return error.describe(lang);
  return error ? t('unexpectedError') : null;
}

export function useKitForm<T extends FieldValues>({ defaultValues, aliases = {}, resolver, focusSummary = true, describeError }: KitFormOptions<T>): KitForm<T> {
  const { lang, t } = useI18n();
  const methods = useForm<T>({ defaultValues, resolver, shouldFocusError: !focusSummary });
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const fields = useRef(new Map<string, Tracked>()).current;
  const track = useCallback(
    (name: string, field: Tracked) => {
      fields.set(name, field);
      return () => {
        if (fields.get(name) === field) fields.delete(name);
      };
    },
    [fields],
  );
  const { setError } = methods;
  // biome-ignore lint/correctness/useExhaustiveDependencies: aliases and describeError are fixed per form
  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof SummaryMessage) {
        setSummary(error.message);
        return;
      }
      const own = describeError?.(error, lang, t);
      if (!(error instanceof ApiError)) {
        setSummary(own ?? t('unexpectedError'));
        return;
      }
      const placed = new Map<string, string>();
      const unplaced: string[] = [];
      for (const f of error.fields) {
        const name = aliases[f.field] ?? f.field;
        const text = f.message[lang] ?? f.message.ko ?? f.message.en ?? '';
        if (fields.has(name)) placed.set(name, placed.has(name) ? `${placed.get(name)} ${text}` : text);
        else unplaced.push(f.field ? `${f.field}: ${text}` : text);
      }
      for (const [name, message] of placed) setError(name as Path<T>, { type: 'server', message });
      setSummary(own ?? ([error.describe(lang), ...unplaced].filter(Boolean).join(' ') || t('unexpectedError')));
    },
    [lang, t, fields, setError],
  );
  const kit = useMemo<Kit>(() => ({ summary, done, focusSummary, setSummary, setDone, fields, track, fail }), [summary, done, focusSummary, fields, track, fail]);
  return { ...methods, kit };
}

const KitContext = createContext<Kit | null>(null);

function useKit(): Kit {
  const kit = useContext(KitContext);
  if (!kit) throw new Error('a kit field outside <Form>');
  return kit;
}

/** Registers a shown field (so server errors find it and the summary links to it). */
export function useTrackedField(name: string, id: string, label: ReactNode): void {
  const { track } = useKit();
  useEffect(() => track(name, { id, label }), [track, name, id, label]);
}

/** The error message of one field, from react-hook-form's state. */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState({ name });
  const error = get(errors, name) as { message?: string } | undefined;
  return error?.message || undefined;
}

type FormAria = { 'aria-label'?: string; 'aria-labelledby'?: string };

export interface FormProps<T extends FieldValues> extends FormAria {
  form: KitForm<T>;
  /** Sends the (valid) values; a returned string is the success message. Throws → error summary. */
  onSubmit: (values: T) => unknown;
  /** Shown above the error summary (a heading, a note). */
  head?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** The polite success region under the form (true by default). */
  status?: boolean;
  /** After a successful submit, return to the default values (true) or to the values this gives. */
  reset?: boolean | ((sent: T) => T);
}

export function Form<T extends FieldValues>({ form, onSubmit, head, children, className = 'staff-form', testId, status = true, reset, ...aria }: FormProps<T>) {
  const { t } = useI18n();
  const { kit } = form;
  const submit = form.handleSubmit(
    async (values) => {
      kit.setSummary(null);
      kit.setDone(null);
      try {
        const done = await onSubmit(values);
        if (reset) form.reset(typeof reset === 'function' ? reset(values) : undefined);
        if (typeof done === 'string') kit.setDone(done);
      } catch (error) {
        kit.fail(error);
      }
    },
    () => {
      kit.setDone(null);
      kit.setSummary(t('formHasErrors'));
    },
  );
  return (
    <FormProvider {...form}>
      <KitContext.Provider value={kit}>
        <form className={className} onSubmit={submit} noValidate data-testid={testId} {...aria}>
          {head}
          <ErrorSummary />
          {children}
          {status && <StatusMessage message={kit.done} />}
        </form>
      </KitContext.Provider>
    </FormProvider>
  );
}

/**
 * The alert on top of a form: the message, then a link to each field in error (the link moves
 * focus to the field). It takes focus itself when the form asks for it.
 */
function ErrorSummary() {
  const kit = useKit();
  const { errors } = useFormState();
  const ref = useRef<HTMLDivElement>(null);
  const message = kit.summary;
  useEffect(() => {
    if (message && kit.focusSummary) ref.current?.focus();
  }, [message, kit.focusSummary]);
  if (!message) return null;
  const invalid = [...kit.fields].flatMap(([name, field]) => {
    const error = get(errors, name) as { message?: string } | undefined;
    return error?.message ? [{ name, ...field, message: error.message }] : [];
  });
  return (
    <div className="form-alert" role="alert" tabIndex={-1} ref={ref} data-testid="form-alert">
      <p>{message}</p>
      {invalid.length > 0 && (
        <ul className="error-summary">
          {invalid.map((f) => (
            <li key={f.name}>
              <a
                href={`#${f.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(f.id)?.focus();
                }}
              >
                {typeof f.label === 'string' ? `${f.label}: ${f.message}` : f.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The submit button in its actions row; disabled while the form is sending. */
export function Submit({ children, className = 'button-primary', testId }: { children: ReactNode; className?: string; testId?: string }) {
  const { isSubmitting } = useFormState();
  return (
    <p className="form-actions">
      <button type="submit" className={className} disabled={isSubmitting} data-testid={testId}>
        {children}
      </button>
    </p>
  );
}

/**
 * An error outside a form (a button's action): an alert that is inserted, so it is announced at
 * once, and can take focus so keyboard users land on it.
 */
export function FormAlert({ message, focus = false }: { message: string | null; focus?: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message && focus) ref.current?.focus();
  }, [message, focus]);
  if (!message) return null;
  return (
    <p className="form-alert" role="alert" tabIndex={-1} ref={ref} data-testid="form-alert">
      {message}
    </p>
  );
}

/** A success: a polite status region that is always present, so its text changes are announced. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p className="form-status" role="status" data-testid="form-status">
      {message}
    </p>
  );
}
