/**
 * The pages people share — a news item, an event, an academy session — served as index.html with
 * their Open Graph / Twitter tags (src/server/share-tags.ts), so a link pasted into a messenger
 * or social site shows the title, summary and image. Only what is public gets a card: a draft, an
 * unpublished event or an unknown id answers 404 with the plain page (the app shows not found).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getSession } from '../modules/education/academy/sessions.ts';
import { loadEvent } from '../modules/events/core/event-row.ts';
import { imageUrl, summaryOf } from '../modules/news/presenters.ts';
import { loadNews } from '../modules/news/read.ts';
import { ASSETS } from './auth.ts';
import { AppError } from './errors.ts';
import { type ShareCard, withShareTags } from './share-tags.ts';

type Lang = 'ko' | 'en';
type Card = Omit<ShareCard, 'lang' | 'siteName' | 'url' | 'image' | 'imageAlt' | 'largeImage'> & { image?: { path: string; alt: string } };

const SITE_NAME: Record<Lang, string> = { ko: '전주시 전북금융중심지', en: 'Jeonju City · Jeonbuk Financial Center' };
const SITE_DESCRIPTION: Record<Lang, string> = {
  ko: '전주시 전북금융중심지 공약의 추진 현황과 소식입니다.',
  en: "Progress and news of Jeonju City's Jeonbuk financial-center pledge.",
};
const ID = /^[1-9]\d{0,9}$/;
const MAX_ID = 2_147_483_647;

const text = (ko: string, en: string | null | undefined, lang: Lang) => (lang === 'en' && en ? en : ko);

/** Each shared page: its path pattern and how to read its card (null: not public). */
const PAGES: { url: string; card: (app: FastifyInstance, id: number, lang: Lang) => Promise<Card | null> }[] = [
  {
    url: '/news/:id',
    card: async (app, id, lang) => {
      const { row } = await loadNews(app.db, id, { publicOnly: true });
      return {
        type: 'article',
        title: text(row.titleKo, row.titleEn, lang),
        description: summaryOf(text(row.bodyKo, row.bodyEn, lang), 200),
        image: row.imageSha256 ? { path: imageUrl(row), alt: text(row.imageAltKo ?? '', row.imageAltEn, lang) } : undefined,
      };
    },
  },
  {
    url: '/events/:id',
    card: async (app, id, lang) => {
      const e = await loadEvent(app.db, id, { publicOnly: true });
      return { type: 'website', title: text(e.titleKo, e.titleEn, lang), description: summaryOf(text(e.descriptionKo ?? '', e.descriptionEn, lang), 200) };
    },
  },
  {
    url: '/academy/sessions/:id',
    card: async (app, id, lang) => {
      const s = await getSession(app.db, id);
      return {
        type: 'website',
        title: text(s.title.ko ?? '', s.title.en, lang),
        description: s.description ? summaryOf(text(s.description.ko ?? '', s.description.en, lang), 200) : '',
      };
    },
  },
];

/** Registers the shared pages beside the front end in `webRoot` (only when it is built). */
export function registerSharePages(app: FastifyInstance, { webRoot, publicUrl }: { webRoot: string; publicUrl: string }): void {
  const base = publicUrl.replace(/\/+$/, '');
  for (const page of PAGES) {
    app.get(page.url, { config: { policy: ASSETS } }, async (req: FastifyRequest, reply: FastifyReply) => {
      const html = await fs.promises.readFile(path.join(webRoot, 'index.html'), 'utf8');
      const lang: Lang = (req.query as { lang?: string }).lang === 'en' ? 'en' : 'ko';
      const raw = (req.params as { id: string }).id;
      let card: Card | null = null;
      if (ID.test(raw) && Number(raw) <= MAX_ID) {
        try {
          card = await page.card(app, Number(raw), lang);
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
        }
      }
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
      if (!card) return reply.status(404).send(html);
      const pagePath = page.url.replace(':id', raw);
      return reply.send(
        withShareTags(html, {
          ...card,
          description: card.description || SITE_DESCRIPTION[lang],
          lang,
          siteName: SITE_NAME[lang],
          url: `${base}${pagePath}${lang === 'en' ? '?lang=en' : ''}`,
          image: `${base}${card.image?.path ?? '/share.png'}`,
          imageAlt: card.image?.alt || SITE_NAME[lang],
          largeImage: card.image !== undefined,
        }),
      );
    });
  }
}
