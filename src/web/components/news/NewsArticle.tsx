/**
 * A news item as citizens read it: kind, title, date, lead image with its alternative text, the
 * body in paragraphs (plain text: React escapes it, nothing is read as HTML) and attachments.
 * The staff preview renders the same component, so what is previewed is what is published.
 */
import type { ReactNode } from 'react';
import { formatBytes, formatDate } from '../../format.ts';
import { useI18n, type Lang } from '../../i18n.ts';
import type { NewsKind, PublicNews } from '../../news-api.ts';
import { LocalText } from '../events/EventText.tsx';

export const NEWS_KIND_KEYS = { notice: 'newsKindNotice', press_release: 'newsKindPress' } as const satisfies Record<NewsKind, string>;

type Text = { ko: string; en: string | null };

/** The text in the reader's language, else the Korean with its language and whether it fell back. */
export function pick(text: Text, lang: Lang): { text: string; lang: Lang; fallback: boolean } {
  if (lang === 'en' && text.en) return { text: text.en, lang: 'en', fallback: false };
  return { text: text.ko, lang: 'ko', fallback: lang === 'en' };
}

/** Paragraphs are separated by a blank line; single line breaks stay inside a paragraph (CSS pre-line). */
function Paragraphs({ text }: { text: Text }): ReactNode {
  const { lang, t } = useI18n();
  const picked = pick(text, lang);
  const paragraphs = picked.text.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <div className="news-body" lang={picked.fallback ? picked.lang : undefined} data-testid="news-body">
      {picked.fallback && (
        <p className="fallback-note" data-testid="fallback-note" lang={lang}>
          {t('koreanOnly')}
        </p>
      )}
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

export function NewsArticle({ news, headingLevel = 1 }: { news: PublicNews; headingLevel?: 1 | 2 }) {
  const { lang, t } = useI18n();
  const alt = news.image ? pick(news.image.alt, lang) : null;
  const Heading = headingLevel === 1 ? 'h2' : 'h3';
  return (
    <article className="news-article" data-testid="news-article">
      <p className="event-kind">
        <span className="badge">{t(NEWS_KIND_KEYS[news.kind])}</span>
      </p>
      <LocalText text={news.title} as={headingLevel === 1 ? 'h1' : 'h2'} testId="news-title" />
      {news.publishedAt && (
        <p className="muted">
          {t('newsPublishedOn')} <time dateTime={news.publishedAt}>{formatDate(news.publishedAt, lang)}</time>
        </p>
      )}
      {news.image && alt && (
        <figure className="news-image">
          <img src={news.image.url} alt={alt.text} lang={alt.fallback ? 'ko' : undefined} data-testid="news-image" />
        </figure>
      )}
      <Paragraphs text={news.body} />
      {news.attachments.length > 0 && (
        <div className="news-attachments">
          <Heading>{t('newsAttachments')}</Heading>
          <ul className="evidence-list" data-testid="news-attachments">
            {news.attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url} download>
                  {a.fileName}
                </a>{' '}
                <span className="muted">({formatBytes(a.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
