/** `/staff/news`: every item (drafts included, last edited first) and the form for a new draft. */
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { LocalText } from '../../components/events/EventText.tsx';
import { NEWS_KIND_KEYS } from '../../components/news/NewsArticle.tsx';
import { NewsForm } from '../../components/news/NewsForm.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n, withLang } from '../../i18n.ts';
import { staffNewsList } from '../../news-api.ts';
import { invalidate, keys } from '../../queries.ts';

export function NewsStaffPage() {
  const navigate = useNavigate();
  const { lang, t } = useI18n();
  const caption = useId();
  const [page, setPage] = useState(1);
  const { state, retry } = useLoad(keys.staffNews(page), (signal) => staffNewsList(page, signal));
  useDocumentTitle(t('newsStaffTitle'), t('staffTitleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const { items, pageCount } = state.data;
  return (
    <>
      <h1>{t('newsStaffTitle')}</h1>
      <p className="lead">{t('newsStaffIntro')}</p>
      <section className="plan-section" aria-labelledby="new-news-heading">
        <h2 id="new-news-heading">{t('newsNew')}</h2>
        <NewsForm
          onSaved={async (saved) => {
            await invalidate(keys.staffNewsAll());
            navigate(withLang(`/staff/news/${saved.id}`, lang));
          }}
        />
      </section>
      <section className="plan-section" aria-labelledby="staff-news-heading">
        <h2 id="staff-news-heading">{t('newsStaffList')}</h2>
        {items.length === 0 ? (
          <p>{t('newsNone')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby={caption} tabIndex={0}>
            <table className="data-table table-left" data-testid="staff-news">
              <caption id={caption} className="visually-hidden">
                {t('newsStaffList')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('newsTitleKo')}</th>
                  <th scope="col">{t('newsKind')}</th>
                  <th scope="col">{t('colStatus')}</th>
                  <th scope="col">{t('newsUpdatedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((n) => (
                  <tr key={n.id} data-news-id={n.id}>
                    <th scope="row">
                      <Link href={`/staff/news/${n.id}`}>
                        <LocalText text={n.title} />
                      </Link>
                    </th>
                    <td>{t(NEWS_KIND_KEYS[n.kind])}</td>
                    <td>{n.published ? t('newsPublished') : t('newsDraft')}</td>
                    <td>{formatDateTime(n.updatedAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pageCount > 1 && (
          <p>
            {page > 1 && (
              <button type="button" className="button-tertiary" onClick={() => setPage(page - 1)}>
                {t('newsPrev')}
              </button>
            )}{' '}
            {t('newsPageOf', { page, count: pageCount })}{' '}
            {page < pageCount && (
              <button type="button" className="button-tertiary" onClick={() => setPage(page + 1)}>
                {t('newsNext')}
              </button>
            )}
          </p>
        )}
      </section>
    </>
  );
}
