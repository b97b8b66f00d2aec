/** `/news`: notices and press releases, newest first, ten a page, filtered by kind (`?kind=&page=`). */
import { useSearchParams } from 'react-router';
import { Link } from '../components/Link.tsx';
import { NEWS_KIND_KEYS } from '../components/news/NewsArticle.tsx';
import { NewsList } from '../components/news/NewsList.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { NEWS_KINDS, type NewsKind, newsList } from '../news-api.ts';
import { keys } from '../queries.ts';

const hrefOf = (kind: NewsKind | null, page: number) => {
  const q = new URLSearchParams();
  if (kind) q.set('kind', kind);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `/news?${s}` : '/news';
};

function Pages({ kind, page, pageCount }: { kind: NewsKind | null; page: number; pageCount: number }) {
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav className="news-pages" aria-label={t('newsPagination')} data-testid="news-pages">
      <p className="muted">{t('newsPageOf', { page, count: pageCount })}</p>
      <ul>
        {page > 1 && (
          <li>
            <Link href={hrefOf(kind, page - 1)} rel="prev">
              {t('newsPrev')}
            </Link>
          </li>
        )}
        {Array.from({ length: pageCount }, (_, i) => i + 1)
          .filter((p) => Math.abs(p - page) <= 2 || p === 1 || p === pageCount)
          .map((p) => (
            <li key={p}>
              <Link href={hrefOf(kind, p)} aria-current={p === page ? 'page' : undefined} aria-label={t('newsPageN', { page: p })}>
                {p}
              </Link>
            </li>
          ))}
        {page < pageCount && (
          <li>
            <Link href={hrefOf(kind, page + 1)} rel="next">
              {t('newsNext')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function NewsPage() {
  const { lang, t } = useI18n();
  const [params] = useSearchParams();
  const rawKind = params.get('kind');
  const kind = NEWS_KINDS.includes(rawKind as NewsKind) ? (rawKind as NewsKind) : null;
  const rawPage = params.get('page');
  const page = rawPage && /^[1-9]\d{0,4}$/.test(rawPage) ? Number(rawPage) : 1;
  const { state, retry } = useLoad(keys.news(kind, page), (signal) => newsList(kind, page, signal));
  useDocumentTitle(t('newsTitle'), t('titleSuffix'));
  if (state.status === 'error' || state.status === 'notFound') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  return (
    <>
      <h1>{t('newsTitle')}</h1>
      <p className="lead">{t('newsIntro')}</p>
      <nav aria-label={t('newsFilterLabel')} className="news-filter">
        <ul>
          {[null, ...NEWS_KINDS].map((k) => (
            <li key={k ?? 'all'}>
              <Link href={hrefOf(k, 1)} aria-current={k === kind ? 'page' : undefined}>
                {k ? t(NEWS_KIND_KEYS[k]) : t('newsAll')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <NewsList items={state.data.items} />
          <Pages kind={kind} page={state.data.page} pageCount={state.data.pageCount} />
        </>
      )}
      <p className="news-feed-link">
        <a href={lang === 'en' ? '/api/news/feed.xml?lang=en' : '/api/news/feed.xml'} type="application/rss+xml">
          {t('newsFeed')}
        </a>
      </p>
    </>
  );
}
