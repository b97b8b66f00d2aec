/**
 * Zod schemas of the registration engine's own routes (routes.ts): the link token and the
 * registrant's status page. Programmes built on the engine (the academy, events) import them
 * from here, never the other way round (tests/unit/module-cycles.test.ts).
 */
import { z } from 'zod';
import { dbId } from '../../server/api-schema.ts';
import { singleLine } from '../../server/text.ts';

/** The short check-in code as staff type it: letters and digits, spaces or dashes between groups allowed ("K7M-4QR"). */
export const CheckInCodeInput = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{2,14}[A-Za-z0-9]$/)
  .describe('the short code printed under the QR code, e.g. K7M-4QR (case, spaces and dashes do not matter)');

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
    checkInCode: z.string().nullable().describe('while confirmed: the short code printed under the QR code, for staff to type (e.g. K7M4QR)'),
    canCancel: z.boolean(),
  })
  .meta({ id: 'RegistrationStatus' });

export const LookupBody = z
  .object({
    phone: singleLine(30).optional().describe('the phone number registered with (Korean, or with its + country code)'),
    email: z.email().max(254).optional().describe('the e-mail address registered with'),
  })
  .strict()
  .describe('exactly one of phone and email');

/** The one answer to "find my registration", whatever was found. */
export const LOOKUP_RECEIVED = {
  status: 'received',
  message: {
    ko: '요청을 접수했습니다. 이 번호나 주소로 하신 신청이 있으면 확인 링크를 그 휴대전화 문자나 전자우편으로 보내 드립니다.',
    en: 'Request received. If there is a registration under this number or address, its link is sent there by text message or e-mail.',
  },
} as const;

export const LookupReceivedSchema = z.object({ status: z.literal('received'), message: z.object({ ko: z.string(), en: z.string() }) }).meta({ id: 'LookupReceived' });
