/**
 * Zod schemas of the registration engine's own routes (routes.ts): the link token and the
 * registrant's status page. Programmes built on the engine (the academy, events) import them
 * from here, never the other way round (tests/unit/module-cycles.test.ts).
 */
import { z } from 'zod';
import { dbId } from '../../server/api-schema.ts';

export const TokenParams = z.object({ token: z.string().min(1).max(100).describe('the token from the registration link') });

/** Every status a registration can have. */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled', 'expired', 'pending'] as const;

const bilingualOut = z.object({ ko: z.string(), en: z.string().nullable() });

export const RegistrationStatusSchema = z
  .object({
    status: z.enum(REGISTRATION_STATUSES),
    name: z.string().describe('masked'),
    session: z.object({ id: dbId(), title: bilingualOut, startsAt: z.string(), venue: z.string() }),
    offerExpiresAt: z.string().nullable(),
    waitlistPosition: z.number().int().nullable(),
    checkedInAt: z.string().nullable(),
    canCancel: z.boolean(),
  })
  .meta({ id: 'RegistrationStatus' });
