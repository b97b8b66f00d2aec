/**
 * sitemap.xml (sitemaps.org 0.9) and robots.txt for search engines: the public pages of the web
 * route table, each plan, each published event and each academy session, with the date it last
 * changed; robots.txt keeps crawlers out of the staff area and the API (but for what a public
 * page links to as a file of its own: calendars) and points to the sitemap.
 */
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { ROUTE_PATHS, type RouteName } from '../../web/route-paths.ts';
import { academySessions } from '../education/schema.ts';
import { events } from '../events/schema.ts';
import { plans } from '../plan/schema.ts';

/** The public pages worth a search result (forms reached from another page, and token links, are not). */
const CRAWLED: readonly RouteName[] = [
  'home',
  'academy',
  'school',
  'events',
  'training',
  'facilities',
  'settlement',
  'settlementBoard',
  'ordinance',
  'attraction',
  'openData',
  'privacy',
  'copyright',
  'accessibility',
];

interface Entry {
  path: string;
  lastmod: Date | null;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
/** W3C datetime, to the second, in UTC. */
const w3c = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/** When the pages themselves last changed: the build of the front end, when it is served. */
function builtAt(indexHtml: string | undefined): Date | null {
  if (!indexHtml) return null;
  try {
    return fs.statSync(indexHtml).mtime;
  } catch {
    return null;
  }
}

export async function sitemapXml(db: Executor, publicUrl: string, indexHtml?: string): Promise<string> {
  const [planRows, eventRows, sessionRows] = await Promise.all([
    db.select({ id: plans.id, updatedAt: plans.updatedAt }).from(plans).orderBy(plans.id),
    db.select({ id: events.id, updatedAt: events.updatedAt }).from(events).where(eq(events.published, true)).orderBy(events.id),
    db.select({ id: academySessions.id, updatedAt: academySessions.updatedAt }).from(academySessions).orderBy(academySessions.id),
  ]);
  const built = builtAt(indexHtml);
  const entries: Entry[] = [
    ...CRAWLED.map((name) => ({ path: ROUTE_PATHS[name], lastmod: built })),
    ...planRows.map((r) => ({ path: ROUTE_PATHS.plan.replace(':id', String(r.id)), lastmod: r.updatedAt })),
    ...eventRows.map((r) => ({ path: ROUTE_PATHS.event.replace(':id', String(r.id)), lastmod: r.updatedAt })),
    ...sessionRows.map((r) => ({ path: ROUTE_PATHS.academySession.replace(':id', String(r.id)), lastmod: r.updatedAt })),
  ];
  const urls = entries.map((e) => `  <url>\n    <loc>${escapeXml(publicUrl + e.path)}</loc>\n${e.lastmod ? `    <lastmod>${w3c(e.lastmod)}</lastmod>\n` : ''}  </url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(publicUrl: string): string {
  return [
    'User-agent: *',
    // The calendar files public pages offer are worth indexing; the rest of the API is not.
    'Allow: /api/events/*/calendar.ics',
    'Allow: /api/academy/sessions/*/calendar.ics',
    'Disallow: /api/',
    'Disallow: /staff',
    // Personal status links (registrations, applications, certificates): never in an index.
    'Disallow: /registrations/',
    'Disallow: /surveys/',
    'Disallow: /school/applications/',
    'Disallow: /training/status/',
    'Disallow: /certificates/',
    'Disallow: /settlement/feedback/track/',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
