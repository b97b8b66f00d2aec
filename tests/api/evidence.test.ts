/** Evidence: files checked by content and stored once by SHA-256, links, publishing, safe download headers. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createTestDepartment, ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { FILE_STORES } from '../support/s3.ts';
import { samples } from '../support/files.ts';
import { multipart, type Part } from '../support/multipart.ts';
import { actionAt, countRows, planActions, RUNNING_TABLES, type SeedAction } from '../support/running.ts';
import type { Json } from '../support/json.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file in the store (PostgreSQL's table, PGlite's folder, or the S3 bucket), by hash. */
const storedFiles = (t: TestApp) => t.app.files.list();

for (const { kind, s3, name: storeName } of FILE_STORES) {
  describe(`evidence on ${storeName}`, () => {
    let t: TestApp;
    let planId: number;
    let actions: SeedAction[];
    let action: SeedAction;
    let manager: Session;
    let officerA: Session;
    let officerB: Session;
    let viewer: Session;

    const upload = (who: Session | null, parts: Part[], actionId = action.id) => {
      const body = multipart(parts);
      return t.app.inject({
        method: 'POST',
        url: `/api/actions/${actionId}/evidence`,
        headers: { ...(who ? who.headers : { origin: ORIGIN }), ...body.headers },
        payload: body.payload,
      });
    };
    const file = (bytes: Buffer, fileName: string, extra: Part[] = []): Part[] => [{ name: 'title', value: `증빙 ${fileName}` }, { name: 'file', file: bytes, fileName }, ...extra];
    const call = (method: 'GET' | 'PATCH' | 'POST' | 'DELETE', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const state = async () => ({ rows: await countRows(t, RUNNING_TABLES), files: await storedFiles(t) });

    before(async () => {
      t = await openTestApp(kind, { s3 });
      planId = (await seedPlanIfEmpty(t.database.db))!;
      actions = await planActions(t, planId);
      action = actionAt(actions, 2023, 'Q3', 2);
      const deptA = (await createTestDepartment(t.database)).id;
      manager = await staffSession(t, 'manager');
      officerA = await staffSession(t, 'officer', deptA);
      officerB = await staffSession(t, 'officer', (await createTestDepartment(t.database)).id);
      viewer = await staffSession(t, 'viewer');
      await call('PATCH', `/api/actions/${action.id}/assignment`, manager, { ownerDepartmentId: deptA });
    });
    after(() => t.close());

    it('accepts every allowed kind, recognised by content, and stores each content once by SHA-256', async () => {
      const cases: [Buffer, string, string][] = [
        [samples.pdf(), '결과보고.pdf', 'application/pdf'],
        [samples.png(), 'photo.png', 'image/png'],
        [samples.jpeg(), 'photo.jpg', 'image/jpeg'],
        [samples.gif(), 'anim.gif', 'image/gif'],
        [samples.webp(), 'pic.webp', 'image/webp'],
        [samples.txt(), 'memo.txt', 'text/plain'],
        [samples.csv(), 'attendance.csv', 'text/csv'],
        [await samples.xlsx(), '집행내역.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        [samples.docx(), 'minutes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        [samples.pptx(), 'slides.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
        [samples.hwp(), '공문.hwp', 'application/x-hwp'],
        [samples.hwpx(), '공문.hwpx', 'application/hwp+zip'],
      ];
      for (const [bytes, name, mimeType] of cases) {
        const res = await upload(officerA, file(bytes, name, [{ name: 'published', value: 'false' }]));
        assert.equal(res.statusCode, 201, `${name}: ${res.body}`);
        const e = res.json();
        assert.deepEqual([e.kind, e.fileName, e.mimeType, e.sizeBytes, e.published, e.actionId], ['file', name, mimeType, bytes.length, false, action.id]);
        assert.equal(e.url, `/api/evidence/${e.id}/file`);
        assert.deepEqual(await t.app.files.read(sha256(bytes)), bytes, name);
      }
      const before = await storedFiles(t);
      assert.equal(before.length, cases.length);
      const again = await upload(manager, file(samples.pdf(), 'copy.pdf'));
      assert.equal(again.statusCode, 201);
      assert.deepEqual(await storedFiles(t), before, 'the same content is stored once');
      // exactly 10 MB is accepted (the JSON body limit does not apply to uploads)
      const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 - 9, 0x20)]);
      const bigRes = await upload(manager, file(big, 'big.pdf'));
      assert.equal(bigRes.statusCode, 201, bigRes.body.slice(0, 300));
      assert.equal(bigRes.json().sizeBytes, 10 * 1024 * 1024);
      // a name without an extension gets the content's
      const bare = await upload(manager, file(samples.png(), 'scan'));
      assert.equal(bare.json().fileName, 'scan.png');
    });

    it('refuses other types, contradicting names, empty, missing and oversized files — and writes nothing', async () => {
      const before = await state();
      const refusals: [Part[], number, string][] = [
        [file(samples.exe(), 'setup.exe'), 415, 'file'],
        [file(samples.exe(), 'report.pdf'), 415, 'file'],
        [file(samples.plainZip(), 'data.xlsx'), 415, 'file'],
        [file(samples.msWordDoc(), 'old.hwp'), 415, 'file'],
        [file(samples.latin1Text(), 'notes.txt'), 415, 'file'],
        [file(samples.png(), 'chart.pdf'), 415, 'file'],
        [file(Buffer.from('<script>alert(1)</script>'), 'page.html'), 415, 'file'],
        [file(Buffer.alloc(0), 'empty.txt'), 400, 'file'],
        [[{ name: 'title', value: '파일 없음' }], 400, 'file'],
        [file(samples.pdf(), 'a.pdf', [{ name: 'published', value: 'yes' }]), 400, 'published'],
        [
          [
            { name: 'title', value: 'x'.repeat(201) },
            { name: 'file', file: samples.pdf(), fileName: 'a.pdf' },
          ],
          400,
          'title',
        ],
        [[...file(samples.pdf(), 'a.pdf'), { name: 'owner', value: '1' }], 400, 'owner'],
        [[...file(samples.pdf(), 'a.pdf'), { name: 'file', file: samples.png(), fileName: 'b.png' }], 400, 'file'],
        [file(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]), 'huge.pdf'), 413, 'file'],
      ];
      for (const [parts, status, field] of refusals) {
        const res = await upload(manager, parts);
        const label = parts.map((p) => ('fileName' in p ? p.fileName : p.name)).join(',');
        assert.equal(res.statusCode, status, `${label}: ${res.body.slice(0, 300)}`);
        const { error } = res.json();
        assert.ok(error.message.ko && error.message.en, label);
        assert.equal(error.fields?.[0]?.field, field, `${label}: ${JSON.stringify(error)}`);
      }
      const json = await call('POST', `/api/actions/${action.id}/evidence`, manager, { title: 'json', file: 'AAAA' });
      assert.equal(json.statusCode, 415);
      assert.match(json.json().error.message.en, /multipart/);
      assert.deepEqual(await state(), before);
    });

    it('lets only editors of the action’s department attach, and answers 404 for an unknown action', async () => {
      const before = await state();
      assert.equal((await upload(officerB, file(samples.txt(), 'x.txt'))).statusCode, 403);
      assert.equal((await upload(viewer, file(samples.txt(), 'x.txt'))).statusCode, 403);
      assert.equal((await upload(null, file(samples.txt(), 'x.txt'))).statusCode, 401);
      assert.equal((await upload(manager, file(samples.txt(), 'x.txt'), 999999)).statusCode, 404);
      assert.equal((await call('POST', `/api/actions/${action.id}/links`, officerB, { title: 'x', url: 'https://example.org' })).statusCode, 403);
      assert.deepEqual(await state(), before);
    });

    it('adds http and https links only', async () => {
      const ok = await call('POST', `/api/actions/${action.id}/links`, officerA, { title: '보도자료', url: 'https://www.jeonju.go.kr/news/1?a=b', published: true });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual([ok.json().kind, ok.json().url, ok.json().published, ok.json().fileName], ['link', 'https://www.jeonju.go.kr/news/1?a=b', true, null]);
      assert.equal((await call('POST', `/api/actions/${action.id}/links`, manager, { title: 'http', url: 'http://example.org/a' })).statusCode, 201);
      const before = await state();
      for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.org/f', 'file:///etc/passwd', 'not a url', 'https://user:pw@example.org/']) {
        const res = await call('POST', `/api/actions/${action.id}/links`, manager, { title: '링크', url });
        assert.equal(res.statusCode, 400, url);
        assert.equal(res.json().error.fields[0].field, 'url', url);
        assert.ok(res.json().error.fields[0].message.ko);
      }
      for (const payload of [{ url: 'https://a.kr' }, { title: '', url: 'https://a.kr' }, { title: 'a', url: 'https://a.kr', published: 'yes' }]) {
        assert.equal((await call('POST', `/api/actions/${action.id}/links`, manager, payload)).statusCode, 400, JSON.stringify(payload));
      }
      assert.deepEqual(await state(), before);
    });

    it('serves published files to anyone and unpublished ones to staff only, always as a sandboxed attachment', async () => {
      const bytes = Buffer.from('<html><script>alert(document.cookie)</script></html>\n');
      const res = await upload(manager, file(bytes, '회의 결과.txt', [{ name: 'published', value: 'true' }]));
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id;
      const got = await call('GET', `/api/evidence/${id}/file`, null);
      assert.equal(got.statusCode, 200);
      assert.deepEqual(got.rawPayload, bytes);
      assert.equal(got.headers['content-type'], 'text/plain; charset=utf-8');
      assert.match(String(got.headers['content-disposition']), /^attachment; filename="[^"]*\.txt"; filename\*=UTF-8''%ED%9A%8C%EC%9D%98%20/);
      assert.equal(got.headers['x-content-type-options'], 'nosniff');
      assert.match(String(got.headers['content-security-policy']), /sandbox/);
      assert.match(String(got.headers['content-security-policy']), /default-src 'none'/);

      const hidden = (await upload(manager, file(samples.pdf(), 'internal.pdf'))).json();
      assert.equal(hidden.published, false);
      assert.equal((await call('GET', `/api/evidence/${hidden.id}/file`, null)).statusCode, 404);
      const staff = await call('GET', `/api/evidence/${hidden.id}/file`, viewer);
      assert.equal(staff.statusCode, 200);
      assert.equal(staff.headers['cache-control'], 'private, no-store');
      assert.equal((await call('GET', '/api/evidence/999999/file', viewer)).statusCode, 404);

      // the public plan lists published evidence only, without file details; staff see all
      const pub = (await call('GET', `/api/plans/${planId}`, null)).json();
      const pubAction = pub.schedule.flatMap((e: Json) => e.actions).find((a: Json) => a.id === action.id);
      assert.ok(pubAction.evidence.length >= 2);
      for (const e of pubAction.evidence) assert.deepEqual(Object.keys(e).sort(), ['id', 'kind', 'title', 'url']);
      assert.ok(pubAction.evidence.some((e: Json) => e.id === id && e.url === `/api/evidence/${id}/file`));
      assert.ok(!pubAction.evidence.some((e: Json) => e.id === hidden.id));
      const staffPlan = (await call('GET', `/api/manage/plans/${planId}`, viewer)).json();
      const staffAction = staffPlan.schedule.flatMap((e: Json) => e.actions).find((a: Json) => a.id === action.id);
      const staffHidden = staffAction.evidence.find((e: Json) => e.id === hidden.id);
      assert.deepEqual([staffHidden.published, staffHidden.fileName, staffHidden.mimeType], [false, 'internal.pdf', 'application/pdf']);
    });

    it('renames, publishes and deletes evidence with audit rows; the file goes when nothing else holds it', async () => {
      const bytes = Buffer.from(`고유한 내용 ${Date.now()}`);
      const a = (await upload(officerA, file(bytes, 'one.txt'))).json();
      const b = (await upload(officerA, file(bytes, 'two.txt'))).json();
      const stored = sha256(bytes);

      const renamed = await call('PATCH', `/api/evidence/${a.id}`, officerA, { title: '새 제목', published: true });
      assert.equal(renamed.statusCode, 200);
      assert.deepEqual([renamed.json().title, renamed.json().published], ['새 제목', true]);
      assert.equal((await call('GET', `/api/evidence/${a.id}/file`, null)).statusCode, 200);
      await call('PATCH', `/api/evidence/${a.id}`, officerA, { published: false });
      assert.equal((await call('GET', `/api/evidence/${a.id}/file`, null)).statusCode, 404, 'unpublished again');

      const before = await state();
      assert.equal((await call('PATCH', `/api/evidence/${a.id}`, officerB, { title: 'x' })).statusCode, 403);
      assert.equal((await call('PATCH', `/api/evidence/${a.id}`, manager, { title: '' })).statusCode, 400);
      assert.equal((await call('PATCH', `/api/evidence/${a.id}`, manager, {})).statusCode, 400);
      assert.equal((await call('DELETE', `/api/evidence/${a.id}`, officerB)).statusCode, 403);
      assert.equal((await call('DELETE', `/api/evidence/${a.id}`, viewer)).statusCode, 403);
      assert.equal((await call('DELETE', '/api/evidence/999999', manager)).statusCode, 404);
      assert.deepEqual(await state(), before);

      assert.equal((await call('DELETE', `/api/evidence/${a.id}`, officerA)).statusCode, 204);
      assert.ok(await t.app.files.exists(stored), 'still held by the other evidence');
      assert.equal((await call('GET', `/api/evidence/${b.id}/file`, viewer)).statusCode, 200);
      assert.equal((await call('DELETE', `/api/evidence/${b.id}`, manager)).statusCode, 204);
      assert.equal(await t.app.files.exists(stored), false, 'the last holder is gone, so is the file');
      assert.equal((await call('GET', `/api/evidence/${b.id}/file`, viewer)).statusCode, 404);

      const audit = (await call('GET', `/api/audit?entity=evidence&entityId=${a.id}`, manager)).json().items;
      assert.deepEqual(
        audit.map((r: Json) => r.action),
        ['evidence.delete', 'evidence.update', 'evidence.update', 'evidence.create'],
      );
      assert.equal(audit[2].before.title, '증빙 one.txt');
      assert.equal(audit[2].after.title, '새 제목');
      assert.equal(audit[3].after.sha256, sha256(bytes));
    });
  });
}
