/**
 * src/db/pglite-turns.ts: PGlite's statements take turns with the event loop. Without the turns,
 * queued statements run back to back as microtasks and nothing else (no socket read, no timer)
 * runs until the last one ends — what starved connections at the start of a registration rush.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { takeTurns } from '../../src/db/pglite-turns.ts';

/** Queues `n` statements, then counts how many had finished when the event loop next got a turn. */
async function finishedBeforeTheLoopRan(client: PGlite, n: number): Promise<number> {
  let done = 0;
  const all = Array.from({ length: n }, () => client.query('select 1').then(() => done++));
  const seen = await new Promise<number>((resolve) => setImmediate(() => resolve(done)));
  await Promise.all(all);
  return seen;
}

describe('PGlite statements take turns with the event loop', () => {
  let plain: PGlite;
  let turns: PGlite;
  before(async () => {
    plain = await PGlite.create();
    turns = takeTurns(await PGlite.create());
    await turns.exec('create table t (n int)');
  });
  after(async () => {
    await plain.close();
    await turns.close();
  });

  it('PGlite alone runs queued statements without letting the event loop in (why the turns exist)', async () => {
    await plain.query('select 1'); // past its first-statement set-up
    assert.equal(await finishedBeforeTheLoopRan(plain, 200), 200);
  });

  it('with turns, the event loop gets in before the queue is empty', async () => {
    // 500 statements take well over the 5 ms slice on any machine.
    const seen = await finishedBeforeTheLoopRan(turns, 500);
    assert.ok(seen < 500, `the loop ran only after all 500 statements (${seen})`);
  });

  it('serves calls in the order they came, and a failed one does not stop the queue', async () => {
    const order: number[] = [];
    await Promise.all([
      turns.query('insert into t values (1)').then(() => order.push(1)),
      turns.query('select * from no_such_table').catch(() => order.push(2)),
      turns.exec('insert into t values (3)').then(() => order.push(3)),
      turns.query<{ n: number }>('select count(*)::int as n from t').then((r) => order.push(r.rows[0]!.n === 2 ? 4 : -4)),
    ]);
    assert.deepEqual(order, [1, 2, 3, 4]);
  });

  it('a transaction is one turn: a statement sent while it is open runs after it commits', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const tx = turns.transaction(async (t) => {
      await t.query('insert into t values (10)');
      await held;
      await t.query('insert into t values (11)');
    });
    await new Promise((r) => setTimeout(r, 20));
    const read = turns.query<{ n: number }>('select count(*)::int as n from t where n >= 10');
    release();
    await tx;
    assert.equal((await read).rows[0]!.n, 2);
  });
});
