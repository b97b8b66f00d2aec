/**
 * Managers' ledger edits: the secured amount (확보액) of one source and year, and a new
 * execution (집행: date, amount, description). Amounts in 억원 or 원, sent as integer won.
 */
import { useState, type FormEvent } from 'react';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { parseMoney } from '../../money.ts';
import { addExecution, setSecured, type LedgerRow } from '../../staff-api.ts';
import { Field } from './Field.tsx';
import { sourceName } from './LedgerTable.tsx';
import { MoneyInput, type MoneyValue } from './MoneyInput.tsx';
import { FormAlert, StatusMessage } from './Notice.tsx';

/** The distinct sources of the ledger, in order of appearance. */
function sources(rows: LedgerRow[]): LedgerRow[] {
  const seen = new Map<string, LedgerRow>();
  for (const row of rows) if (!seen.has(row.sourceLabel)) seen.set(row.sourceLabel, row);
  return [...seen.values()];
}

function SourceYearFields({
  rows,
  years,
  source,
  year,
  onSource,
  onYear,
  errors,
}: {
  rows: LedgerRow[];
  years: number[];
  source: string;
  year: string;
  onSource: (v: string) => void;
  onYear: (v: string) => void;
  errors: Record<string, string>;
}) {
  const { lang, t } = useI18n();
  return (
    <div className="form-row">
      <Field label={t('colSource')} error={errors.sourceLabel}>
        {(props) => (
          <select {...props} value={source} onChange={(e) => onSource(e.target.value)} data-testid="source-select">
            {sources(rows).map((r) => (
              <option key={r.sourceLabel} value={r.sourceLabel}>
                {sourceName(r, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('colYear')} error={errors.year}>
        {(props) => (
          <select {...props} value={year} onChange={(e) => onYear(e.target.value)} data-testid="year-select">
            {years.map((y) => (
              <option key={y} value={y}>
                {t('yearHeading', { year: y })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

interface FormProps {
  planId: number;
  rows: LedgerRow[];
  years: number[];
  onSaved: () => void;
}

export function SecuredForm({ planId, rows, years, onSaved }: FormProps) {
  const { lang, t } = useI18n();
  const [source, setSource] = useState(rows[0]?.sourceLabel ?? '');
  const [year, setYear] = useState(String(years[0] ?? ''));
  const [amount, setAmount] = useState<MoneyValue>({ text: '', unit: 'eok' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const won = parseMoney(amount.text, amount.unit);
    setLocal(won === null ? { securedKrw: t('amountInvalid') } : {});
    if (won === null) return;
    const ok = await mutation.run(() => setSecured(planId, { sourceLabel: source, year: Number(year), securedKrw: won }).then(() => true), t('securedSaved'));
    if (ok) {
      setAmount({ ...amount, text: '' });
      onSaved();
    }
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, ['sourceLabel', 'year', 'securedKrw']) : NO_ERRORS;
  const errors = { ...server.fields, ...local };
  return (
    <form className="staff-form" onSubmit={submit} noValidate data-testid="secured-form">
      <h3>{t('securedFormTitle')}</h3>
      <p className="field-hint">{t('securedFormHint')}</p>
      <FormAlert message={server.summary} />
      <SourceYearFields rows={rows} years={years} source={source} year={year} onSource={setSource} onYear={setYear} errors={errors} />
      <MoneyInput label={t('colSecured')} value={amount} onChange={setAmount} error={errors.securedKrw} testId="secured-amount" />
      <p className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.busy}>
          {t('saveSecured')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}

/** Today in Seoul, as YYYY-MM-DD. */
function seoulToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
}

export function ExecutionForm({ planId, rows, years, onSaved }: FormProps) {
  const { lang, t } = useI18n();
  const [source, setSource] = useState(rows[0]?.sourceLabel ?? '');
  const [year, setYear] = useState(String(years[0] ?? ''));
  const [executedOn, setExecutedOn] = useState(seoulToday());
  const [amount, setAmount] = useState<MoneyValue>({ text: '', unit: 'eok' });
  const [description, setDescription] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const won = parseMoney(amount.text, amount.unit);
    const errors: Record<string, string> = {};
    if (won === null || won <= 0) errors.amountKrw = t('amountInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(executedOn)) errors.executedOn = t('dateInvalid');
    if (!description.trim()) errors.description = t('required');
    setLocal(errors);
    if (won === null || Object.keys(errors).length > 0) return;
    const body = { sourceLabel: source, year: Number(year), executedOn, amountKrw: won, description: description.trim() };
    const added = await mutation.run(() => addExecution(planId, body), t('executionAdded'));
    if (added) {
      setAmount({ ...amount, text: '' });
      setDescription('');
      onSaved();
    }
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, ['sourceLabel', 'year', 'executedOn', 'amountKrw', 'description']) : NO_ERRORS;
  const errors = { ...server.fields, ...local };
  return (
    <form className="staff-form" onSubmit={submit} noValidate data-testid="execution-form">
      <h3>{t('executionFormTitle')}</h3>
      <FormAlert message={server.summary} />
      <SourceYearFields rows={rows} years={years} source={source} year={year} onSource={setSource} onYear={setYear} errors={errors} />
      <Field label={t('executedOn')} error={errors.executedOn}>
        {(props) => <input {...props} type="date" value={executedOn} onChange={(e) => setExecutedOn(e.target.value)} data-testid="executed-on" />}
      </Field>
      <MoneyInput label={t('executionAmount')} value={amount} onChange={setAmount} error={errors.amountKrw} testId="execution-amount" />
      <Field label={t('description')} error={errors.description}>
        {(props) => <input {...props} type="text" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="execution-description" />}
      </Field>
      <p className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.busy}>
          {t('addExecution')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}
