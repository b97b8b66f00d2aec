/** Zod schemas of event registration and the day of the event (docs/events-api.md, "Registration, on the day"). */
import { z } from 'zod';
import { dbId, idNumber } from '../../server/api-schema.ts';
import { multiLine, singleLine } from '../../server/text.ts';
import { nameText } from '../../server/validation.ts';
import { PageQuery, pageSchema } from '../../server/paging.ts';
import { CheckInCodeInput } from '../registration/api-schema.ts';

const id = idNumber();
export const EventIdParams = z.object({ id: id.describe('event id') });
export const CategoryParams = z.object({ id: id.describe('event id'), categoryId: id.describe('category id') });
export const AttendeeParams = z.object({ id: id.describe('event id'), registrationId: id.describe('registration id') });

const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with offset, e.g. 2026-09-05T09:00:00+09:00');
const CATEGORIES = ['general', 'student', 'press', 'vip', 'online'] as const;

export const EventRegistrationBody = z
  .object({
    category: z.enum(CATEGORIES),
    name: nameText(100),
    nameEn: nameText(100).optional(),
    phone: singleLine(30).describe('a Korean number, or one of `country` (stored in E.164), or any number written with its + country code'),
    email: z.email().max(200),
    affiliation: singleLine(200).optional(),
    country: singleLine(2).length(2).optional().describe('ISO 3166-1 alpha-2, e.g. KR'),
    answers: z
      .record(z.string().regex(/^\d{1,9}$/), multiLine(5000, { min: 0, trim: false }))
      .optional()
      .describe('{questionId: value}'),
    invitationCode: singleLine(100).optional(),
    consent: z.literal(true),
    waitlist: z.boolean().optional(),
    language: z.enum(['ko', 'en']).optional().describe('the language the registrant used: their messages lead with it'),
  })
  .strict();

export const CategoryBody = z
  .object({
    category: z.enum(CATEGORIES),
    capacity: z.number().int().min(0).max(100_000),
    opensAt: instant,
    closesAt: instant,
    requiresInvitation: z.boolean().optional(),
    requiresApproval: z.boolean().optional(),
    waitlist: z.boolean().optional(),
  })
  .strict();

export const CategoryPatchBody = z
  .object({
    capacity: z.number().int().min(0).max(100_000),
    opensAt: instant,
    closesAt: instant,
    requiresInvitation: z.boolean(),
    requiresApproval: z.boolean(),
    waitlist: z.boolean(),
  })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change: send at least one field' });

export const CategorySchema = z.object({
  id: dbId(),
  category: z.enum(CATEGORIES),
  requiresInvitation: z.boolean(),
  requiresApproval: z.boolean(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  waitlistLength: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  registrationState: z.enum(['not_open', 'open', 'closed', 'full', 'started', 'cancelled']),
});

export const CodesBody = z
  .object({ count: z.number().int().min(1).max(500).optional(), maxUses: z.number().int().min(1).max(10_000).optional(), label: singleLine(200).optional() })
  .strict();
export const CodesCreated = z.object({ codes: z.array(z.string()), maxUses: z.number().int(), label: z.string().nullable() });

const label = z.object({ ko: singleLine(300), en: singleLine(300).optional() }).strict();
export const QuestionBody = z
  .object({
    kind: z.enum(['text', 'choice', 'country', 'affiliation']),
    label,
    required: z.boolean().optional(),
    options: z
      .array(z.object({ value: singleLine(100), ko: singleLine(200), en: singleLine(200).optional() }).strict())
      .min(1)
      .max(50)
      .optional(),
    maxLength: z.number().int().min(1).max(5000).optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export const QuestionPatchBody = QuestionBody.extend({ options: QuestionBody.shape.options.unwrap().nullable() })
  .partial()
  .strict()
  .refine((o) => Object.keys(o).length > 0, { message: 'Nothing to change' });
export const QuestionSchema = z.object({
  id: dbId(),
  kind: z.enum(['text', 'choice', 'country', 'affiliation']),
  label: z.object({ ko: z.string(), en: z.string().nullable() }),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), ko: z.string(), en: z.string().optional() })).nullable(),
  maxLength: z.number().int(),
});

export const AttendeeSchema = z.object({
  id: dbId(),
  status: z.string(),
  category: z.enum(CATEGORIES),
  name: z.string(),
  nameEn: z.string().nullable(),
  affiliation: z.string().nullable(),
  country: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
  checkedInAt: z.string().nullable(),
  approval: z.enum(['pending', 'approved', 'rejected']).nullable().describe('null when the category needs no approval'),
});
export const AttendeeQuery = PageQuery.extend({ category: z.enum(CATEGORIES).optional(), q: z.string().trim().normalize('NFC').max(100).optional() });
/** One page of an event's registrants, keyset by id (src/server/paging.ts). */
export const AttendeePageSchema = pageSchema(AttendeeSchema);

export const EventCheckInBody = z.union([
  z.object({ token: z.string().min(1).max(100).describe('the scanned QR code') }).strict(),
  z.object({ code: CheckInCodeInput }).strict(),
  z.object({ registrationId: dbId() }).strict(),
]);

export const BadgesQuery = z.object({
  registrationIds: z
    .string()
    .regex(/^\d{1,9}(,\d{1,9}){0,999}$/)
    .optional()
    .describe('comma-separated registration ids; default: every confirmed registrant'),
  perSheet: z.enum(['1', '4', '8']).optional(),
});

const figureRow = z.object({ registered: z.number().int(), attended: z.number().int(), noShow: z.number().int(), noShowRate: z.number().nullable() });
export const EventFiguresSchema = z.object({
  total: figureRow,
  byCategory: z.array(figureRow.extend({ category: z.enum(CATEGORIES) })),
  byCountry: z.array(figureRow.extend({ country: z.string().nullable() })),
});
