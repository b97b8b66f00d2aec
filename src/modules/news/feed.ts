/**
 * The newsroom's RSS 2.0 feed, one per language (feed, jpmonette: it escapes every text for XML).
 * An item without English appears in the English feed in Korean, as the pages show it.
 */
import { Feed } from 'feed';
import type { Executor } from '../../db/executor.ts';
import { NEWS_KIND_LABELS } from './kinds.ts';
import { summaryOf } from './presenters.ts';
import { latestNews } from './read.ts';

const FEED_SIZE = 20;

const TITLES = {
  ko: { title: '전주시 금융도시 소식', description: '전북금융중심지 공약 관련 전주시의 공지사항과 보도자료입니다.' },
  en: { title: 'Jeonju Financial City News', description: "Jeonju City's notices and press releases on the Jeonbuk financial-center pledge." },
} as const;

export async function newsFeed(db: Executor, publicUrl: string, lang: 'ko' | 'en'): Promise<string> {
  const base = publicUrl.replace(/\/+$/, '');
  const rows = await latestNews(db, FEED_SIZE);
  const pageUrl = (path: string) => (lang === 'en' ? `${base}${path}?lang=en` : `${base}${path}`);
  const feed = new Feed({
    id: pageUrl('/news'),
    link: pageUrl('/news'),
    title: TITLES[lang].title,
    description: TITLES[lang].description,
    language: lang,
    copyright: '© Jeonju City',
    updated: rows[0]?.updatedAt ?? new Date(0),
    generator: 'finhub',
    feedLinks: { rss: `${base}/api/news/feed.xml${lang === 'en' ? '?lang=en' : ''}` },
  });
  for (const r of rows) {
    const en = lang === 'en';
    feed.addItem({
      id: `${base}/news/${r.id}`,
      guid: `${base}/news/${r.id}`,
      link: pageUrl(`/news/${r.id}`),
      title: (en && r.titleEn) || r.titleKo,
      description: summaryOf((en && r.bodyEn) || r.bodyKo, 300),
      date: r.publishedAt!,
      category: [{ name: NEWS_KIND_LABELS[r.kind][lang] }],
    });
  }
  return feed.rss2();
}
