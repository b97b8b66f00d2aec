/**
 * Calls for the newsroom (금융도시 홍보). Shapes are the server's zod schemas in
 * src/modules/news/api-schema.ts, imported as types only (zod stays out of the bundle).
 */
import type { z } from 'zod';
import type { NewsBody, NewsPageSchema, NewsPatchBody, PublicNewsSchema, StaffNewsPageSchema, StaffNewsSchema } from '../modules/news/api-schema.ts';
import { request } from './api-client.ts';

export type NewsPage = z.infer<typeof NewsPageSchema>;
export type NewsSummary = NewsPage['items'][number];
export type PublicNews = z.infer<typeof PublicNewsSchema>;
export type StaffNews = z.infer<typeof StaffNewsSchema>;
export type StaffNewsPage = z.infer<typeof StaffNewsPageSchema>;
export type NewsKind = NewsSummary['kind'];
export const NEWS_KINDS: readonly NewsKind[] = ['notice', 'press_release'];

const listQuery = (kind: NewsKind | null, page: number) => {
  const q = new URLSearchParams();
  if (kind) q.set('kind', kind);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const newsList = (kind: NewsKind | null, page: number, signal?: AbortSignal) => request<NewsPage>(`/api/news${listQuery(kind, page)}`, { signal });
export const newsItem = (id: number, signal?: AbortSignal) => request<PublicNews>(`/api/news/${id}`, { signal });

export const staffNewsList = (page: number, signal?: AbortSignal) => request<StaffNewsPage>(`/api/manage/news${listQuery(null, page)}`, { signal });
export const staffNewsItem = (id: number, signal?: AbortSignal) => request<StaffNews>(`/api/manage/news/${id}`, { signal });
export const createNews = (body: z.input<typeof NewsBody>) => request<StaffNews>('/api/manage/news', { method: 'POST', json: body });
export const editNews = (id: number, body: z.input<typeof NewsPatchBody>) => request<StaffNews>(`/api/manage/news/${id}`, { method: 'PATCH', json: body });
export const publishNews = (id: number, publish: boolean) => request<StaffNews>(`/api/manage/news/${id}/${publish ? 'publish' : 'unpublish'}`, { method: 'POST' });
export function setNewsImage(id: number, file: File, alt: { ko: string; en: string }) {
  const form = new FormData();
  form.append('alt.ko', alt.ko);
  if (alt.en.trim()) form.append('alt.en', alt.en);
  form.append('file', file);
  return request<StaffNews>(`/api/manage/news/${id}/image`, { method: 'PUT', form });
}
export const removeNewsImage = (id: number) => request<StaffNews>(`/api/manage/news/${id}/image`, { method: 'DELETE' });
export function addNewsAttachment(id: number, file: File) {
  const form = new FormData();
  form.append('file', file);
  return request<StaffNews>(`/api/manage/news/${id}/attachments`, { method: 'POST', form });
}
export const removeNewsAttachment = (attachmentId: number) => request<StaffNews>(`/api/manage/news/attachments/${attachmentId}`, { method: 'DELETE' });
