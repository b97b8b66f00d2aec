/** Audit rows: when, what happened in words (who, which record, what change), from where; before/after in a disclosure. */
import { useId } from 'react';
import { auditSentence } from '../../audit-words.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import type { AuditRow } from '../../staff-api.ts';

const json = (value: unknown) => (value === null || value === undefined ? '–' : JSON.stringify(value, null, 1));

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const { lang, t } = useI18n();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table table-left audit-table" data-testid="audit-table">
        <caption id={captionId} className="visually-hidden">
          {t('auditCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('auditAt')}</th>
            <th scope="col">{t('auditWhat')}</th>
            <th scope="col">{t('auditIp')}</th>
            <th scope="col">{t('auditChange')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="audit-row">
              <td>
                <time dateTime={row.at}>{formatDateTime(row.at, lang)}</time>
              </td>
              <td className="wrap" data-testid="audit-sentence">
                {auditSentence(row, lang)}
              </td>
              <td>{row.ip ?? '–'}</td>
              <td className="wrap">
                {row.before === null && row.after === null ? (
                  '–'
                ) : (
                  <details className="audit-change">
                    <summary>{t('auditShowChange')}</summary>
                    <p className="list-label">{t('auditBefore')}</p>
                    <pre>{json(row.before)}</pre>
                    <p className="list-label">{t('auditAfter')}</p>
                    <pre>{json(row.after)}</pre>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
