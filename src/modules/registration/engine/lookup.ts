/**
 * "Find my registration": someone who lost their link gives the phone or e-mail they registered
 * with. Each upcoming active registration under it gets a fresh link of its own (links.ts, valid
 * LOOKUP_LINK_DAYS), sent to that phone or e-mail only — never shown in the answer, which is the
 * same whether anything was found or not (the route answers 202 RECEIVED_LOOKUP). Nothing is sent
 * when nothing is found. A phone is texted only when it is a mobile number. At most one round of
 * messages per recipient every LOOKUP_INTERVAL_MS, so the form cannot flood a phone or mailbox;
 * the route is also rate-limited per client address.
 */
import { and, desc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { invalidField } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { enqueueNotification, queuedToSince } from '../../notifications/service.ts';
import { LOOKUP_KIND, lookupMessage } from '../messages.ts';
import { isMobilePhone, normalizeInternationalPhone } from '../phone.ts';
import { capacityPools, registrations } from '../schema.ts';
import { createLink } from './links.ts';
import { subjectOf } from './pools.ts';
import { ACTIVE, type EngineContext } from './state.ts';

const LOOKUP_LINK_DAYS = 7;
const LOOKUP_INTERVAL_MS = 10 * 60 * 1000;
/** The most registrations one request sends links for (the newest). */
const LOOKUP_MAX = 5;

export interface LookupInput {
  phone?: string | undefined;
  email?: string | undefined;
}

/** Sends the links; returns how many were sent (for tests and the audit only, never for the answer). */
export async function lookUpRegistrations(db: Executor, ctx: EngineContext, actor: Actor, input: LookupInput, now = new Date()): Promise<number> {
  const given = [input.phone?.trim(), input.email?.trim()].filter(Boolean).length;
  if (given !== 1) {
    throw invalidField(
      input.phone ? 'email' : 'phone',
      '휴대전화 번호나 전자우편 주소 중 하나를 적어 주십시오.',
      'Give either the phone number or the e-mail address you registered with.',
    );
  }
  let to: { channel: 'email' | 'sms'; recipient: string } | null;
  let match: SQL | undefined;
  if (input.phone?.trim()) {
    const phone = normalizeInternationalPhone(input.phone);
    if (!phone) throw invalidField('phone', '전화번호 형식이 아닙니다(예: 010-1234-5678, +81 90 1234 5678).', 'Not a phone number (e.g. 010-1234-5678, +81 90 1234 5678).');
    to = isMobilePhone(phone) ? { channel: 'sms', recipient: phone } : null;
    match = eq(registrations.phone, phone);
  } else {
    const email = input.email!.trim();
    to = { channel: 'email', recipient: email };
    match = sql`lower(${registrations.email}) = lower(${email})`;
  }
  if (!to) return 0;
  const recipient = to;
  return inTransaction(db, async (tx) => {
    if (await queuedToSince(tx, LOOKUP_KIND, recipient.recipient, new Date(now.getTime() - LOOKUP_INTERVAL_MS))) return 0;
    const found = await tx
      .select({ r: registrations, pool: capacityPools })
      .from(registrations)
      .innerJoin(capacityPools, eq(capacityPools.id, registrations.poolId))
      .where(
        and(
          match,
          inArray(registrations.status, ACTIVE),
          isNull(registrations.anonymizedAt),
          isNull(capacityPools.cancelledAt),
          // Upcoming, or started within the day (the link shows the QR code at the door).
          gt(capacityPools.startsAt, new Date(now.getTime() - 86_400_000)),
        ),
      )
      .orderBy(desc(registrations.id))
      .limit(LOOKUP_MAX);
    const expiresAt = new Date(now.getTime() + LOOKUP_LINK_DAYS * 86_400_000);
    for (const { r, pool } of found) {
      const token = await createLink(tx, r.id, 'lookup', expiresAt);
      await enqueueNotification(
        tx,
        lookupMessage(recipient, r, await subjectOf(tx, pool), { publicUrl: ctx.publicUrl, ownerKind: pool.ownerKind, linkToken: token, linkExpiresAt: expiresAt }),
      );
      await recordAudit(tx, actor, { action: 'registration.lookup', entity: 'registration', entityId: r.id, after: { channel: recipient.channel } });
    }
    return found.length;
  });
}
