/**
 * The registrant's own routes, by the unguessable token in their link (no login): status,
 * cancel, accept an offer, the QR code for check-in; "find my registration" (the link sent again
 * to the phone or e-mail registered with); and staff unmasking.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { idNumber } from '../../server/api-schema.ts';
import { actorOf, MANAGERS, PUBLIC } from '../../server/auth.ts';
import { AppError, type ErrorCode } from '../../server/errors.ts';
import { LOOKUP_RECEIVED, LookupBody, LookupReceivedSchema, RegistrationStatusSchema, TokenParams } from './api-schema.ts';
import { lookUpRegistrations } from './engine/lookup.ts';
import { cancelByToken, registrationByToken, statusByToken } from './engine/by-token.ts';
import { acceptOffer } from './engine/offers.ts';
import type { EngineContext } from './engine/state.ts';
import { unmask } from './engine/unmask.ts';
import { registrationStatusView } from './presenters.ts';

export interface PublicWriteOptions {
  engine: EngineContext;
  /** Public write requests per minute per client address; 0: off. */
  publicRateLimit: number;
}

/** The codes a registration (academy session, event category) may be refused with (src/modules/registration/engine/register.ts). */
export const REGISTRATION_REFUSALS = [
  'SESSION_CANCELLED',
  'SESSION_STARTED',
  'REGISTRATION_NOT_OPEN',
  'REGISTRATION_CLOSED',
  'REGISTRATION_FULL',
  'REGISTRATION_FULL_NO_WAITLIST',
] as const satisfies readonly ErrorCode[];

export const publicRateLimitConfig = (max: number) => (max > 0 ? { max, timeWindow: '1 minute' } : false);

export const registrationRoutes: FastifyPluginAsyncZod<PublicWriteOptions> = async (app, { engine, publicRateLimit }) => {
  const rateLimit = publicRateLimitConfig(publicRateLimit);

  app.post(
    '/api/registrations/lookup',
    {
      // Per client address like every public write; per recipient, lookup.ts sends one round per 10 minutes.
      config: { policy: PUBLIC, rateLimit },
      schema: {
        operationId: 'lookUpRegistration',
        summary: 'Find my registration: its link is sent to the phone or e-mail given (same answer whatever is found) / 내 신청 찾기',
        tags: ['registrations'],
        body: LookupBody,
        response: { 202: LookupReceivedSchema },
      },
    },
    async (req, reply) => {
      await lookUpRegistrations(app.db, engine, actorOf(req), req.body);
      return reply.code(202).header('cache-control', 'no-store').send(LOOKUP_RECEIVED);
    },
  );

  app.get(
    '/api/registrations/:token',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getRegistrationStatus',
        summary: 'A registration by its link token: status, waiting-list place, offer deadline / 신청 확인',
        tags: ['registrations'],
        params: TokenParams,
        response: { 200: RegistrationStatusSchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return registrationStatusView(await statusByToken(app.db, req.params.token));
    },
  );

  app.post(
    '/api/registrations/:token/cancel',
    {
      config: { policy: PUBLIC, rateLimit, errors: ['OFFER_EXPIRED', 'SESSION_STARTED'] },
      schema: {
        operationId: 'cancelRegistration',
        summary: 'Cancel by link token; the seat goes to the next on the waiting list / 신청 취소',
        tags: ['registrations'],
        params: TokenParams,
        response: { 200: z.object({ status: z.literal('cancelled') }) },
      },
    },
    async (req) => {
      await cancelByToken(app.db, engine, actorOf(req), req.params.token);
      return { status: 'cancelled' as const };
    },
  );

  app.post(
    '/api/registrations/:token/accept',
    {
      config: { policy: PUBLIC, rateLimit, errors: ['OFFER_EXPIRED', 'NO_OFFER', 'SESSION_CANCELLED'] },
      schema: {
        operationId: 'acceptRegistrationOffer',
        summary: 'Accept an offered seat before its deadline / 자리 제안 수락',
        tags: ['registrations'],
        params: TokenParams,
        response: { 200: z.object({ status: z.literal('confirmed') }) },
      },
    },
    async (req) => {
      const r = await acceptOffer(app.db, engine, actorOf(req), req.params.token);
      if (r.status !== 'confirmed') {
        throw new AppError('OFFER_EXPIRED', { ko: '제안 기한이 지났습니다. 자리가 다음 분께 넘어갔습니다.', en: 'The offer has expired; the place passed to the next person.' });
      }
      return { status: 'confirmed' as const };
    },
  );

  app.get(
    '/api/registrations/:token/qr.svg',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getRegistrationQr',
        summary: 'QR code of the check-in token (SVG) / 입장 확인 QR 코드',
        tags: ['registrations'],
        params: TokenParams,
        produces: ['image/svg+xml'],
        response: { 200: z.string().describe('the QR code, an SVG image') },
      },
    },
    async (req, reply) => {
      await registrationByToken(app.db, req.params.token); // 404 for an unknown token
      const svg = await QRCode.toString(req.params.token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'no-store').send(svg);
    },
  );

  app.post(
    '/api/registrations/:id/unmask',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'unmaskRegistration',
        summary: "A registrant's full phone and e-mail (audited) / 연락처 보기(기록됨)",
        tags: ['registrations'],
        params: z.object({ id: idNumber() }),
        response: { 200: z.object({ phone: z.string().nullable(), email: z.string().nullable() }) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return unmask(app.db, actorOf(req), req.params.id);
    },
  );
};
