/** The plan API and storage, on PGlite and on PostgreSQL alike. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { parsePlanText } from '../../src/modules/plan/importer/parse.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { importPlan } from '../../src/modules/plan/service.ts';
import type { NormalizedPlan } from '../../src/modules/plan/types.ts';
import { AppError } from '../../src/server/errors.ts';
import { DB_KINDS } from '../support/db.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { seedText } from '../support/fixtures.ts';
import { planText } from '../support/plan-text.ts';
import { rows } from '../../src/db/executor.ts';

/**
 * What the API adds to the normalized plan: ids everywhere, the running state (status, progress,
 * evidence, figures, ledger), the 기준일 of its figures (asOf) and the English staff give beside each
 * Korean text (…En).
 */
const ADDED = new Set(['id', 'status', 'progress', 'evidence', 'figures', 'ledger', 'titleEn', 'pledgeEn', 'nameEn', 'textEn', 'effectsEn', 'goalsEn', 'asOf']);

/** The normalized part of a stored plan, to compare with the importer's output. */
function normalizedPart(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizedPart);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !ADDED.has(k))
        .map(([k, v]) => [k, normalizedPart(v)]),
    );
  }
  return value;
}

interface PlanBody {
  schedule: { figures: object; actions: { status: string; progress: number; evidence: unknown[] }[] }[];
  figures: { overall: { counted: number } };
  ledger: { plannedKrw: number; executedKrw: number };
}

/** A freshly imported plan: every action planned at 0 % with no evidence, figures at zero, nothing executed. */
function assertFresh(body: PlanBody): void {
  const actions = body.schedule.flatMap((e) => e.actions);
  assert.ok(actions.length > 0);
  for (const a of actions) assert.deepEqual([a.status, a.progress, a.evidence], ['planned', 0, []]);
  for (const e of body.schedule) assert.equal((e.figures as { done: number }).done, 0);
  assert.deepEqual(body.figures.overall, { progressRate: 0, completionRate: 0, counted: actions.length, done: 0 });
  assert.equal(body.ledger.executedKrw, 0);
}

const TABLES = ['plans', 'plan_contents', 'budget_lines', 'phases', 'phase_items', 'schedule_entries', 'goals', 'actions'];

for (const kind of DB_KINDS) {
  describe(`plan API on ${kind}`, () => {
    let t: TestApp;
    let seedId: number;
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const table of TABLES) {
        const [count] = await rows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`));
        out[table] = Number(count!.n);
      }
      return out;
    };

    before(async () => {
      t = await openTestApp(kind);
      seedId = (await seedPlanIfEmpty(t.database.db))!;
    });
    after(() => t.close());

    it('reports health and the database kind', async () => {
      const res = await t.app.inject('/api/health');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok', db: kind });
    });

    it('loads the seed plan once, and lists it', async () => {
      assert.equal(await seedPlanIfEmpty(t.database.db), null, 'a second start must not import again');
      const res = await t.app.inject('/api/plans');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().items, [
        {
          id: seedId,
          category: '도시',
          number: 10,
          pledge: '100만 통합 전주 광역도시 생활권 조성',
          title: '전북금융중심지 지정을 위한 협력 및 기반 구축',
          pledgeEn: null,
          titleEn: null,
          period: { start: 2022, end: 2026 },
          totalBudgetKrw: 1_410_000_000,
        },
      ]);
    });

    it('returns the stored plan in the importer’s normalized shape, plus ids', async () => {
      const res = await t.app.inject(`/api/plans/${seedId}`);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.id, seedId);
      assert.equal(typeof body.schedule[0].actions[0].id, 'number');
      assert.equal(typeof body.phases[0].items[0].children[0].id, 'number');
      assert.deepEqual(normalizedPart(body), parsePlanText(seedText()));
      assertFresh(body);
      // planned = the within-term years: 소계 11.7억 over '22–'26 (the '27~ column read as '26)
      assert.equal(body.ledger.plannedKrw, 1_170_000_000);
    });

    it('round-trips a plan with several sources, money after the term and deep phase items', async () => {
      const plan = parsePlanText(planText());
      const { id } = await importPlan(t.database.db, plan);
      const res = await t.app.inject(`/api/plans/${id}`);
      assert.deepEqual(normalizedPart(res.json()), plan);
      assertFresh(res.json());
      await t.database.db.execute(sql`delete from plans where id = ${id}`);
    });

    it('answers 404 and 400 in Korean and English, naming the field', async () => {
      const missing = await t.app.inject('/api/plans/999999');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'NOT_FOUND');
      assert.match(missing.json().error.message.ko, /찾을 수 없습니다/);
      assert.match(missing.json().error.message.en, /not found/);

      for (const bad of ['abc', '-1', '0', '1.5', '99999999999']) {
        const res = await t.app.inject(`/api/plans/${bad}`);
        assert.equal(res.statusCode, 400, bad);
        const { error } = res.json();
        assert.equal(error.code, 'VALIDATION_FAILED');
        assert.equal(error.fields[0].field, 'id');
        assert.ok(error.fields[0].message.ko && error.fields[0].message.en);
      }
      const unknown = await t.app.inject('/api/nothing-here');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'NOT_FOUND');
    });

    it('refuses a second import of the same pledge and writes nothing', async () => {
      const before = await counts();
      await assert.rejects(importPlan(t.database.db, parsePlanText(seedText())), (e: unknown) => e instanceof AppError && e.code === 'PLAN_EXISTS');
      assert.deepEqual(await counts(), before);
    });

    it('replaces a plan whole with replace, leaving no orphan rows', async () => {
      const before = await counts();
      const { id, replaced } = await importPlan(t.database.db, parsePlanText(seedText()), { replace: true });
      assert.equal(replaced, true);
      assert.notEqual(id, seedId);
      assert.deepEqual(await counts(), before);
      seedId = id;
    });

    it('writes nothing when an import fails half-way', async () => {
      const before = await counts();
      const plan: NormalizedPlan = parsePlanText(planText());
      // Two rows with the same source label violate a unique constraint after the plan row was inserted.
      plan.budget.rows.push({ ...plan.budget.rows[0]! });
      await assert.rejects(importPlan(t.database.db, plan));
      assert.deepEqual(await counts(), before);
    });

    it('documents every operation with an operationId and serves a docs page', async () => {
      const doc = (await t.app.inject('/api/openapi.json')).json();
      assert.equal(doc.openapi, '3.1.0');
      const operations = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) => Object.values(p));
      assert.ok(operations.length >= 3);
      for (const op of operations) assert.ok(op.operationId, JSON.stringify(op).slice(0, 120));
      assert.ok(doc.paths['/api/plans/{id}'].get);
      const docs = await t.app.inject('/api/docs/');
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /swagger/i);
    });
  });
}
