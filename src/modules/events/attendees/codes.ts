/** Invitation codes for a category: shown once, stored as SHA-256 of the normalised code; uses counted, never stored. */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { invalidFields as invalid, notFound } from '../../../server/errors.ts';
import { hashToken } from '../../../server/tokens.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { ACTIVE } from '../../registration/engine/state.ts';
import { registrations } from '../../registration/schema.ts';
import type { CodesBody } from '../attendee-api-schema.ts';
import { eventCategories, eventRegistrations, invitationCodes } from '../schema.ts';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
export const hashCode = (code: string) => hashToken(normaliseCode(code));
function newCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** How many active registrations (confirmed, waitlisted, offered, pending) used a code: counted, never stored. */
export async function codeUses(tx: Executor, codeId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .innerJoin(registrations, eq(registrations.id, eventRegistrations.registrationId))
    .where(and(eq(eventRegistrations.invitationCodeId, codeId), inArray(registrations.status, ACTIVE)));
  return Number(row!.n);
}

export const codeRefused = (en: string, ko: string) => invalid([{ field: 'invitationCode', message: { ko, en } }]);

export async function createCodes(db: Executor, actor: Actor, eventId: number, categoryId: number, input: z.infer<typeof CodesBody>) {
  return inTransaction(db, async (tx) => {
    const [c] = await tx
      .select()
      .from(eventCategories)
      .where(and(eq(eventCategories.id, categoryId), eq(eventCategories.eventId, eventId)));
    if (!c) throw notFound({ ko: `참가 구분 ${categoryId}`, en: `Category ${categoryId}` });
    const codes = Array.from({ length: input.count ?? 1 }, newCode);
    const maxUses = input.maxUses ?? 1;
    await tx.insert(invitationCodes).values(codes.map((code) => ({ categoryId, codeHash: hashCode(code), label: input.label ?? null, maxUses, createdBy: actor.userId })));
    await recordAudit(tx, actor, {
      action: 'event.invitation_codes.create',
      entity: 'event_category',
      entityId: categoryId,
      after: { count: codes.length, maxUses, label: input.label ?? null },
    });
    return { codes, maxUses, label: input.label ?? null };
  });
}
