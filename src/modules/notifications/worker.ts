/**
 * The outbox worker: delivers due rows with retries, in the server process.
 *
 * Claiming is a short transaction of its own: due rows are locked with `FOR UPDATE SKIP LOCKED`
 * (two workers never take the same row), their attempt is counted and their next_attempt_at
 * pushed ahead by a lease, then the transaction commits and the messages are sent outside it.
 * A process that dies mid-send leaves the row pending with its lease, so it is retried when
 * the lease runs out. A failure sets an exponential backoff (30 s × 2^(attempts−1), at most
 * an hour); after MAX_ATTEMPTS the row is marked 'failed' — kept, never deleted, for staff to see.
 * Delivery is at least once: only a crash (or a lost database) between the server's acceptance
 * and the 'sent' mark can repeat a message; the repeat carries the same Message-ID
 * (channels/email.ts), so a mail client can tell it is a duplicate.
 * The lease and the base backoff are settings (FINHUB_OUTBOX_LEASE_MS, FINHUB_OUTBOX_BACKOFF_MS).
 */
import QRCode from 'qrcode';
import { and, asc, eq, inArray, lte, ne, notInArray, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import type { Channels, OutboundMessage } from './channels/types.ts';
import { outbox } from './schema.ts';
import { safeError, safeErrorText } from '../../server/safe-error.ts';
import { buildAttachments } from './attachments.ts';
import { renderBody } from './service.ts';

export const MAX_ATTEMPTS = 10;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** How long a claimed row is left alone before another run may retry it (a send never takes this long). */
const LEASE_MS = 5 * 60 * 1000;

/** The wait after the given number of failed attempts (1 → 30 s, 2 → 60 s, … capped at 1 h). */
export function backoffMs(attempts: number, base = BASE_BACKOFF_MS): number {
  return Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, attempts - 1));
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
async function claim(db: Executor, now: Date, limit: number, leaseMs: number, skip: ReadonlySet<number>) {
  return inTransaction(db, async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      // Rows already tried in this pass are left out here, not after claiming: a row claimed and then
      // skipped would lose an attempt and sit out a whole lease (a long pass with short backoffs).
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), ne(outbox.recipient, ''), skip.size ? notInArray(outbox.id, [...skip]) : undefined))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
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
 * Attachments named by the row's meta (`attach`, attachments.ts), built now from the record; and a
 * row whose meta asks for a QR code (`qr: true`, set by the registration engine on a
 * confirmation) gets the check-in token of its status link as a PNG attachment: rendered at send
 * time from the row's link token, so nothing more is stored, and nothing once the token is gone.
 */
async function attachmentsFor(db: Executor, row: typeof outbox.$inferSelect): Promise<OutboundMessage['attachments']> {
  if (row.channel !== 'email') return undefined;
  const meta = row.meta as Record<string, unknown> | null;
  const files = await buildAttachments(db, meta);
  const token = row.linkToken;
  if (meta?.qr === true && token) {
    const content = await QRCode.toBuffer(token, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 320 });
    files.push({ filename: 'check-in-qr.png', content, contentType: 'image/png' });
  }
  return files.length ? files : undefined;
}

/** A failed send as logged and kept in last_error: no SQL parameters, addresses or phones. */
const describe = (e: unknown) => safeErrorText(e).slice(0, 1000);

export interface DrainOptions {
  /** For tests. */
  now?: () => Date;
  batch?: number;
  log?: Logger;
  /** How long a claimed row is left alone (default LEASE_MS). */
  leaseMs?: number;
  /** The first retry delay (default BASE_BACKOFF_MS), doubling per attempt. */
  backoffMs?: number;
}

/** One pass: claims due rows (in batches) and sends them. `now` is for tests. */
export async function drainOutbox(db: Executor, channels: Channels, opts: DrainOptions = {}): Promise<DrainResult> {
  const now = opts.now ?? (() => new Date());
  const batch = opts.batch ?? 20;
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
  const seen = new Set<number>();
  for (;;) {
    const claimedAt = now().getTime();
    const rows = await claim(db, new Date(claimedAt), batch, leaseMs, seen);
    if (rows.length === 0) return result;
    for (const [i, row] of rows.entries()) {
      // Slow sends (a server timing out each one) can eat the batch's lease; a row whose lease is
      // half gone is handed back unsent rather than sent while another process may take it.
      if (now().getTime() - claimedAt > leaseMs / 2) {
        const rest = rows.slice(i).map((r) => r.id);
        await db
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} - 1`, nextAttemptAt: now() })
          .where(and(inArray(outbox.id, rest), eq(outbox.status, 'pending')));
        break;
      }
      seen.add(row.id);
      const message: OutboundMessage = {
        id: row.id,
        channel: row.channel,
        recipient: row.recipient,
        subject: row.subject,
        body: renderBody(row.body, row.linkToken),
        kind: row.kind,
        createdAt: row.createdAt,
        language: (row.meta as { language?: unknown } | null)?.language === 'en' ? 'en' : 'ko',
      };
      let sendError: unknown = null;
      try {
        const attachments = await attachmentsFor(db, row);
        if (attachments) message.attachments = attachments;
        await channels[row.channel].send(message);
      } catch (e) {
        sendError = e ?? new Error('send failed');
      }
      if (sendError === null) {
        // Accepted: if this mark fails (database gone), the error ends the pass and the row, still
        // pending under its lease, is sent again after the lease: the at-least-once window.
        // The token goes with the mark: the delivered message is the only place the live link stays.
        await db.update(outbox).set({ status: 'sent', sentAt: now(), lastError: null, linkToken: null }).where(eq(outbox.id, row.id));
        result.sent++;
      } else {
        const e = sendError;
        const giveUp = row.attempts >= MAX_ATTEMPTS;
        const retryAt = new Date(now().getTime() + backoffMs(row.attempts, opts.backoffMs));
        await db
          .update(outbox)
          .set(giveUp ? { status: 'failed', lastError: describe(e), linkToken: null } : { nextAttemptAt: retryAt, lastError: describe(e) })
          .where(eq(outbox.id, row.id));
        if (giveUp) result.failed++;
        else result.retrying++;
        opts.log?.warn(
          { outboxId: row.id, attempts: row.attempts, err: describe(e), retryAt: giveUp ? null : retryAt },
          giveUp ? 'notification failed for good' : 'notification failed; will retry',
        );
      }
    }
  }
}

export interface OutboxWorkerOptions {
  db: Executor;
  channels: Channels;
  log: Logger;
  /** How often to look for due rows. */
  pollMs?: number;
  /** See DrainOptions. */
  leaseMs?: number;
  backoffMs?: number;
}

export interface OutboxWorker {
  /** Runs a pass now (after the current one, if any). */
  poke(): Promise<void>;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
}

export function startOutboxWorker({ db, channels, log, pollMs = 5000, leaseMs, backoffMs }: OutboxWorkerOptions): OutboxWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = (): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const r = await drainOutbox(db, channels, { log, leaseMs, backoffMs });
        if (r.sent || r.retrying || r.failed) log.info({ ...r }, 'outbox pass');
      } catch (err) {
        // E.g. the database is down: the rows stay pending (a claimed one keeps its lease) and
        // the next poll tries again; nothing here may end the process.
        log.error({ error: safeError(err) }, 'outbox pass failed');
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
