/**
 * An amount typed in 억원 (the plan's unit) or in 원, with the unit chosen beside it and the
 * integer won the server will receive spelled out under it, so nobody is off by 10⁸.
 */
import { useId } from 'react';
import { formatEok, formatWon } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { parseMoney, type MoneyUnit } from '../../money.ts';

export interface MoneyValue {
  text: string;
  unit: MoneyUnit;
}

interface Props {
  label: string;
  value: MoneyValue;
  onChange: (value: MoneyValue) => void;
  error?: string;
  testId?: string;
}

export function MoneyInput({ label, value, onChange, error, testId }: Props) {
  const { t } = useI18n();
  const id = useId();
  const won = value.text.trim() ? parseMoney(value.text, value.unit) : null;
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
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value.text}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange({ ...value, text: e.target.value })}
            data-testid="money-amount"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('unit')}</label>
          <select id={`${id}-unit`} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as MoneyUnit })} data-testid="money-unit">
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
}
