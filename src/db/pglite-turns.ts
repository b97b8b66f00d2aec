/**
 * PGlite runs the database in this process's own event loop, one statement at a time behind its
 * own promise-chained lock. Waiters on such a lock resume as microtasks: while statements are
 * queued, each one starts the moment the one before it ends, and Node never gets back to reading
 * its sockets. Under a rush that starves connections: the requests already read keep the chain
 * busy (and their clients send the next request at once), while a request on a socket not yet
 * read waits — the first ~100 requests of a rush were answered one by one, p99 ≈ 6 s against a
 * p50 of 0.13 s (docs/performance.md, "Registration rush").
 *
 * So every call into the client takes a turn in one FIFO queue, and once statements have run back
 * to back for SLICE_MS the next turn starts in a macrotask (setImmediate, after the event loop's
 * poll phase): Node reads what has arrived, and the queue is served in the order requests came.
 * PGlite's own lock is then never contended. Yielding before every statement did the same for the
 * tail but cost ~15 % of the rush's throughput in extra loop turns; a 5 ms slice keeps both
 * (bench/registration-rush.ts, BENCH_DB=pglite: p99/p50 45× → 1.2–1.6×).
 * A transaction is one turn — the statements inside it go to the transaction's own handle, not
 * through here, as PGlite itself requires (a plain query waits for an open transaction there too).
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** The client methods Drizzle and finhub call (drizzle-orm/pglite: query and transaction; exec for scripts). */
const METHODS = ['query', 'exec', 'transaction'] as const;

/** The longest run of statements back to back before the event loop gets a turn (ms). */
const SLICE_MS = 5;

type Client = Record<(typeof METHODS)[number], (...args: never[]) => Promise<unknown>>;

/** Puts the client's calls in one FIFO queue that lets the event loop in every SLICE_MS; returns the same object. */
export function takeTurns<C extends Client>(client: C): C {
  let tail: Promise<unknown> = Promise.resolve();
  // When the event loop last had a turn, as seen by a marker queued behind whatever it had to do.
  let loopRanAt = performance.now();
  let marker = false;
  const startTurn = async () => {
    if (!marker) {
      marker = true;
      setImmediate(() => {
        marker = false;
        loopRanAt = performance.now();
      });
    }
    if (performance.now() - loopRanAt > SLICE_MS) await nextTurn();
  };
  for (const method of METHODS) {
    const call = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    const queued = (...args: unknown[]) => {
      const turn = tail.then(startTurn).then(() => call(...args));
      tail = turn.catch(() => {});
      return turn;
    };
    Object.defineProperty(client, method, { value: queued, configurable: true, writable: true });
  }
  return client;
}
