/**
 * Managers' ledger edits: the secured amount (확보액) of one source and year, and a new
 * execution (집행: date, amount, description). Amounts in 억원 or 원, sent as integer won.
 * An execution is dated inside its budget year and stays within the money secured, unless the
 * manager ticks the override and gives a reason (kept in the audit trail); the API refuses
 * otherwise and its message appears under the field it names.
 */
import { CheckField, Form, MoneyField, noMoney, SelectField, Submit, TextArea, TextField, useKitForm, wonOf, type MoneyValue } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { addExecution, setSecured, updateExecution, type Execution, type LedgerRow } from '../../staff-api.ts';
import { sourceName } from './LedgerTable.tsx';

/** The distinct sources of the ledger, in order of appearance. */
function sources(rows: LedgerRow[]): LedgerRow[] {
  const seen = new Map<string, LedgerRow>();
  for (const row of rows) if (!seen.has(row.sourceLabel)) seen.set(row.sourceLabel, row);
  return [...seen.values()];
}

function SourceYearFields({ rows, years }: { rows: LedgerRow[]; years: number[] }) {
  const { lang, t } = useI18n();
  return (
    <div className="form-row">
      <SelectField name="sourceLabel" label={t('colSource')} options={sources(rows).map((r) => ({ value: r.sourceLabel, label: sourceName(r, lang) }))} testId="source-select" />
      <SelectField name="year" label={t('colYear')} options={years.map((y) => ({ value: y, label: t('yearHeading', { year: y }) }))} testId="year-select" />
    </div>
  );
}

export interface FormProps {
  planId: number;
  rows: LedgerRow[];
  years: number[];
  onSaved: () => void;
}

export function SecuredForm({ planId, rows, years, onSaved }: FormProps) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { sourceLabel: rows[0]?.sourceLabel ?? '', year: String(years[0] ?? ''), securedKrw: noMoney() } });
  return (
    <Form
      form={form}
      testId="secured-form"
      head={
        <>
          <h3>{t('securedFormTitle')}</h3>
          <p className="field-hint">{t('securedFormHint')}</p>
        </>
      }
      onSubmit={async (v) => {
        await setSecured(planId, { sourceLabel: v.sourceLabel, year: Number(v.year), securedKrw: wonOf(v.securedKrw)! });
        form.reset({ ...v, securedKrw: { ...v.securedKrw, text: '' } });
        onSaved();
        return t('securedSaved');
      }}
    >
      <SourceYearFields rows={rows} years={years} />
      <MoneyField name="securedKrw" label={t('colSecured')} testId="secured-amount" />
      <Submit>{t('saveSecured')}</Submit>
    </Form>
  );
}

/** Today in Seoul, as YYYY-MM-DD. */
function seoulToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
}

/** Books an execution, or (with `execution`) corrects one in place; amounts start in 억원 when new, in 원 when edited. */
export function ExecutionForm({ planId, rows, years, onSaved, execution }: FormProps & { execution?: Execution }) {
  const { t } = useI18n();
  const form = useKitForm({
    defaultValues: {
      sourceLabel: execution?.sourceLabel ?? rows[0]?.sourceLabel ?? '',
      year: String(execution?.year ?? years[0] ?? ''),
      executedOn: execution?.executedOn ?? seoulToday(),
      amountKrw: (execution ? { text: String(execution.amountKrw), unit: 'won' } : noMoney()) as MoneyValue,
      description: execution?.description ?? '',
      exceedSecured: false,
      overrideReason: '',
    },
  });
  const overriding = form.watch('exceedSecured');
  return (
    <Form
      form={form}
      testId="execution-form"
      head={execution ? undefined : <h3>{t('executionFormTitle')}</h3>}
      reset={!execution && ((v) => ({ ...v, amountKrw: { ...v.amountKrw, text: '' }, description: '', exceedSecured: false, overrideReason: '' }))}
      onSubmit={async (v) => {
        const body = {
          sourceLabel: v.sourceLabel,
          year: Number(v.year),
          executedOn: v.executedOn,
          amountKrw: wonOf(v.amountKrw)!,
          description: v.description.trim(),
          ...(v.exceedSecured ? { exceedSecured: true, overrideReason: v.overrideReason.trim() } : {}),
        };
        await (execution ? updateExecution(execution.id, body) : addExecution(planId, body));
        onSaved();
        return t(execution ? 'eventSaved' : 'executionAdded');
      }}
    >
      <SourceYearFields rows={rows} years={years} />
      <TextField
        name="executedOn"
        label={t('executedOn')}
        type="date"
        rules={{ validate: (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) || t('dateInvalid') }}
        testId="executed-on"
      />
      <MoneyField name="amountKrw" label={t('executionAmount')} testId="execution-amount" positive />
      <TextField name="description" label={t('description')} maxLength={500} required testId="execution-description" />
      <CheckField name="exceedSecured" label={t('overrideSecured')} testId="exceed-secured" />
      {overriding && <TextArea name="overrideReason" label={t('overrideReason')} rows={2} maxLength={500} required testId="override-reason" />}
      <Submit>{execution ? t('save') : t('addExecution')}</Submit>
    </Form>
  );
}
