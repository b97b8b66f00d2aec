/** `/facilities`: the plan's living-infrastructure facilities with their stage, progress and milestones. */
import { Link } from '../components/Link.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { STAGE_LABELS } from '../components/settlement/labels.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { localText } from '../education-format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';
import { facilities } from '../settlement-api.ts';

export function FacilitiesPage() {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.facilities(), facilities);
  useDocumentTitle(t('facilitiesTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  return (
    <>
      <h1>{t('facilitiesTitle')}</h1>
      <p className="lead">{t('facilitiesIntro')}</p>
      <ul className="plan-list" data-testid="facility-list">
        {state.data.items.map((f) => (
          <li key={f.id} className="plan-card" data-testid="facility-card" data-stage={f.stage}>
            <h2>
              <Link href={`/facilities/${f.id}`}>{localText(f.name, lang)}</Link>
            </h2>
            <dl className="summary-list facts">
              <div>
                <dt>{t('facilityStage')}</dt>
                <dd>
                  <span className="badge">{t(STAGE_LABELS[f.stage])}</span>
                </dd>
              </div>
              <div>
                <dt>{t('facilityProgress')}</dt>
                <dd>
                  <ProgressBar value={f.progress} whole label={t('facilityProgressLabel', { name: localText(f.name, lang) })} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
