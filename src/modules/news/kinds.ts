/** The kinds of news item, with the labels the pages and the feed show. */
export const NEWS_KINDS = ['notice', 'press_release'] as const;
export type NewsKind = (typeof NEWS_KINDS)[number];

export const NEWS_KIND_LABELS: Record<NewsKind, { ko: string; en: string }> = {
  notice: { ko: '공지사항', en: 'Notice' },
  press_release: { ko: '보도자료', en: 'Press release' },
};
