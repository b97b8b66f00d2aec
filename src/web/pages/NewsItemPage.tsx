/** `/news/:id`: one published notice or press release. */
import { Link } from '../components/Link.tsx';
import { NewsArticle, pick } from '../components/news/NewsArticle.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { newsItem } from '../news-api.ts';
import { keys } from '../queries.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function NewsItemPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.newsItem(id), (signal) => newsItem(id, signal));
  useDocumentTitle(state.status === 'ok' ? pick(state.data.title, lang).text : null, t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  return (
    <>
      <nav aria-label={t('breadcrumbLabel')} className="breadcrumb">
        <ol>
          <li>
            <Link href="/">{t('home')}</Link>
          </li>
          <li>
            <Link href="/news">{t('newsTitle')}</Link>
          </li>
        </ol>
      </nav>
      <NewsArticle news={state.data} />
      <p>
        <Link href="/news">{t('newsBackToList')}</Link>
      </p>
    </>
  );
}
