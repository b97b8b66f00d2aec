/** Zod schemas of the financial academy API (전주시 금융아카데미); field names follow docs/education-api.md. */
import { z } from 'zod';
import { dbId, idNumber, wholeNumber } from '../../server/api-schema.ts';
import { multiLine, noControlChars, singleLine } from '../../server/text.ts';
import { nameText } from '../../server/validation.ts';
import { CheckInCodeInput, REGISTRATION_STATUSES, RegistrationStatusSchema, TokenParams } from '../registration/api-schema.ts';
import type { CheckInBy } from '../registration/engine/check-in.ts';
import { CONSENT_PURPOSES } from '../registration/consent.ts';
import { PageQuery, pageSchema } from '../../server/paging.ts';

const id = idNumber();
export const IdParams = z.object({ id: id.describe('id') });
/** The engine's token and status schemas, used by the academy's routes too (defined in the engine, which must not import this file). */
export { RegistrationStatusSchema, TokenParams };

const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with offset, e.g. 2026-03-05T19:00:00+09:00');
const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .check(noControlChars())
  .describe('an http(s) address');
const titleIn = z.object({ ko: singleLine(200), en: singleLine(200).optional() }).strict();
const descriptionIn = z.object({ ko: multiLine(5000), en: multiLine(5000).optional() }).strict();

export const SessionBody = z
  .object({
    title: titleIn,
    startsAt: instant,
    endsAt: instant,
    venue: singleLine(200),
    capacity: z.number().int().min(1).max(100_000),
    registrationOpensAt: instant,
    registrationClosesAt: instant,
    lecturer: singleLine(100).optional(),
    description: descriptionIn.optional(),
    onlineUrl: httpUrl.optional(),
    programmeId: dbId().optional(),
    waitlist: z.boolean().optional().describe('take a waiting list when full (default true)'),
    offerTtlMinutes: z
      .number()
      .int()
      .min(5)
      .max(14 * 24 * 60)
      .optional()
      .describe('how long an offered seat waits for its acceptance (default 1440)'),
  })
  .strict();

export const SessionPatchBody = z
  .object({
    title: titleIn,
    startsAt: instant,
    endsAt: instant,
    venue: singleLine(200),
    capacity: z.number().int().min(1).max(100_000),
    registrationOpensAt: instant,
    registrationClosesAt: instant,
    lecturer: singleLine(100).nullable(),
    description: descriptionIn.nullable(),
    onlineUrl: httpUrl.nullable(),
    videoUrl: httpUrl.nullable(),
    programmeId: dbId().nullable(),
    waitlist: z.boolean(),
    offerTtlMinutes: z
      .number()
      .int()
      .min(5)
      .max(14 * 24 * 60),
    cancelled: z.literal(true).describe('cancel the session (registrants are told); cannot be undone'),
  })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change: send at least one field' });

const bilingualOut = z.object({ ko: z.string(), en: z.string().nullable() });

const REGISTRATION_STATES = ['not_open', 'open', 'closed', 'full', 'started', 'cancelled'] as const;

export const SessionSchema = z
  .object({
    id: dbId(),
    programmeId: dbId().nullable(),
    title: bilingualOut,
    description: bilingualOut.nullable(),
    lecturer: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string(),
    onlineUrl: z.string().nullable(),
    videoUrl: z.string().nullable(),
    capacity: z.number().int(),
    seatsLeft: z.number().int(),
    waitlistLength: z.number().int(),
    waitlistEnabled: z.boolean(),
    registrationOpensAt: z.string(),
    registrationClosesAt: z.string(),
    registrationState: z.enum(REGISTRATION_STATES),
    cancelled: z.boolean(),
  })
  .meta({ id: 'AcademySession' });

export const SessionListQuery = z.object({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming') });

export const RegistrationBody = z
  .object({
    name: nameText(50),
    phone: singleLine(30).describe('a Korean phone number in any usual form: 010-1234-5678, 01012345678, +82 10 1234 5678'),
    email: z.email().max(254).optional(),
    consent: z.literal(true).describe('the consent tick (GET /api/privacy/consent?purpose=academy)'),
    waitlist: z.boolean().optional().describe('join the waiting list when the session is full'),
    language: z.enum(['ko', 'en']).optional().describe('the language the registrant used: their messages lead with it (default ko)'),
  })
  .strict();

const STATUSES = REGISTRATION_STATUSES;

export const StaffRegistrationSchema = z
  .object({
    id: dbId(),
    status: z.enum(STATUSES),
    name: z.string(),
    phoneMasked: z.string().nullable(),
    email: z.string().nullable().describe('masked'),
    createdAt: z.string(),
    checkedInAt: z.string().nullable(),
    offerExpiresAt: z.string().nullable(),
  })
  .meta({ id: 'StaffRegistration' });

/** One page of a session's registrants, keyset by id (src/server/paging.ts). */
export const StaffRegistrationPageSchema = pageSchema(StaffRegistrationSchema);

export const RegistrationListQuery = PageQuery.extend({ q: z.string().trim().normalize('NFC').max(50).optional().describe('part of a name') });

export const CheckInBody = z
  .object({
    token: z.string().min(1).max(100).optional().describe('the scanned QR code'),
    code: CheckInCodeInput.optional(),
    registrationId: dbId().optional(),
  })
  .strict()
  .refine((b) => [b.token, b.code, b.registrationId].filter((v) => v !== undefined).length === 1, {
    message: 'Give one of token, code and registrationId',
    path: ['token'],
  });

/** The body as the engine takes it: one way of naming the registrant. */
export const checkInBy = (b: z.infer<typeof CheckInBody>): CheckInBy =>
  b.token !== undefined ? { token: b.token } : b.code !== undefined ? { code: b.code } : { registrationId: b.registrationId! };

export const SurveyAnswerBody = z.object({ rating: z.number().int().min(1).max(5), comment: multiLine(2000, { min: 0 }).optional() }).strict();

export const SurveyInfoSchema = z.object({
  session: z.object({ id: dbId(), title: bilingualOut, startsAt: z.string() }),
  answered: z.boolean(),
});

const figureShape = {
  registered: z.number().int(),
  attended: z.number().int(),
  attendanceRate: z.number().nullable().describe('attended / registered × 100, one decimal; null over none'),
  satisfaction: z.number().nullable().describe('mean rating 1–5, two decimals; null without answers'),
  responses: z.number().int(),
};

export const FiguresSchema = z
  .object({
    year: z.object({ year: z.number().int(), sessions: z.number().int(), held: z.number().int(), ...figureShape }),
    byQuarter: z.array(z.object({ quarter: z.number().int(), sessions: z.number().int(), held: z.number().int(), ...figureShape })),
    sessions: z.array(z.object({ id: dbId(), title: bilingualOut, startsAt: z.string(), cancelled: z.boolean(), held: z.boolean(), ...figureShape })),
  })
  .meta({ id: 'AcademyFigures' });

export const FiguresQuery = z.object({ year: wholeNumber(2000, 2200).optional() });

export const ProgrammeBody = z.object({ year: z.number().int().min(2000).max(2200), title: titleIn, description: descriptionIn.optional() }).strict();

export const ProgrammeSchema = z
  .object({ id: dbId(), year: z.number().int(), title: bilingualOut, description: bilingualOut.nullable(), createdAt: z.string() })
  .meta({ id: 'AcademyProgramme' });

export const ConsentQuery = z.object({ purpose: z.enum(CONSENT_PURPOSES) });
const bilingual = z.object({ ko: z.string(), en: z.string() });
export const ConsentSchema = z
  .object({ kind: z.enum(CONSENT_PURPOSES), version: z.string(), title: bilingual, purpose: bilingual, items: bilingual, retention: bilingual, refusal: bilingual })
  .meta({ id: 'ConsentNotice' });
