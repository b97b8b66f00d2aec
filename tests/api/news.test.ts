/**
 * The newsroom (금융도시 홍보): notices and press releases written as drafts, edited, published and
 * unpublished by the finance-hub team; drafts never public; Korean and English with a visible
 * fallback; a lead image with its alternative text and attachments in the shared file store; the
 * RSS feed read by feedparser; every write audited. On PGlite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/executor.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import { samples } from '../support/files.ts';
import { buildApp } from '../../src/server/app.ts';
import { readFeed, readHtmlHead } from '../support/independent-web.ts';
import type { Json } from '../support/json.ts';
import { multipart, type Part } from '../support/multipart.ts';

for (const kind of DB_KINDS) {
  describe(`news on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let admin: Session;
    let officer: Session;
    let viewer: Session;

    const call = (method: 'GET' | 'PATCH' | 'POST' | 'PUT' | 'DELETE', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const send = (method: 'POST' | 'PUT', url: string, who: Session, parts: Part[]) => {
      const body = multipart(parts);
      return t.app.inject({ method, url, headers: { ...who.headers, ...body.headers }, payload: body.payload });
    };
    const audits = async (action: string) => (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = ${action}`))[0]!.n;
    const count = async (table: string) => (await rows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
    const item = {
      kind: 'press_release',
      title: { ko: '전주시, 금융중심지 지정 추진 협약 체결', en: 'Jeonju signs an agreement for the financial-center designation' },
      body: {
        ko: '전주시는 전북특별자치도·국민연금공단과 금융중심지 지정 협약을 맺었습니다.\n\n협약에 따라 세 기관은 정례 협의를 엽니다.',
        en: 'Jeonju City signed an agreement with Jeonbuk State and the National Pension Service.\n\nThe three will meet regularly.',
      },
    };

    before(async () => {
      t = await openTestApp(kind);
      manager = await staffSession(t, 'manager');
      admin = await staffSession(t, 'admin');
      officer = await staffSession(t, 'officer');
      viewer = await staffSession(t, 'viewer');
    });
    after(() => t.close());

    it('writes a draft that no public answer shows, publishes it, and unpublishes it again', async () => {
      const created = await call('POST', '/api/manage/news', manager, item);
      assert.equal(created.statusCode, 201, created.body);
      const n = created.json();
      assert.equal(n.published, false);
      assert.equal(n.publishedAt, null);
      assert.deepEqual(n.title, item.title);
      assert.equal(n.kindLabel.ko, '보도자료');
      assert.equal(n.summary.ko, '전주시는 전북특별자치도·국민연금공단과 금융중심지 지정 협약을 맺었습니다.', 'the summary is the first paragraph');

      // A draft: not in the list, the item, the feed; the staff see it.
      assert.equal((await call('GET', `/api/news/${n.id}`, null)).statusCode, 404);
      assert.equal((await call('GET', `/api/news/${n.id}`, manager)).statusCode, 404, 'the public route never shows a draft, even to staff');
      assert.equal((await call('GET', '/api/news', null)).json().total, 0);
      assert.equal(readFeed((await call('GET', '/api/news/feed.xml', null)).body).entries.length, 0);
      const staffList = (await call('GET', '/api/manage/news', manager)).json();
      assert.deepEqual(
        staffList.items.map((i: Json) => [i.id, i.published]),
        [[n.id, false]],
      );
      assert.equal((await call('GET', `/api/manage/news/${n.id}`, admin)).json().body.ko, item.body.ko, 'the preview reads the draft');

      const pub = await call('POST', `/api/manage/news/${n.id}/publish`, manager);
      assert.equal(pub.statusCode, 200, pub.body);
      const publishedAt = pub.json().publishedAt as string;
      assert.ok(publishedAt);
      const shown = await call('GET', `/api/news/${n.id}`, null);
      assert.equal(shown.statusCode, 200);
      assert.deepEqual(shown.json().body, item.body);
      assert.equal(shown.json().published, undefined, 'the public answer has no staff fields');
      assert.equal((await call('GET', '/api/news?kind=press_release', null)).json().total, 1);
      assert.equal((await call('GET', '/api/news?kind=notice', null)).json().total, 0);

      assert.equal((await call('POST', `/api/manage/news/${n.id}/unpublish`, manager)).statusCode, 200);
      assert.equal((await call('GET', `/api/news/${n.id}`, null)).statusCode, 404);
      const again = await call('POST', `/api/manage/news/${n.id}/publish`, manager);
      assert.equal(again.json().publishedAt, publishedAt, 'republishing keeps the first publication date');
      assert.equal(await audits('news.create'), 1);
      assert.equal(await audits('news.publish'), 2);
      assert.equal(await audits('news.unpublish'), 1);
      const [row] = await rows<{ actor_email: string; before: Json; after: Json }>(
        t.database.db,
        sql`select actor_email, before, after from audit_log where action = 'news.unpublish'`,
      );
      assert.equal(row!.before.published, true);
      assert.equal(row!.after.published, false);
    });

    it('edits texts; English is optional, cleared with null, and falls back visibly', async () => {
      const n = (
        await call('POST', '/api/manage/news', manager, { kind: 'notice', title: { ko: '금융아카데미 수강생 모집' }, body: { ko: '첫 문단입니다.\n\n둘째 문단입니다.' } })
      ).json();
      assert.equal(n.title.en, null);
      assert.equal(n.body.en, null);
      const edited = await call('PATCH', `/api/manage/news/${n.id}`, manager, { title: { ko: '금융아카데미 수강생 모집 안내', en: 'Financial academy: call for learners' } });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.deepEqual(edited.json().title, { ko: '금융아카데미 수강생 모집 안내', en: 'Financial academy: call for learners' });
      assert.equal(edited.json().body.ko, '첫 문단입니다.\n\n둘째 문단입니다.', 'absent fields stay');
      const cleared = await call('PATCH', `/api/manage/news/${n.id}`, manager, { title: { ko: '금융아카데미 수강생 모집 안내', en: null } });
      assert.equal(cleared.json().title.en, null);
      const [audit] = await rows<{ before: Json; after: Json }>(t.database.db, sql`select before, after from audit_log where action = 'news.edit' order by id desc limit 1`);
      assert.equal(audit!.before.title.en, 'Financial academy: call for learners');
      assert.equal(audit!.after.title.en, null);
      // CR LF in a body is stored as LF.
      const crlf = await call('PATCH', `/api/manage/news/${n.id}`, manager, { body: { ko: '가\r\n\r\n나' } });
      assert.equal(crlf.json().body.ko, '가\n\n나');
    });

    it('refuses bad input naming the field (ko/en), writing nothing', async () => {
      const before = [await count('news_items'), await count('audit_log')];
      const cases: [object, string][] = [
        [{ ...item, title: { ko: '' } }, 'title.ko'],
        [{ ...item, title: { ko: '제목\n둘째 줄' } }, 'title.ko'],
        [{ ...item, title: { ko: '제목', en: 'Title\u0007' } }, 'title.en'],
        [{ ...item, body: { ko: '본문\u0000' } }, 'body'],
        [{ ...item, body: { ko: '본문\u001b[31m' } }, 'body.ko'],
        [{ ...item, body: { ko: '본문', en: 'x'.repeat(20_001) } }, 'body.en'],
        [{ ...item, kind: 'blog' }, 'kind'],
        [{ ...item, html: '<script>' }, 'body'],
      ];
      for (const [body, field] of cases) {
        const res = await call('POST', '/api/manage/news', manager, body);
        assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
        const fields = (res.json().error.fields ?? []).map((f: Json) => f.field);
        assert.ok(
          fields.some((f: string) => f.startsWith(field)),
          `${field} named in ${JSON.stringify(fields)}`,
        );
        for (const f of res.json().error.fields ?? []) assert.ok(f.message.ko && f.message.en, 'each field message in Korean and English');
      }
      const n = (await call('GET', '/api/manage/news', manager)).json().items[0];
      const noImage = await call('PATCH', `/api/manage/news/${n.id}`, manager, { imageAlt: { ko: '사진' } });
      assert.equal(noImage.statusCode, 400);
      assert.equal(noImage.json().error.fields[0].field, 'imageAlt');
      assert.deepEqual([await count('news_items'), await count('audit_log')], before, 'refusals write nothing');
      // Only those who write news may: officers and viewers get 403.
      assert.equal((await call('POST', '/api/manage/news', officer, item)).statusCode, 403);
      assert.equal((await call('GET', '/api/manage/news', viewer)).statusCode, 403);
    });

    it('keeps a lead image with its alternative text and attachments in the file store; drafts’ files stay private', async () => {
      const n = (await call('POST', '/api/manage/news', manager, { kind: 'notice', title: { ko: '지니포럼 개최' }, body: { ko: '포럼을 엽니다.' } })).json();
      // The alternative text is required with an image, and the image must be an image (by content).
      const noAlt = await send('PUT', `/api/manage/news/${n.id}/image`, manager, [{ name: 'file', file: samples.png(), fileName: 'forum.png' }]);
      assert.equal(noAlt.statusCode, 400, noAlt.body);
      assert.equal(noAlt.json().error.fields[0].field, 'alt.ko');
      const altLine = await send('PUT', `/api/manage/news/${n.id}/image`, manager, [
        { name: 'alt.ko', value: '포럼\n사진' },
        { name: 'file', file: samples.png(), fileName: 'forum.png' },
      ]);
      assert.equal(altLine.statusCode, 400);
      assert.equal(altLine.json().error.fields[0].field, 'alt.ko');
      const pdfAsImage = await send('PUT', `/api/manage/news/${n.id}/image`, manager, [
        { name: 'alt.ko', value: '포럼 사진' },
        { name: 'file', file: samples.pdf(), fileName: 'forum.pdf' },
      ]);
      assert.equal(pdfAsImage.statusCode, 415);
      const fakePng = await send('PUT', `/api/manage/news/${n.id}/image`, manager, [
        { name: 'alt.ko', value: '포럼 사진' },
        { name: 'file', file: Buffer.from('<svg onload=alert(1)>'), fileName: 'forum.png' },
      ]);
      assert.equal(fakePng.statusCode, 415, 'an SVG (or text) named .png is refused by content');
      assert.equal(await audits('news.image'), 0);

      const img = await send('PUT', `/api/manage/news/${n.id}/image`, manager, [
        { name: 'alt.ko', value: '지니포럼 무대 사진' },
        { name: 'alt.en', value: 'The GENIE Forum stage' },
        { name: 'file', file: samples.png(), fileName: 'forum.png' },
      ]);
      assert.equal(img.statusCode, 200, img.body);
      assert.deepEqual(img.json().image.alt, { ko: '지니포럼 무대 사진', en: 'The GENIE Forum stage' });
      const imageUrl = img.json().image.url as string;
      const att = await send('POST', `/api/manage/news/${n.id}/attachments`, manager, [{ name: 'file', file: samples.pdf(), fileName: '보도자료.pdf' }]);
      assert.equal(att.statusCode, 201, att.body);
      const a = att.json().attachments[0];
      assert.equal(a.fileName, '보도자료.pdf');
      const exe = await send('POST', `/api/manage/news/${n.id}/attachments`, manager, [{ name: 'file', file: Buffer.from('MZ\x90\x00'), fileName: 'run.exe' }]);
      assert.equal(exe.statusCode, 415);

      // While a draft: 404 to the public and to staff who do not write news; the writers see them.
      for (const url of [imageUrl, a.url]) {
        assert.equal((await call('GET', url, null)).statusCode, 404, url);
        assert.equal((await call('GET', url, viewer)).statusCode, 404, url);
        assert.equal((await call('GET', url, manager)).statusCode, 200, url);
      }
      await call('POST', `/api/manage/news/${n.id}/publish`, manager);
      const image = await call('GET', imageUrl, null);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/png');
      assert.equal(image.headers['x-content-type-options'], 'nosniff');
      assert.deepEqual(image.rawPayload, samples.png());
      const file = await call('GET', a.url, null);
      assert.equal(file.statusCode, 200);
      assert.match(file.headers['content-disposition'] as string, /^attachment;/);
      assert.match(file.headers['content-disposition'] as string, /filename\*=UTF-8''%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C\.pdf/);
      assert.deepEqual(file.rawPayload, samples.pdf());
      const pub = (await call('GET', `/api/news/${n.id}`, null)).json();
      assert.equal(pub.image.url, imageUrl);
      assert.deepEqual(
        pub.attachments.map((x: Json) => x.fileName),
        ['보도자료.pdf'],
      );

      // The alternative text can be edited without a new upload.
      const alt = await call('PATCH', `/api/manage/news/${n.id}`, manager, { imageAlt: { ko: '지니포럼 개회식 무대' } });
      assert.equal(alt.statusCode, 200, alt.body);
      assert.deepEqual(alt.json().image.alt, { ko: '지니포럼 개회식 무대', en: 'The GENIE Forum stage' });

      // Removing: the attachment's bytes go from the store unless another holder keeps them.
      const sha = (await rows<{ file_sha256: string }>(t.database.db, sql`select file_sha256 from news_attachments where id = ${a.id}`))[0]!.file_sha256;
      const other = (await call('POST', '/api/manage/news', manager, { kind: 'notice', title: { ko: '같은 파일' }, body: { ko: '같은 첨부' } })).json();
      await send('POST', `/api/manage/news/${other.id}/attachments`, manager, [{ name: 'file', file: samples.pdf(), fileName: 'same.pdf' }]);
      assert.equal((await call('DELETE', `/api/manage/news/attachments/${a.id}`, manager)).statusCode, 200);
      assert.ok(await t.app.files.exists(sha), 'another item still holds the bytes');
      assert.equal((await call('GET', a.url, null)).statusCode, 404);
      const otherAtt = (await call('GET', `/api/manage/news/${other.id}`, manager)).json().attachments[0];
      assert.equal((await call('DELETE', `/api/manage/news/attachments/${otherAtt.id}`, manager)).statusCode, 200);
      assert.ok(!(await t.app.files.exists(sha)), 'the last holder gone, the file goes');
      const removed = await call('DELETE', `/api/manage/news/${n.id}/image`, manager);
      assert.equal(removed.json().image, null);
      assert.equal((await call('GET', imageUrl, null)).statusCode, 404);
      assert.deepEqual([await audits('news.image'), await audits('news.attachment'), await audits('news.attachment.remove'), await audits('news.image.remove')], [1, 2, 2, 1]);
    });

    it('pages the public list, newest first, ten a page', async () => {
      for (let i = 1; i <= 12; i++) {
        const n = (await call('POST', '/api/manage/news', manager, { kind: 'notice', title: { ko: `공지 ${i}` }, body: { ko: `공지 ${i} 본문` } })).json();
        await call('POST', `/api/manage/news/${n.id}/publish`, manager);
      }
      const p1 = (await call('GET', '/api/news?kind=notice', null)).json();
      assert.equal(p1.items.length, 10);
      assert.equal(p1.items[0].title.ko, '공지 12');
      assert.equal(p1.pageCount, 2);
      const p2 = (await call('GET', '/api/news?kind=notice&page=2', null)).json();
      assert.equal(p2.page, 2);
      assert.equal(p2.items.at(-1).title.ko, '지니포럼 개최');
      assert.equal((await call('GET', '/api/news?page=0', null)).statusCode, 400);
      assert.equal((await call('GET', '/api/news?page=01', null)).statusCode, 400);
    });

    it('publishes an RSS 2.0 feed per language that feedparser reads', async () => {
      const hostile = (
        await call('POST', '/api/manage/news', manager, {
          kind: 'press_release',
          title: { ko: '<b>굵게</b> & "따옴표" ]]> 제목' },
          body: { ko: '본문 <script>alert(1)</script> & 끝' },
        })
      ).json();
      await call('POST', `/api/manage/news/${hostile.id}/publish`, manager);
      const ko = await call('GET', '/api/news/feed.xml', null);
      assert.equal(ko.statusCode, 200);
      assert.match(ko.headers['content-type'] as string, /^application\/rss\+xml; charset=utf-8/);
      const feedKo = readFeed(ko.body);
      assert.equal(feedKo.bozo, false, feedKo.bozoException ?? '');
      assert.equal(feedKo.version, 'rss20');
      assert.equal(feedKo.feed.language, 'ko');
      assert.equal(feedKo.entries[0]!.title, '<b>굵게</b> & "따옴표" ]]> 제목', 'the title comes back as typed: escaped, not markup');
      assert.equal(feedKo.entries[0]!.link, `http://finhub.test/news/${hostile.id}`);
      assert.deepEqual(feedKo.entries[0]!.tags, ['보도자료']);
      assert.ok(feedKo.entries[0]!.published);
      assert.ok(!(feedKo.entries[0]!.summary ?? '').includes('<script'), 'feedparser finds no script in the summary');
      assert.ok(
        feedKo.entries.every((e) => !e.title.includes('공지 ') || e.link.startsWith('http://finhub.test/news/')),
        'links are absolute',
      );

      const en = readFeed((await call('GET', '/api/news/feed.xml?lang=en', null)).body);
      assert.equal(en.bozo, false);
      assert.equal(en.feed.language, 'en');
      assert.equal(en.feed.title, 'Jeonju Financial City News');
      const press = en.entries.find((e) => e.link === `http://finhub.test/news/1?lang=en`);
      assert.equal(press?.title, item.title.en);
      assert.equal(en.entries.find((e) => e.link.endsWith(`/news/${hostile.id}?lang=en`))?.title, '<b>굵게</b> & "따옴표" ]]> 제목', 'no English: the Korean title');
      assert.equal((await call('GET', '/api/news/feed.xml?lang=fr', null)).statusCode, 400);

      // The public cache keeps the feed as XML, and a publication reaches it at once.
      await t.app.publicCache.listener!.sync(); // PostgreSQL's notifications of the writes above have arrived
      await call('GET', '/api/news/feed.xml', null);
      const again = await call('GET', '/api/news/feed.xml', null);
      assert.equal(again.headers['x-finhub-cache'], 'hit');
      assert.match(again.headers['content-type'] as string, /^application\/rss\+xml; charset=utf-8/);
      assert.equal(again.body, ko.body, 'the same feed');
      assert.equal(readFeed(again.body).bozo, false);
      const later = (await call('POST', '/api/manage/news', manager, { kind: 'notice', title: { ko: '새 공지' }, body: { ko: '본문' } })).json();
      await call('POST', `/api/manage/news/${later.id}/publish`, manager);
      const fresh = await call('GET', '/api/news/feed.xml', null);
      assert.equal(fresh.headers['x-finhub-cache'], 'miss');
      assert.equal(readFeed(fresh.body).entries[0]!.title, '새 공지');
    });

    it('writes Open Graph and Twitter tags into the shared pages of news, events and sessions (read by html.parser)', async () => {
      const web = await buildApp({ config: { logLevel: 'silent', publicUrl: 'https://finhub.example.go.kr' }, database: t.database, dataDir: t.dataDir, web: true });
      try {
        const title = `"><script>alert(1)</script> & 'x' $& 협약`;
        const n = (
          await call('POST', '/api/manage/news', manager, {
            kind: 'press_release',
            title: { ko: title, en: 'Agreement <signed>' },
            body: { ko: '첫 문단 "인용" & <b>태그</b>.\n\n둘째 문단.' },
          })
        ).json();
        const img = await send('PUT', `/api/manage/news/${n.id}/image`, manager, [
          { name: 'alt.ko', value: '협약식 "사진"' },
          { name: 'file', file: samples.png(), fileName: 'a.png' },
        ]);
        assert.equal(img.statusCode, 200, img.body);
        const draft = await web.inject(`/news/${n.id}`);
        assert.equal(draft.statusCode, 404, 'a draft has no card');
        assert.equal(readHtmlHead(draft.body).meta['og:title'], undefined);
        await call('POST', `/api/manage/news/${n.id}/publish`, manager);

        const res = await web.inject(`/news/${n.id}`);
        assert.equal(res.statusCode, 200);
        assert.match(res.headers['content-type'] as string, /^text\/html/);
        assert.ok(!res.body.includes('<script>alert'), 'the title is escaped');
        const head = readHtmlHead(res.body);
        assert.deepEqual(head.strayText, [], 'nothing leaks out of an attribute');
        assert.equal(head.lang, 'ko');
        assert.equal(head.title, `${title} | 전주시 전북금융중심지`);
        assert.equal(head.meta['og:title'], title);
        assert.equal(head.meta['og:description'], '첫 문단 "인용" & <b>태그</b>.');
        assert.equal(head.meta['og:type'], 'article');
        assert.equal(head.meta['og:url'], `https://finhub.example.go.kr/news/${n.id}`);
        assert.equal(head.meta['og:image'], `https://finhub.example.go.kr${img.json().image.url}`);
        assert.equal(head.meta['og:image:alt'], '협약식 "사진"');
        assert.equal(head.meta['og:locale'], 'ko_KR');
        assert.equal(head.meta['twitter:card'], 'summary_large_image');
        for (const key of ['og:title', 'og:description', 'og:image', 'og:url', 'og:type', 'og:locale', 'twitter:card']) assert.equal(head.counts[key], 1, key);
        // The image the card names is served.
        assert.equal((await web.inject(new URL(head.meta['og:image']!).pathname + new URL(head.meta['og:image']!).search)).statusCode, 200);

        const en = readHtmlHead((await web.inject(`/news/${n.id}?lang=en`)).body);
        assert.equal(en.lang, 'en');
        assert.equal(en.meta['og:title'], 'Agreement <signed>');
        assert.equal(en.meta['og:locale'], 'en_US');
        assert.equal(en.meta['og:url'], `https://finhub.example.go.kr/news/${n.id}?lang=en`);
        assert.equal(en.meta['og:description'], '첫 문단 "인용" & <b>태그</b>.', 'no English body: the Korean summary');

        // Events and academy sessions: the site's share image, a summary card.
        const event = (
          await call('POST', '/api/events', manager, {
            kind: 'forum',
            title: { ko: '제5회 지니포럼', en: '5th GENIE Forum' },
            description: { ko: '연기금과 자산운용의 미래를 논의합니다.' },
            startsAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
            endsAt: new Date(Date.now() + 80 * 3_600_000).toISOString(),
            published: true,
          })
        ).json();
        const ev = readHtmlHead((await web.inject(`/events/${event.id}?lang=en`)).body);
        assert.equal(ev.meta['og:title'], '5th GENIE Forum');
        assert.equal(ev.meta['og:type'], 'website');
        assert.equal(ev.meta['og:image'], 'https://finhub.example.go.kr/share.png');
        assert.equal(ev.meta['twitter:card'], 'summary');
        assert.equal((await web.inject('/share.png')).statusCode, 200, 'the share image is served');
        const session = (
          await call('POST', '/api/academy/sessions', manager, {
            title: { ko: '연금 투자 기초' },
            startsAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
            endsAt: new Date(Date.now() + 50 * 3_600_000).toISOString(),
            venue: '전주시청',
            capacity: 30,
            registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
            registrationClosesAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
          })
        ).json();
        const se = readHtmlHead((await web.inject(`/academy/sessions/${session.id}`)).body);
        assert.equal(se.meta['og:title'], '연금 투자 기초');
        assert.equal(se.meta['og:url'], `https://finhub.example.go.kr/academy/sessions/${session.id}`);
        assert.ok(se.meta['og:description'], 'a session without a description gets the site description');
        for (const url of ['/news/2147483646', '/news/abc', '/events/99999', '/academy/sessions/0']) {
          const missing = await web.inject(url);
          assert.equal(missing.statusCode, 404, url);
          assert.match(missing.body, /<div id="root">/, `${url}: the app shows not found`);
        }
      } finally {
        await web.close();
      }
    });
  });
}
