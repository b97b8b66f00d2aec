/** `/facilities/:id`: one facility's public page: stage, progress, milestones, budget, department and site photos. */
import { ProgressBar } from '../components/ProgressBar.tsx';
import { SOURCE_LABELS, STAGE_LABELS } from '../components/settlement/labels.ts';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { localText } from '../education-format.ts';
import { formatEok } from '../format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';
import { FACILITY_STAGES, facility } from '../settlement-api.ts';

export function FacilityPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.facility(id), (signal) => facility(id, signal));
  const name = state.status === 'ok' ? localText(state.data.name, lang) : null;
  useDocumentTitle(name, t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const f = state.data;
  return (
    <>
      <h1 data-testid="facility-name">{name}</h1>
      {f.description && <p className="lead">{localText(f.description, lang)}</p>}
      <dl className="summary-list facts" data-testid="facility-facts">
        <div>
          <dt>{t('facilityStage')}</dt>
          <dd>
            <ol className="stage-steps" data-testid="facility-stage" data-stage={f.stage}>
              {FACILITY_STAGES.map((s) => (
                <li key={s} aria-current={s === f.stage ? 'step' : undefined} className={FACILITY_STAGES.indexOf(s) <= FACILITY_STAGES.indexOf(f.stage) ? 'reached' : undefined}>
                  {t(STAGE_LABELS[s])}
                </li>
              ))}
            </ol>
          </dd>
        </div>
        <div>
          <dt>{t('facilityProgress')}</dt>
          <dd>
            <ProgressBar value={f.progress} whole label={t('facilityProgressLabel', { name: name ?? '' })} testId="facility-progress" />
          </dd>
        </div>
        <div>
          <dt>{t('facilityDepartment')}</dt>
          <dd>{f.department ? (lang === 'en' && f.department.nameEn ? f.department.nameEn : f.department.name) : t('notSet')}</dd>
        </div>
      </dl>

      <section className="plan-section" aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t('facilityMilestones')}</h2>
        <div className="table-scroll">
          <table className="data-table" data-testid="facility-milestones">
            <thead>
              <tr>
                <th scope="col">{t('milestoneName')}</th>
                <th scope="col">{t('milestonePlanned')}</th>
                <th scope="col">{t('milestoneDone')}</th>
              </tr>
            </thead>
            <tbody>
              {f.milestones.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{localText(m.name, lang)}</th>
                  <td>{m.plannedOn ?? t('notSet')}</td>
                  <td>{m.doneOn ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="plan-section" aria-labelledby="budget-heading">
        <h2 id="budget-heading">{t('facilityBudget')}</h2>
        {f.budget.lines.length === 0 ? (
          <p>{t('facilityBudgetNone')}</p>
        ) : (
          <dl className="summary-list facts" data-testid="facility-budget">
            {f.budget.lines.map((l) => (
              <div key={l.source}>
                <dt>{t(SOURCE_LABELS[l.source])}</dt>
                <dd>{t('totalBudgetValue', { amount: formatEok(l.amountWon), krw: '' }).replace(' ()', '')}</dd>
              </div>
            ))}
            <div>
              <dt>{t('facilityBudgetTotal')}</dt>
              <dd>{t('totalBudgetValue', { amount: formatEok(f.budget.totalWon), krw: '' }).replace(' ()', '')}</dd>
            </div>
          </dl>
        )}
      </section>

      <section className="plan-section" aria-labelledby="photos-heading">
        <h2 id="photos-heading">{t('facilityPhotos')}</h2>
        {f.photos.length === 0 ? (
          <p>{t('facilityNoPhotos')}</p>
        ) : (
          <ul className="photo-grid" data-testid="facility-photos">
            {f.photos.map((p) => (
              <li key={p.id}>
                <figure>
                  <img src={p.url} alt={p.caption ?? t('photoTakenOn', { date: p.takenOn })} loading="lazy" />
                  <figcaption>
                    {p.caption ? `${p.caption} · ` : ''}
                    {t('photoTakenOn', { date: p.takenOn })}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
