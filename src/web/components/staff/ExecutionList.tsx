/** The executions (집행 내역) of a plan, in the order the server sends them; managers correct them in place or delete. */
import { Fragment, useId, useState } from 'react';
import { formatEok, formatWon } from '../../format.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { deleteExecution, type Execution } from '../../staff-api.ts';
import { ButtonText } from './ButtonText.tsx';
import { failureText, FormAlert, StatusMessage, useEditing } from '../../forms/index.ts';
import { ExecutionForm, type FormProps } from './LedgerForms.tsx';

function DeleteButton({ execution, onDeleted }: { execution: Execution; onDeleted: () => void }) {
  const { lang, t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation();
  const name = `${execution.executedOn} ${execution.description}`;
  const remove = async () => {
    const ok = await mutation.run(() => deleteExecution(execution.id).then(() => true));
    setConfirming(false);
    if (ok) onDeleted();
  };
  const failure = failureText(mutation.error, lang, t);
  return (
    <>
      {confirming ? (
        <>
          <button type="button" className="button-small button-danger" onClick={remove} disabled={mutation.busy} data-testid="confirm-delete">
            <ButtonText text={t('confirmDelete')} object={name} />
          </button>{' '}
          <button type="button" className="button-small" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </>
      ) : (
        <button type="button" className="button-small" onClick={() => setConfirming(true)} data-testid="delete-execution">
          <ButtonText text={t('deleteNamed')} object={name} />
        </button>
      )}
      <FormAlert message={failure} />
    </>
  );
}

/** The table; a manager's "수정" opens the execution's form in a row under it. */
export function ExecutionList({
  executions,
  canManage,
  onChanged,
  form,
}: {
  executions: Execution[];
  canManage: boolean;
  onChanged: () => void;
  form: Omit<FormProps, 'onSaved'>;
}) {
  const { t } = useI18n();
  const captionId = useId();
  const edit = useEditing();
  if (executions.length === 0) return <p>{t('executionsEmpty')}</p>;
  const columns = canManage ? 6 : 5;
  return (
    <>
      <StatusMessage message={edit.done} />
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table table-left" data-testid="executions-table">
          <caption id={captionId} className="visually-hidden">
            {t('executionsCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('executedOn')}</th>
              <th scope="col">{t('colSource')}</th>
              <th scope="col">{t('colYear')}</th>
              <th scope="col">{t('amountEokWon')}</th>
              <th scope="col">{t('description')}</th>
              {canManage && <th scope="col">{t('manage')}</th>}
            </tr>
          </thead>
          <tbody>
            {executions.map((e) => {
              const name = `${e.executedOn} ${e.description}`;
              return (
                <Fragment key={e.id}>
                  <tr data-testid="execution-row" data-execution-id={e.id}>
                    <td>{e.executedOn}</td>
                    <td>{e.sourceLabel}</td>
                    <td>{e.year}</td>
                    <td>
                      {formatEok(e.amountKrw)} <span className="won-detail">({formatWon(e.amountKrw)}원)</span>
                    </td>
                    <td className="wrap">{e.description}</td>
                    {canManage && (
                      <td>
                        {edit.button(e.id, name, 'edit-execution')} <DeleteButton execution={e} onDeleted={onChanged} />
                      </td>
                    )}
                  </tr>
                  {edit.editing === e.id && (
                    <tr>
                      <td colSpan={columns}>
                        {edit.frame(
                          e.id,
                          name,
                          <ExecutionForm
                            {...form}
                            execution={e}
                            onSaved={() => {
                              edit.saved(name);
                              onChanged();
                            }}
                          />,
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
