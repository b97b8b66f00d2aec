/**
 * The audit trail in words, on PGlite and PostgreSQL: each row keeps its record's title (an
 * action's text) and names its person masked; Korean words in the title are found (ILIKE on the
 * stored title), wildcards typed are taken literally; person and kind filters and their options.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { subjectOf } from '../../src/modules/audit/service.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { planActions } from '../support/running.ts';

for (const kind of DB_KINDS) {
  describe(`audit trail in words on ${kind}`, () => {
    let t: TestApp;
    let manager: Session;
    let forumAction: { id: number; text: string };
    let otherAction: { id: number; text: string };

    const call = (method: 'GET' | 'PATCH', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const audit = async (query: string) => {
      const res = await call('GET', `/api/audit?${query}`, manager);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    before(async () => {
      t = await openTestApp(kind);
      const planId = (await seedPlanIfEmpty(t.database.db))!;
      const actions = await planActions(t, planId);
      forumAction = actions.find((a) => a.text.includes('제4회 지니포럼'))!;
      otherAction = actions.find((a) => !a.text.includes('지니포럼'))!;
      assert.ok(forumAction && otherAction);
      manager = await staffSession(t, 'manager');
    });
    after(() => t.close());

    it("keeps the record's title and the person, masked, on each row", async () => {
      assert.equal((await call('PATCH', `/api/actions/${forumAction.id}`, manager, { status: 'done', progress: 100 })).statusCode, 200);
      assert.equal((await call('PATCH', `/api/actions/${otherAction.id}`, manager, { status: 'on_track', progress: 30 })).statusCode, 200);
      const list = await audit('entity=action&action=action.update');
      const row = list.items.find((r: Json) => r.entityId === String(forumAction.id));
      assert.equal(row.subject, forumAction.text);
      assert.match(row.actorName, /^.\*+.?$/u, 'the name is masked');
      assert.deepEqual([row.before.status, row.after.status], ['planned', 'done']);
    });

    it('finds Korean words in titles, and takes wildcards literally', async () => {
      const found = await audit('q=지니포럼');
      assert.ok(found.total >= 1);
      assert.ok(found.items.every((r: Json) => r.subject.includes('지니포럼')));
      assert.ok(found.items.some((r: Json) => r.entityId === String(forumAction.id)));
      assert.ok(!found.items.some((r: Json) => r.entityId === String(otherAction.id)));
      assert.equal((await audit(`q=${encodeURIComponent('제4회 지니')}`)).total, found.total, 'a phrase with a space');
      assert.equal((await audit('q=%25')).total, 0, 'a typed % is a percent sign, not a wildcard');
      assert.equal((await audit('q=_')).total, 0);
      assert.equal((await audit('q=없는낱말')).total, 0);
      assert.equal((await call('GET', '/api/audit?q=%07', manager)).statusCode, 400, 'control characters are refused');
    });

    it('filters by person and offers the people and kinds to choose from', async () => {
      const other = await staffSession(t, 'manager');
      const facets = (await call('GET', '/api/audit/facets', manager)).json();
      assert.ok(facets.entities.includes('action'));
      assert.ok(facets.actions.includes('action.update'));
      const me = (await call('GET', '/api/auth/me', manager)).json().user;
      const option = facets.actors.find((a: Json) => a.id === me.id);
      assert.ok(option, 'the manager who changed something');
      assert.ok(!option.label.includes(me.name) || [...me.name].length < 2, 'masked');
      assert.ok(!option.label.includes(me.email), 'the e-mail masked');
      assert.equal((await audit(`actorId=${me.id}&entity=action`)).total, 2);
      const otherMe = (await call('GET', '/api/auth/me', other)).json().user;
      assert.equal((await audit(`actorId=${otherMe.id}&entity=action`)).total, 0);
    });

    it("never takes a person's name as a title", () => {
      assert.equal(subjectOf('registration', { name: '홍길동', status: 'confirmed' }), null);
      assert.equal(subjectOf('user', { name: '김금융', role: 'manager' }), null);
      assert.equal(subjectOf('department', { name: '금융산업과' }), '금융산업과');
      assert.equal(subjectOf('event', { title: { ko: '제5회 지니포럼', en: 'GENIE Forum 5' } }), '제5회 지니포럼');
    });
  });
}
