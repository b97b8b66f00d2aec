/** `/open-data`: the open-data catalogue — each dataset with its 기준일, licence, fields and CSV/JSON downloads. */
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { formatDateTime } from '../format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { openDataCatalogue, type OpenDataset } from '../opendata-api.ts';
import { keys } from '../queries.ts';

export function OpenDataPage() {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.openData(), (signal) => openDataCatalogue(signal));
  useDocumentTitle(t('openDataTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const { datasets } = state.data;
  return (
    <>
      <h1>{t('openDataTitle')}</h1>
      <p className="lead">{t('openDataIntro')}</p>
      <p data-testid="open-data-license">
        {t('openDataLicense')}{' '}
        <a href={datasets[0]?.licenseUrl ?? 'https://www.kogl.or.kr/info/licenseType1.do'} rel="license noopener" target="_blank">
          {t('openDataLicenseLink')}
        </a>
      </p>
      <p>{t('openDataApi', { url: '/api/open-data' })}</p>
      {datasets.length === 0 ? (
        <p>{t('openDataEmpty')}</p>
      ) : (
        <ul className="open-data-list">
          {datasets.map((d) => (
            <DatasetItem key={d.id} d={d} />
          ))}
        </ul>
      )}
    </>
  );
}

function DatasetItem({ d }: { d: OpenDataset }) {
  const { lang, t } = useI18n();
  const title = d.title[lang];
  return (
    <li className="open-data-item" data-testid={`dataset-${d.id}`}>
      <h2 id={`dataset-${d.id}`}>{title}</h2>
      <p>{d.description[lang]}</p>
      <dl className="open-data-facts">
        <dt>{t('openDataUpdated')}</dt>
        <dd>{d.updatedAt ? <time dateTime={d.updatedAt}>{formatDateTime(d.updatedAt, lang)}</time> : t('openDataNoData')}</dd>
        <dt>{t('openDataRecordCount')}</dt>
        <dd>{t('openDataRecords', { count: d.recordCount.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB') })}</dd>
      </dl>
      <ul className="open-data-downloads" aria-labelledby={`dataset-${d.id}`}>
        {d.formats.map((f) => (
          <li key={f.format}>
            <a href={f.url} download={f.format === 'csv' ? `${d.id}.csv` : undefined} aria-label={t('openDataDownload', { title, format: f.format.toUpperCase() })}>
              {f.format.toUpperCase()}
            </a>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('openDataFields', { count: d.fields.length })}</summary>
        <table className="open-data-fields">
          <thead>
            <tr>
              <th scope="col">{t('openDataFieldName')}</th>
              <th scope="col">{t('openDataFieldId')}</th>
              <th scope="col">{t('openDataFieldType')}</th>
            </tr>
          </thead>
          <tbody>
            {d.fields.map((f) => (
              <tr key={f.id}>
                <td>{f.title[lang]}</td>
                <td lang="en">
                  <code>{f.id}</code>
                </td>
                <td>{t(`fieldType_${f.type}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </li>
  );
}
