/** A list of news items (the news page and the home page): kind, title, date and summary. */
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import type { NewsSummary } from '../../news-api.ts';
import { LocalText } from '../events/EventText.tsx';
import { Link } from '../Link.tsx';
import { NEWS_KIND_KEYS } from './NewsArticle.tsx';

export function NewsList({ items, testId = 'news-list', heading: Heading = 'h2' }: { items: NewsSummary[]; testId?: string; heading?: 'h2' | 'h3' }) {
  const { lang, t } = useI18n();
  if (items.length === 0) return <p>{t('newsNone')}</p>;
  return (
    <ul className="news-list" data-testid={testId}>
      {items.map((n) => (
        <li key={n.id} className="news-row" data-testid="news-row">
          <p className="news-meta">
            <span className="badge">{t(NEWS_KIND_KEYS[n.kind])}</span> {n.publishedAt && <time dateTime={n.publishedAt}>{formatDate(n.publishedAt, lang)}</time>}
          </p>
          <Heading className="news-row-title">
            <Link href={`/news/${n.id}`}>
              <LocalText text={n.title} />
            </Link>
          </Heading>
          <LocalText text={n.summary} as="p" className="news-summary" />
        </li>
      ))}
    </ul>
  );
}
