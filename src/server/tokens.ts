/**
 * Link tokens for citizens (registration, survey and school-application links): 32 random
 * bytes, base64url (43 characters), given only to the citizen; the database keeps only their
 * SHA-256 (hex), so a leaked table or backup holds no working link.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new token: 32 random bytes, base64url. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** What is stored and looked up: the token's SHA-256, hex. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The shape randomToken produces (anything else is unknown without a lookup). */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
