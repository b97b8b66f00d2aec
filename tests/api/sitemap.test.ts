/**
 * sitemap.xml and robots.txt, on PGlite and PostgreSQL: the sitemap validated by lxml (python3,
 * Debian) against the sitemaps.org 0.9 schema (tests/fixtures/sitemap-0.9.xsd), with the public
 * pages, every plan, published events only and academy sessions, each with its lastmod; robots.txt
 * keeps crawlers out of the staff area, the API and personal links, and names the sitemap.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../support/app.ts';
import { DB_KINDS } from '../support/db.ts';
import { python } from '../support/independent.ts';
import { staffSession, type Session } from '../support/auth.ts';

const XSD = path.resolve(import.meta.dirname, '../fixtures/sitemap-0.9.xsd');
const READ = `
import json, sys
from lxml import etree
schema = etree.XMLSchema(etree.parse(sys.argv[1]))
doc = etree.fromstring(sys.stdin.buffer.read())
ok = schema.validate(doc)
ns = {'s': 'http://www.sitemaps.org/schemas/sitemap/0.9'}
print(json.dumps({'valid': ok, 'errors': [str(e) for e in schema.error_log],
  'urls': [{'loc': u.findtext('s:loc', namespaces=ns), 'lastmod': u.findtext('s:lastmod', namespaces=ns)} for u in doc.findall('s:url', ns)]}))
`;

interface Reading {
  valid: boolean;
  errors: string[];
  urls: { loc: string; lastmod: string | null }[];
}

for (const kind of DB_KINDS) {
  describe(`sitemap.xml and robots.txt, ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
    });
    after(async () => t.close());

    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, headers: manager.headers, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: number };
    };

    it('lists public pages, plans, published events and academy sessions with lastmod, valid against the 0.9 schema', async () => {
      const event = await post('/api/events', {
        kind: 'seminar',
        title: { ko: '금융세미나 & 토론', en: 'Seminar' },
        startsAt: '2027-03-17T09:00:00+09:00',
        endsAt: '2027-03-17T18:00:00+09:00',
        venue: { ko: '전주', en: 'Jeonju' },
        published: true,
      });
      const hidden = await post('/api/events', {
        kind: 'seminar',
        title: { ko: '비공개 행사', en: 'Hidden' },
        startsAt: '2027-03-18T09:00:00+09:00',
        endsAt: '2027-03-18T18:00:00+09:00',
        venue: { ko: '전주', en: 'Jeonju' },
        published: false,
      });
      const session = await post('/api/academy/sessions', {
        title: { ko: '금융아카데미 1강', en: 'Academy 1' },
        startsAt: '2027-03-10T19:00:00+09:00',
        endsAt: '2027-03-10T21:00:00+09:00',
        venue: '전주시청 강당',
        capacity: 30,
        registrationOpensAt: '2027-03-01T09:00:00+09:00',
        registrationClosesAt: '2027-03-09T18:00:00+09:00',
      });
      const plans = (await t.app.inject('/api/plans')).json().items as { id: number }[];

      const res = await t.app.inject('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^application\/xml/);
      const read = python<Reading>(READ, res.rawPayload, [XSD]);
      assert.deepEqual(read.errors, []);
      assert.equal(read.valid, true);
      const locs = read.urls.map((u) => u.loc);
      const base = 'http://finhub.test'; // openTestApp's FINHUB_PUBLIC_URL
      for (const p of ['/', '/academy', '/events', '/privacy', '/copyright', '/accessibility']) assert.ok(locs.includes(base + p), p);
      for (const p of plans) assert.ok(locs.includes(`${base}/plans/${p.id}`), `plan ${p.id}`);
      assert.ok(locs.includes(`${base}/events/${event.id}`));
      assert.ok(!locs.includes(`${base}/events/${hidden.id}`), 'an unpublished event stays out');
      assert.ok(locs.includes(`${base}/academy/sessions/${session.id}`));
      assert.ok(!locs.some((l) => l.includes('/staff') || l.includes('/api/') || l.includes('/registrations/')));
      for (const u of read.urls.filter((x) => /\/(plans|events|academy\/sessions)\/\d+$/.test(x.loc))) {
        assert.match(u.lastmod ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, u.loc);
        assert.ok(Date.parse(u.lastmod!) <= Date.now());
      }
    });

    it('keeps crawlers out of the staff area, the API and personal links, and points to the sitemap', async () => {
      const res = await t.app.inject('/robots.txt');
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^text\/plain/);
      const lines = res.body.split('\n');
      for (const rule of [
        'User-agent: *',
        'Disallow: /staff',
        'Disallow: /api/',
        'Disallow: /registrations/',
        'Allow: /api/events/*/calendar.ics',
        'Sitemap: http://finhub.test/sitemap.xml',
      ]) {
        assert.ok(lines.includes(rule), rule);
      }
    });
  });
}
