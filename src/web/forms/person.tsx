/**
 * The person fields of the public forms: name, mobile phone (checked and formatted as a Korean
 * number with libphonenumber-js), e-mail, and the personal-data notice with its consent tick
 * (개인정보 보호법 §15), plus the waiting-list tick of a full session.
 */
import { isValidPhoneNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { ConsentNotice as Notice } from '../education-api.ts';
import { looksLikeEmail, looksLikePhone } from '../education-format.ts';
import { useI18n } from '../i18n.ts';
import { ConsentNotice } from '../components/ConsentNotice.tsx';
import { Controller, useFormContext } from 'react-hook-form';
import { CheckField, TextField } from './fields.tsx';
import { useTrackedField } from './form.tsx';
import { useId } from 'react';

/** A Korean phone number as it is written at home ("010-1234-5678"); the input when it is none. */
export function formatPhone(input: string, country?: string | null): string {
  const region = (country || 'KR').toUpperCase();
  const chosen = parsePhoneNumberFromString(input.trim(), region as CountryCode);
  const n = chosen?.isValid() ? chosen : parsePhoneNumberFromString(input.trim(), 'KR');
  if (!n) return input.trim();
  // A Korean number in its national form; a number abroad with its country code (E.164 as written internationally).
  return n.country === 'KR' ? n.formatNational() : n.formatInternational();
}

/** Whether a typed number is valid: a Korean one (the server's own rule too), or one of `country` / written with +. */
function phoneIsValid(v: string, country?: string | null): boolean {
  const written = v.trim();
  const region = (country || 'KR').toUpperCase();
  if (region === 'KR' && !written.startsWith('+')) return isValidPhoneNumber(written, 'KR') && looksLikePhone(written);
  const n = parsePhoneNumberFromString(written, region as CountryCode);
  // Not one of the chosen country: a guest from abroad may have a Korean number.
  if (!n?.isValid()) return !written.startsWith('+') && isValidPhoneNumber(written, 'KR') && looksLikePhone(written);
  return n.country !== 'KR' || looksLikePhone(n.formatNational());
}

/**
 * A mobile or landline number, checked with libphonenumber-js: Korean, or — when the form asks for
 * a country (`countryField`, the forum) — a number of that country or any written with +.
 */
export function PhoneField({ name = 'phone', label, maxLength = 30, countryField }: { name?: string; label?: string; maxLength?: number; countryField?: string }) {
  const { t } = useI18n();
  const { getValues } = useFormContext();
  return (
    <TextField
      name={name}
      label={label ?? t('applicantPhone')}
      hint={t('phoneHint')}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      maxLength={maxLength}
      required
      // libphonenumber-js knows every country's numbering; a Korean number must hold the server's own rule (0 and 9–11 digits) too.
      rules={{ validate: (v: string) => !v.trim() || phoneIsValid(v, countryField ? (getValues(countryField) as string) : null) || t('phoneInvalid') }}
    />
  );
}

/** An e-mail address; optional (with the hint that notices then come by e-mail too) unless `required`. */
export function EmailField({ name = 'email', label, required = false }: { name?: string; label?: string; required?: boolean }) {
  const { t } = useI18n();
  return (
    <TextField
      name={name}
      label={label ?? (required ? t('emailRequired') : t('applicantEmailOptional'))}
      hint={required ? undefined : t('emailHint')}
      type="email"
      autoComplete="email"
      maxLength={200}
      required={required}
      rules={{ validate: (v: string) => !v.trim() || looksLikeEmail(v.trim()) || t('emailInvalid') }}
    />
  );
}

/**
 * Name (and the English name), phone, e-mail, in the form's `form-row`s. The e-mail is optional
 * unless `emailRequired`.
 */
export function PersonFields({
  nameMax = 100,
  phoneMax = 30,
  nameEn = false,
  emailRequired = false,
  countryField,
}: {
  nameMax?: number;
  phoneMax?: number;
  nameEn?: boolean;
  emailRequired?: boolean;
  /** The form's country field: the phone may then be of that country (or written with +). */
  countryField?: string;
}) {
  const { t } = useI18n();
  const name = <TextField name="name" label={t('applicantName')} autoComplete="name" maxLength={nameMax} required />;
  if (nameEn) {
    return (
      <>
        <div className="form-row">
          {name}
          <TextField name="nameEn" label={t('nameEn')} lang="en" maxLength={nameMax} />
        </div>
        <div className="form-row">
          <PhoneField maxLength={phoneMax} countryField={countryField} />
          <EmailField required={emailRequired} />
        </div>
      </>
    );
  }
  return (
    <>
      <div className="form-row">
        {name}
        <PhoneField maxLength={phoneMax} countryField={countryField} />
      </div>
      <EmailField required={emailRequired} />
    </>
  );
}

/** The notice in full and the consent tick (the form field `consent`, required). */
export function ConsentField({ notice }: { notice: Notice }) {
  const { t } = useI18n();
  const { control } = useFormContext();
  const id = useId();
  useTrackedField('consent', id, t('consentHeading'));
  return (
    <Controller
      name="consent"
      control={control}
      rules={{ validate: (v: boolean) => v || t('consentRequired') }}
      render={({ field, fieldState }) => <ConsentNotice id={id} notice={notice} checked={Boolean(field.value)} onChange={field.onChange} error={fieldState.error?.message} />}
    />
  );
}

/** "Put me on the waiting list" (the form field `waitlist`), required when shown. */
export function WaitlistField() {
  const { t } = useI18n();
  return <CheckField name="waitlist" label={t('waitlistChoice')} rules={{ validate: (v: boolean) => v || t('waitlistRequired') }} />;
}
