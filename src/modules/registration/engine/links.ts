/**
 * Extra links to a registration (table registration_links): a waiting-list offer's own accept
 * link, and the links "find my registration" sends. Each is a fresh token (server/tokens.ts),
 * kept as its SHA-256 only, working until its expiry like the registration's own link (status,
 * cancel, accept, check-in: by-token.ts looks here when the token is not the first one).
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { hashToken, randomToken } from '../../../server/tokens.ts';
import { registrationLinks } from '../schema.ts';

export type LinkPurpose = 'offer' | 'lookup';

/** A new link to the registration; returns its token (for the message, never stored). */
export async function createLink(tx: Executor, registrationId: number, purpose: LinkPurpose, expiresAt: Date): Promise<string> {
  const token = randomToken();
  await tx.insert(registrationLinks).values({ registrationId, purpose, tokenHash: hashToken(token), expiresAt });
  return token;
}

/** The registration an unexpired extra link points at, or null. */
export async function registrationIdByLink(db: Executor, tokenHash: string, now = new Date()): Promise<number | null> {
  const [row] = await db
    .select({ registrationId: registrationLinks.registrationId })
    .from(registrationLinks)
    .where(and(eq(registrationLinks.tokenHash, tokenHash), gt(registrationLinks.expiresAt, now)));
  return row?.registrationId ?? null;
}
