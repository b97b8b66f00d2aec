/** Registrations as the API answers them: the staff list row (masked), the registrant's status page, the consent notice. */
import type { z } from 'zod';
import { maskEmail, maskName, maskPhone } from '../../server/mask.ts';
import type { RegistrationStatusSchema } from './api-schema.ts';
import type { ConsentNotice } from './consent.ts';
import type { TokenStatus } from './engine/by-token.ts';
import { ACTIVE, type Registration, type RegistrationStatus } from './engine/state.ts';

export interface StaffRegistration {
  id: number;
  status: RegistrationStatus;
  name: string;
  phoneMasked: string | null;
  email: string | null;
  createdAt: string;
  checkedInAt: string | null;
  offerExpiresAt: string | null;
}

export const staffView = (r: Registration): StaffRegistration => ({
  id: r.id,
  status: r.status,
  name: r.name,
  phoneMasked: maskPhone(r.phone),
  email: maskEmail(r.email),
  createdAt: r.createdAt.toISOString(),
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
  offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
});

/** The registrant's status page (name masked: the link may be forwarded). */
export const registrationStatusView = ({ registration: r, pool, subject, waitlistPosition }: TokenStatus, now = new Date()): z.infer<typeof RegistrationStatusSchema> => ({
  status: r.status,
  name: maskName(r.name),
  session: { id: subject.ownerId, title: subject.title, startsAt: subject.startsAt.toISOString(), venue: subject.venue },
  offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
  waitlistPosition,
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
  checkInCode: r.status === 'confirmed' ? r.checkInCode : null,
  canCancel: ACTIVE.includes(r.status) && !pool.cancelledAt && now < pool.startsAt,
});

/** The consent notice a form shows (GET /api/privacy/consent). */
export const consentNoticeView = (n: ConsentNotice) => ({
  kind: n.purpose,
  version: n.version,
  title: n.title,
  purpose: n.purposeText,
  items: n.items,
  retention: n.retention,
  refusal: n.refusal,
});
