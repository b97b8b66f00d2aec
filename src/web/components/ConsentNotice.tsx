/**
 * The personal-data notice a form shows in full (purpose, items, retention, right to refuse;
 * 개인정보 보호법 §15) with the explicit consent tick the server requires.
 */
import { useId } from 'react';
import type { ConsentNotice as Notice } from '../education-api.ts';
import { localText } from '../education-format.ts';
import { useI18n } from '../i18n.ts';

export function ConsentNotice({
  id: givenId,
  notice,
  checked,
  onChange,
  error,
}: {
  id?: string;
  notice: Notice;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}) {
  const { lang, t } = useI18n();
  const ownId = useId();
  const id = givenId ?? ownId;
  const headingId = `${id}-heading`;
  const errorId = `${id}-error`;
  return (
    <fieldset className={`consent-notice${error ? ' field-invalid' : ''}`} data-testid="consent-notice">
      <legend id={headingId}>{localText(notice.title, lang)}</legend>
      <dl className="consent-list">
        <dt>{t('consentPurpose')}</dt>
        <dd>{localText(notice.purpose, lang)}</dd>
        <dt>{t('consentItems')}</dt>
        <dd>{localText(notice.items, lang)}</dd>
        <dt>{t('consentRetention')}</dt>
        <dd>{localText(notice.retention, lang)}</dd>
        <dt>{t('consentRefusal')}</dt>
        <dd>{localText(notice.refusal, lang)}</dd>
      </dl>
      <div className="field-check">
        <input
          id={id}
          type="checkbox"
          name="consent"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <label htmlFor={id}>{t('consentAgree')}</label>
      </div>
      {error && (
        <p className="field-error" id={errorId} data-testid="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
