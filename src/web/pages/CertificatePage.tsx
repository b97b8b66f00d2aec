/** `/certificates/:code`: anyone checks a training certificate — valid or revoked, course, cohort, date, masked holder. */
import { localText } from '../education-format.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';
import { verifyCertificate } from '../training-api.ts';

export function CertificatePage({ token: code }: { token: string }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.certificate(code), (signal) => verifyCertificate(code, signal));
  useDocumentTitle(t('certificateCheckTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  return (
    <>
      <h1>{t('certificateCheckTitle')}</h1>
      {state.status === 'notFound' ? (
        <p className="form-alert" role="alert" data-testid="certificate-unknown">
          {t('certificateUnknown', { code })}
        </p>
      ) : (
        <>
          <p className={state.data.valid ? 'form-received' : 'form-alert'} data-testid="certificate-validity" data-valid={String(state.data.valid)}>
            {state.data.valid ? t('certificateValid') : t('certificateRevokedPublic')}
          </p>
          <dl className="summary-list facts" data-testid="certificate-facts">
            <div>
              <dt>{t('certificateCode')}</dt>
              <dd>{code}</dd>
            </div>
            <div>
              <dt>{t('certificateHolder')}</dt>
              <dd data-testid="certificate-holder">{state.data.holder}</dd>
            </div>
            <div>
              <dt>{t('trainingCourse')}</dt>
              <dd>
                {localText(state.data.course, lang)} {state.data.cohort}
              </dd>
            </div>
            <div>
              <dt>{t('completedOn')}</dt>
              <dd>{state.data.completedOn}</dd>
            </div>
          </dl>
        </>
      )}
    </>
  );
}
