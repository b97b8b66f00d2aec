/**
 * An amount typed in 억원 (the plan's unit) or in 원, with the unit chosen beside it and the
 * integer won the server will receive spelled out under it, so nobody is off by 10⁸.
 * The form value is `{ text, unit }`; `wonOf` turns it into won (null when it is not an amount).
 */
import { useId } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { formatEok, formatWon } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { parseMoney, type MoneyUnit } from '../money.ts';
import { useTrackedField } from './form.tsx';

export interface MoneyValue {
  text: string;
  unit: MoneyUnit;
}

export const wonOf = (value: MoneyValue): number | null => parseMoney(value.text, value.unit);
export const noMoney = (unit: MoneyUnit = 'eok'): MoneyValue => ({ text: '', unit });

export function MoneyField({ name, label, testId, positive = false }: { name: string; label: string; testId?: string /** more than 0 won */; positive?: boolean }) {
  const { t } = useI18n();
  const { control } = useFormContext();
  const id = useId();
  useTrackedField(name, `${id}-amount`, label);
  const valid = (value: MoneyValue) => {
    const won = wonOf(value);
    return (won !== null && (!positive || won > 0)) || t('amountInvalid');
  };
  return (
    <Controller
      name={name}
      control={control}
      rules={{ validate: valid }}
      render={({ field, fieldState }) => {
        const value = field.value as MoneyValue;
        const error = fieldState.error?.message;
        const won = value.text.trim() ? wonOf(value) : null;
        const preview = won === null ? t('moneyPreviewNone') : t('moneyPreview', { won: formatWon(won), eok: formatEok(won) });
        const describedBy = `${id}-preview${error ? ` ${id}-error` : ''}`;
        return (
          <fieldset className={`money-field${error ? ' field-invalid' : ''}`} data-testid={testId}>
            <legend>{label}</legend>
            <div className="money-inputs">
              <div className="field">
                <label htmlFor={`${id}-amount`}>{t('amount')}</label>
                <input
                  id={`${id}-amount`}
                  ref={field.ref}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={value.text}
                  aria-describedby={describedBy}
                  aria-invalid={error ? true : undefined}
                  onChange={(e) => field.onChange({ ...value, text: e.target.value })}
                  onBlur={field.onBlur}
                  data-testid="money-amount"
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-unit`}>{t('unit')}</label>
                <select id={`${id}-unit`} value={value.unit} onChange={(e) => field.onChange({ ...value, unit: e.target.value as MoneyUnit })} data-testid="money-unit">
                  <option value="eok">{t('unitEok')}</option>
                  <option value="won">{t('unitWon')}</option>
                </select>
              </div>
            </div>
            <p className="field-hint" id={`${id}-preview`} aria-live="polite" data-testid="money-preview">
              {preview}
            </p>
            {error && (
              <p className="field-error" id={`${id}-error`} data-testid="field-error">
                {error}
              </p>
            )}
          </fieldset>
        );
      }}
    />
  );
}
