/**
 * Labelled fields of the form kit. Each one registers itself with react-hook-form (through the
 * `<Form>` context), shows its label, hint, required mark and error, and wires the control for
 * screen readers (aria-describedby → hint and error, aria-invalid).
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { Controller, useFormContext, type RegisterOptions } from 'react-hook-form';
import { seoulInputToIso } from '../education-format.ts';
import { useI18n } from '../i18n.ts';
import { useFieldError, useTrackedField } from './form.tsx';

interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

type Rules = RegisterOptions;

interface FieldProps {
  /** The form field's name (dots for nesting: `title.ko`, `answers.3`). */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shows the required mark; with `requiredRule` also checks a non-blank value. */
  required?: boolean;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}

/** The layout: label (with required mark), control, hint, error — for a field of a kit form. */
function Field({ name, id: givenId, ...layout }: FieldProps & { id?: string | undefined }) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const error = useFieldError(name);
  useTrackedField(name, id, layout.label);
  return <LabelledField {...layout} id={id} error={error} />;
}

/** The same layout for a control outside a kit form (e.g. a picker that changes the URL). */
export function LabelledField({ id: givenId, label, hint, error, required, className, children }: Omit<FieldProps, 'name'> & { id?: string; error?: string }) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      {required ? (
        // The mark stays outside the label, so the label's text is the field's name alone.
        <span className="field-label">
          <label htmlFor={id}>{label}</label>
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        </span>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? true : undefined, 'aria-required': required ? true : undefined })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Rules with "required" meaning "not blank" (spaces do not count). */
function useRules(required: boolean | undefined, rules: Rules | undefined): Rules {
  const { t } = useI18n();
  if (!required) return rules ?? {};
  const validate = rules?.validate;
  const notBlank = (v: unknown) => (typeof v === 'string' ? v.trim() !== '' : v != null && v !== false) || t('required');
  return {
    ...rules,
    validate: typeof validate === 'function' ? { notBlank, own: validate } : { notBlank, ...(validate ?? {}) },
  };
}

interface Common {
  name: string;
  /** A fixed id for the control (by default one of React's own): for pages whose links or tests name it. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  rules?: Rules;
  className?: string;
  testId?: string;
}

export function TextField({
  name,
  label,
  hint,
  required,
  rules,
  className,
  testId,
  type = 'text',
  id,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'required'>) {
  const { register } = useFormContext();
  const merged = useRules(required, rules);
  return (
    <Field name={name} id={id} label={label} hint={hint} required={required} className={className}>
      {(props) => <input type={type} {...input} {...props} {...register(name, merged)} data-testid={testId} />}
    </Field>
  );
}

export function TextArea({ name, label, hint, required, rules, className, testId, id, ...input }: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'required'>) {
  const { register } = useFormContext();
  const merged = useRules(required, rules);
  return (
    <Field name={name} id={id} label={label} hint={hint} required={required} className={className}>
      {(props) => <textarea {...input} {...props} {...register(name, merged)} data-testid={testId} />}
    </Field>
  );
}

export interface Option {
  value: string | number;
  label: ReactNode;
}

/** A select; `options` after an optional `placeholder` option with the value ''. */
export function SelectField({
  name,
  label,
  hint,
  required,
  rules,
  className,
  testId,
  options,
  placeholder,
  id,
  ...select
}: Common & { options: readonly Option[]; placeholder?: ReactNode } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'required'>) {
  const { register } = useFormContext();
  const merged = useRules(required, rules);
  return (
    <Field name={name} id={id} label={label} hint={hint} required={required} className={className}>
      {(props) => (
        <select {...select} {...props} {...register(name, merged)} data-testid={testId}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label on the right, and its error under it. */
export function CheckField({
  name,
  label,
  rules,
  testId,
  disabled,
  value,
}: {
  name: string;
  label: ReactNode;
  rules?: Rules;
  testId?: string;
  disabled?: boolean /** One of a group: the form value is the array of the ticked values. */;
  value?: string;
}) {
  const { register } = useFormContext();
  const id = useId();
  const error = useFieldError(name);
  useTrackedField(value === undefined ? name : `${name}.${value}`, id, label);
  const check = (
    <div className="field-check">
      <input
        id={id}
        type="checkbox"
        value={value}
        disabled={disabled}
        {...register(name, rules)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
  if (!error) return check;
  return (
    <div className="field-invalid">
      {check}
      <p className="field-error" id={`${id}-error`} data-testid="field-error">
        {error}
      </p>
    </div>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  disabled?: boolean;
}

/** Radio buttons in a fieldset with a legend; the error under them. */
export function RadioGroup({
  name,
  legend,
  choices,
  rules,
  className,
  optionClassName = 'field-check',
  testId,
  wrap = (c) => c,
}: {
  name: string;
  legend: ReactNode;
  choices: readonly Choice[];
  rules?: Rules;
  className: string;
  optionClassName?: string;
  testId?: string;
  /** Wraps the options (e.g. in a row). */
  wrap?: (options: ReactNode) => ReactNode;
}) {
  const { register } = useFormContext();
  const id = useId();
  const error = useFieldError(name);
  useTrackedField(name, `${id}-${choices[0]?.value ?? ''}`, legend);
  return (
    <fieldset className={`${className}${error ? ' field-invalid' : ''}`} data-testid={testId} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {wrap(
        choices.map((c) => (
          <div className={optionClassName} key={c.value}>
            <input id={`${id}-${c.value}`} type="radio" value={c.value} disabled={c.disabled} {...register(name, rules)} />
            <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
          </div>
        )),
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * A date and time typed in Seoul time (`datetime-local`, hint "Korea time"); the value stays the
 * input's text — `seoulInputToIso` turns it into the instant the API takes.
 */
export function DateTimeField({ name, label, required, rules, className, testId, hint, id }: Common) {
  const { t } = useI18n();
  const { register } = useFormContext();
  const merged = useRules(required, {
    ...rules,
    validate: { ...(typeof rules?.validate === 'object' ? rules.validate : {}), time: (v: string) => !v || seoulInputToIso(v) !== '' || t('required') },
  });
  return (
    <Field name={name} id={id} label={label} hint={hint === undefined ? t('seoulTimeHint') : hint} required={required} className={className}>
      {(props) => <input type="datetime-local" {...props} {...register(name, merged)} data-testid={testId} />}
    </Field>
  );
}

/** A field whose control is not a plain input (a money input, a file): react-hook-form's Controller. */
export function ControlledField<V>({
  name,
  rules,
  render,
}: {
  name: string;
  rules?: Rules;
  render: (field: { value: V; onChange: (value: V) => void; error?: string; id: string }) => ReactNode;
}) {
  const { control } = useFormContext();
  const id = useId();
  useTrackedField(name, id, null);
  return (
    <Controller
      name={name}
      control={control}
      rules={rules}
      render={({ field, fieldState }) => <>{render({ value: field.value as V, onChange: field.onChange, error: fieldState.error?.message, id })}</>}
    />
  );
}

/** A text in Korean and English side by side: the fields `${name}.ko` and `${name}.en` (or flat). */
export function BilingualField({
  name,
  labelKo,
  labelEn,
  multiline = false,
  maxLength = multiline ? 5000 : 300,
  requiredKo = false,
  flat = false,
}: {
  name: string;
  /** Name the fields `${name}Ko` and `${name}En` (alias the server's `${name}.ko` to them). */
  flat?: boolean;
  labelKo: string;
  labelEn: string;
  multiline?: boolean;
  maxLength?: number;
  /** The Korean text is required (the English one never is). */
  requiredKo?: boolean;
}) {
  const Control = multiline ? TextArea : TextField;
  const extra = multiline ? { rows: 3 } : {};
  return (
    <div className="form-row">
      <Control name={flat ? `${name}Ko` : `${name}.ko`} label={labelKo} maxLength={maxLength} required={requiredKo} {...extra} />
      <Control name={flat ? `${name}En` : `${name}.en`} label={labelEn} lang="en" maxLength={maxLength} {...extra} />
    </div>
  );
}

/** `{ ko, en }` as the API takes it: trimmed, without an empty English text. */
export const bilingual = ({ ko, en }: { ko: string; en: string }) => ({ ko: ko.trim(), ...(en.trim() ? { en: en.trim() } : {}) });
