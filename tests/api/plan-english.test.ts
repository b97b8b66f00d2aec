/**
 * English for the plan's own texts: staff fill in a sheet of every Korean text (title, pledge,
 * phases and items, goals, actions, effects); the public plan carries each English beside its
 * Korean (null where none is given, so the page can show the Korean, marked); bad keys and
 * control characters are refused naming the field, and nothing is written.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../src/db/schema.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession, type Session } from '../support/auth.ts';
import { DB_KINDS } from '../support/db.ts';
import type { Json } from '../support/json.ts';
import { countRows, RUNNING_TABLES } from '../support/running.ts';

for (const kind of DB_KINDS) {
  describe(`plan English texts on ${kind}`, () => {
    let t: TestApp;
    let planId: number;
    let manager: Session;
    let officer: Session;
    let viewer: Session;

    const call = (method: 'GET' | 'PUT', url: string, who: Session | null, payload?: object) =>
      t.app.inject({ method, url, headers: who ? who.headers : { origin: ORIGIN }, ...(payload ? { payload } : {}) });
    const sheet = async () => (await call('GET', `/api/manage/plans/${planId}/english`, viewer)).json();

    before(async () => {
      t = await openTestApp(kind);
      planId = (await seedPlanIfEmpty(t.database.db))!;
      manager = await staffSession(t, 'manager');
      officer = await staffSession(t, 'officer');
      viewer = await staffSession(t, 'viewer');
    });
    after(() => t.close());

    it('lists every text of the plan once, in page order, all without English at first', async () => {
      const s = await sheet();
      const plan = (await call('GET', `/api/plans/${planId}`, null)).json();
      const kinds = (k: string) => s.items.filter((i: Json) => i.kind === k);
      assert.deepEqual(
        s.items.slice(0, 2).map((i: Json) => [i.key, i.ko]),
        [
          ['title', plan.title],
          ['pledge', plan.pledge],
        ],
      );
      assert.equal(kinds('phase').length, plan.phases.length);
      assert.equal(
        kinds('action').length,
        plan.schedule.reduce((n: number, e: Json) => n + e.actions.length, 0),
      );
      assert.equal(
        kinds('goal').length,
        plan.schedule.reduce((n: number, e: Json) => n + e.goals.length, 0),
      );
      assert.deepEqual(
        kinds('effect').map((i: Json) => i.ko),
        plan.effects,
      );
      assert.equal(new Set(s.items.map((i: Json) => i.key)).size, s.items.length, 'keys are unique');
      assert.equal(s.missing, s.items.length);
      assert.equal(plan.titleEn, null);
      assert.ok(plan.schedule[0].actions.every((a: Json) => a.textEn === null));
    });

    it('saves English for some texts; the public plan and list carry it beside the Korean, the rest stays null; audited', async () => {
      const s = await sheet();
      const action = s.items.find((i: Json) => i.kind === 'action');
      const goal = s.items.find((i: Json) => i.kind === 'goal');
      const phase = s.items.find((i: Json) => i.kind === 'phase');
      const phaseItem = s.items.find((i: Json) => i.kind === 'phaseItem');
      const texts = [
        { key: 'title', en: 'Cooperation and groundwork for designating Jeonbuk as a financial center' },
        { key: 'pledge', en: 'Jeonbuk financial center' },
        { key: 'effect:1', en: 'More financial jobs in Jeonju' },
        { key: action.key, en: '  Hold the GENIE Forum  ' },
        { key: goal.key, en: 'Build the network' },
        { key: phase.key, en: 'Preparation' },
        { key: phaseItem.key, en: 'Research' },
      ];
      const res = await call('PUT', `/api/plans/${planId}/english`, manager, { texts });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().missing, s.items.length - texts.length);

      const plan = (await call('GET', `/api/plans/${planId}`, null)).json();
      assert.equal(plan.titleEn, texts[0]!.en);
      assert.equal(plan.pledgeEn, 'Jeonbuk financial center');
      assert.deepEqual(plan.effectsEn.slice(0, 2), [null, 'More financial jobs in Jeonju']);
      assert.equal(plan.effectsEn.length, plan.effects.length);
      const actions = plan.schedule.flatMap((e: Json) => e.actions);
      assert.equal(actions.find((a: Json) => `action:${a.id}` === action.key).textEn, 'Hold the GENIE Forum', 'trimmed');
      assert.equal(actions.filter((a: Json) => a.textEn !== null).length, 1);
      const entry = plan.schedule.find((e: Json) => e.goalsEn.some((g: string | null) => g !== null));
      assert.equal(entry.goalsEn.length, entry.goals.length);
      assert.equal(plan.phases.find((p: Json) => `phase:${p.id}` === phase.key).nameEn, 'Preparation');
      assert.ok(JSON.stringify(plan.phases).includes('"textEn":"Research"'));
      const list = (await call('GET', '/api/plans', null)).json();
      assert.equal(list.items.find((p: Json) => p.id === planId).titleEn, texts[0]!.en);

      const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'plan.english.update')).orderBy(desc(auditLog.id)).limit(1);
      assert.ok(audit, 'audited');
      assert.equal((audit.after as Json)[action.key], 'Hold the GENIE Forum');
      assert.equal((audit.before as Json).title, null);

      // Removing one: empty or null both clear it.
      const cleared = await call('PUT', `/api/plans/${planId}/english`, manager, {
        texts: [
          { key: 'effect:1', en: '' },
          { key: goal.key, en: null },
        ],
      });
      assert.equal(cleared.statusCode, 200, cleared.body);
      const again = (await call('GET', `/api/plans/${planId}`, null)).json();
      assert.ok(again.effectsEn.every((e: string | null) => e === null));
      assert.ok(again.schedule.every((e: Json) => e.goalsEn.every((g: string | null) => g === null)));
    });

    it('refuses keys of another plan or none, control characters and non-managers, naming the field, writing nothing', async () => {
      const before = await countRows(t, RUNNING_TABLES);
      const sheetBefore = await sheet();
      for (const [texts, field] of [
        [
          [
            { key: 'title', en: 'ok' },
            { key: 'action:2147483000', en: 'nope' },
          ],
          'texts.1.key',
        ],
        [[{ key: `effect:${sheetBefore.items.filter((i: Json) => i.kind === 'effect').length}`, en: 'x' }], 'texts.0.key'],
        [[{ key: 'title', en: 'bell\u0007' }], 'texts.0.en'],
        [[{ key: 'title', en: 'line\nbreak' }], 'texts.0.en'],
        [[{ key: 'title; drop', en: 'x' }], 'texts.0.key'],
        [[{ key: 'title', en: 'x'.repeat(1001) }], 'texts.0.en'],
      ] as const) {
        const res = await call('PUT', `/api/plans/${planId}/english`, manager, { texts });
        assert.equal(res.statusCode, 400, `${JSON.stringify(texts)}: ${res.body}`);
        const error = res.json().error;
        assert.ok(
          error.fields.some((f: Json) => f.field === field && f.message.ko && f.message.en),
          res.body,
        );
      }
      assert.equal((await call('PUT', `/api/plans/${planId}/english`, officer, { texts: [{ key: 'title', en: 'x' }] })).statusCode, 403);
      assert.equal((await call('PUT', `/api/plans/${planId}/english`, null, { texts: [{ key: 'title', en: 'x' }] })).statusCode, 401);
      assert.equal((await call('PUT', '/api/plans/999999/english', manager, { texts: [{ key: 'title', en: 'x' }] })).statusCode, 404);
      assert.deepEqual(await countRows(t, RUNNING_TABLES), before);
      assert.deepEqual(await sheet(), sheetBefore);
    });
  });
}
