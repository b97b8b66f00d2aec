/**
 * The outbox worker: delivers due rows with retries, in the server process.
 *
 * Claiming is a short transaction of its own: due rows are locked with `FOR UPDATE SKIP LOCKED`
 * (two workers never take the same row), their attempt is counted and their next_attempt_at
 * pushed ahead by a lease, then the transaction commits and the messages are sent outside it.
 * A process that dies mid-send leaves the row pending with its lease, so it is retried when
 * the lease runs out. A failure sets an exponential backoff (30 s × 2^(attempts−1), at most
 * an hour); after MAX_ATTEMPTS the row is marked 'failed' — kept, never deleted, for staff to see.
 * Delivery is at least once: only a crash between the server's acceptance and the 'sent' mark
 * can repeat a message.
 */
import QRCode from 'qrcode';
import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Channels, OutboundMessage } from './channels/types.ts';
import { outbox } from './schema.ts';

export const MAX_ATTEMPTS = 10;
export const BASE_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** How long a claimed row is left alone before another run may retry it (a send never takes this long). */
export const LEASE_MS = 5 * 60 * 1000;

/** The wait after the given number of failed attempts (1 → 30 s, 2 → 60 s, … capped at 1 h). */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** Locks and leases up to `limit` due rows; returns them with their new attempt count. */
async function claim(db: Db, now: Date, limit: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), ne(outbox.recipient, '')))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });
}

/**
 * A row whose meta asks for a QR code (`qr: true`, set by the registration engine on a
 * confirmation) gets the check-in token of its status link as a PNG attachment: rendered at send
 * time from the body, so nothing more is stored, and nothing once the body is purged.
 */
async function attachmentsFor(row: typeof outbox.$inferSelect): Promise<OutboundMessage['attachments']> {
  if (row.channel !== 'email' || (row.meta as { qr?: unknown } | null)?.qr !== true) return undefined;
  const token = /\/registrations\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(row.body)?.[1];
  if (!token) return undefined;
  const content = await QRCode.toBuffer(token, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 320 });
  return [{ filename: 'check-in-qr.png', content, contentType: 'image/png' }];
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 1000);

/** One pass: claims due rows (in batches) and sends them. `now` is for tests. */
export async function drainOutbox(db: Db, channels: Channels, opts: { now?: () => Date; batch?: number; log?: Logger } = {}): Promise<DrainResult> {
  const now = opts.now ?? (() => new Date());
  const batch = opts.batch ?? 20;
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
  const seen = new Set<number>();
  for (;;) {
    const rows = (await claim(db, now(), batch)).filter((r) => !seen.has(r.id));
    if (rows.length === 0) return result;
    for (const row of rows) {
      seen.add(row.id);
      const message: OutboundMessage = { id: row.id, channel: row.channel, recipient: row.recipient, subject: row.subject, body: row.body, kind: row.kind };
      try {
        const attachments = await attachmentsFor(row);
        if (attachments) message.attachments = attachments;
        await channels[row.channel].send(message);
        await db.update(outbox).set({ status: 'sent', sentAt: now(), lastError: null }).where(eq(outbox.id, row.id));
        result.sent++;
      } catch (e) {
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        const retryAt = new Date(now().getTime() + backoffMs(row.attempts));
        await db
          .update(outbox)
          .set(giveUp ? { status: 'failed', lastError: describe(e) } : { nextAttemptAt: retryAt, lastError: describe(e) })
          .where(eq(outbox.id, row.id));
        if (giveUp) result.failed++;
        else result.retrying++;
        opts.log?.warn({ outboxId: row.id, attempts: row.attempts, err: describe(e), retryAt: giveUp ? null : retryAt }, giveUp ? 'notification failed for good' : 'notification failed; will retry');
      }
    }
  }
}

export interface OutboxWorkerOptions {
  db: Db;
  channels: Channels;
  log: Logger;
  /** How often to look for due rows. */
  pollMs?: number;
}

export interface OutboxWorker {
  /** Runs a pass now (after the current one, if any). */
  poke(): Promise<void>;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
}

export function startOutboxWorker({ db, channels, log, pollMs = 5000 }: OutboxWorkerOptions): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = (): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const r = await drainOutbox(db, channels, { log });
        if (r.sent || r.retrying || r.failed) log.info({ ...r }, 'outbox pass');
      } catch (err) {
        log.error({ err }, 'outbox pass failed');
      }
    });
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void pass().then(schedule), pollMs);
    timer.unref();
  };
  void pass().then(schedule);

  return {
    poke: pass,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
