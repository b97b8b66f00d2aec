/**
 * Readers written by other people for what the public web side produces (issue 13), beside
 * independent.ts: feeds through feedparser (python3-feedparser, which also reports whether the
 * XML was well formed: `bozo`), and the <head> of served pages through python's html.parser.
 */
import { python } from './independent.ts';

export interface FeedReading {
  bozo: boolean;
  bozoException: string | null;
  version: string;
  feed: { title: string | null; link: string | null; language: string | null };
  entries: { title: string; link: string; id: string | null; summary: string | null; published: string | null; tags: string[] }[];
}

/** feedparser: the feed's version (rss20, atom10 …), its texts and every entry. */
export const readFeed = (xml: string | Buffer) =>
  python<FeedReading>(
    `
import json, sys, time, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
def when(e):
    t = e.get('published_parsed')
    return None if t is None else time.strftime('%Y-%m-%dT%H:%M:%SZ', t)
print(json.dumps({
  'bozo': bool(d.bozo), 'bozoException': str(d.get('bozo_exception')) if d.bozo else None, 'version': d.version,
  'feed': {k: d.feed.get(k) for k in ('title', 'link', 'language')},
  'entries': [{'title': e.get('title'), 'link': e.get('link'), 'id': e.get('id'), 'summary': e.get('summary'),
               'published': when(e), 'tags': [t.get('term') for t in e.get('tags', [])]} for e in d.entries],
}))
`,
    xml,
  );
export interface HtmlHead {
  lang: string | null;
  title: string | null;
  /** <meta property="…"> and <meta name="…"> contents, by that name (the last one wins; `counts` shows repeats). */
  meta: Record<string, string>;
  counts: Record<string, number>;
  /** Whether html.parser met any markup inside <head> it did not expect (a broken attribute leaks as text or tags). */
  strayText: string[];
  links: { rel: string; href: string }[];
}

/** python's html.parser: the document's language, title and <meta> tags, as a browser's parser would split them. */
export const readHtmlHead = (html: string) =>
  python<HtmlHead>(
    `
import json, sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.r = {'lang': None, 'title': None, 'meta': {}, 'counts': {}, 'strayText': [], 'links': []}
        self.in_head = False; self.in_title = False; self.title = ''
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'html': self.r['lang'] = a.get('lang')
        if tag == 'head': self.in_head = True
        if tag == 'title': self.in_title = True
        if tag == 'meta' and self.in_head:
            key = a.get('property') or a.get('name')
            if key:
                self.r['meta'][key] = a.get('content')
                self.r['counts'][key] = self.r['counts'].get(key, 0) + 1
        if tag == 'link' and self.in_head: self.r['links'].append({'rel': a.get('rel'), 'href': a.get('href')})
    def handle_endtag(self, tag):
        if tag == 'head': self.in_head = False
        if tag == 'title':
            self.in_title = False; self.r['title'] = self.title
    def handle_data(self, data):
        if self.in_title: self.title += data
        elif self.in_head and data.strip(): self.r['strayText'].append(data.strip())
p = P(); p.feed(sys.stdin.read()); p.close()
print(json.dumps(p.r))
`,
    html,
  );
