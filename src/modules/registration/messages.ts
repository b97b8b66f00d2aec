/**
 * What the registration engine tells registrants (through the outbox): bilingual bodies with
 * the status/cancel link. Links carry the token; the registrations table keeps only its SHA-256,
 * and an outbox body keeps the link as a template (LINK_TOKEN) with the token beside it until
 * the message is sent (notifications/service.ts).
 */
import type { Executor } from '../../db/executor.ts';
import type { Bilingual } from '../../server/errors.ts';
import { enqueueNotification, LINK_TOKEN, type Notification } from '../notifications/service.ts';

/** What a pool sells, as registrants see it (an academy session, a forum category …). */
export interface PoolSubject {
  ownerId: number;
  title: { ko: string; en: string | null };
  startsAt: Date;
  venue: string;
}

export interface Links {
  statusUrl: string;
  cancelUrl: string;
}

/** The citizen's pages for a registration (served by the web front end). */
export function linksFor(publicUrl: string, token: string): Links {
  const base = `${publicUrl.replace(/\/$/, '')}/registrations/${token === LINK_TOKEN ? token : encodeURIComponent(token)}`;
  return { statusUrl: base, cancelUrl: `${base}?cancel=1` };
}

/** The survey page, as a stored message holds it (the token rendered in when sent). */
export const surveyUrlTemplate = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/surveys/${LINK_TOKEN}`;

export type MessageKind = 'confirmed' | 'waitlisted' | 'offered' | 'offer_accepted' | 'cancelled' | 'offer_expired' | 'pool_cancelled' | 'survey' | 'pending' | 'rejected';

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with one.
const seoulKo = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'long', timeStyle: 'short' });
const seoulEnGb = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'long', timeStyle: 'short' });
export const seoul = (d: Date) => seoulKo.format(d);
export const seoulEn = (d: Date) => `${seoulEnGb.format(d)} (KST)`;

function text(kind: MessageKind, s: PoolSubject, extra: { offerExpiresAt?: Date | null; surveyUrl?: string }): { subject: Bilingual; lines: Bilingual } {
  const ko = s.title.ko;
  const en = s.title.en ?? s.title.ko;
  switch (kind) {
    case 'confirmed':
      return {
        subject: { ko: `[${ko}] 신청이 확정되었습니다`, en: `[${en}] Your registration is confirmed` },
        lines: {
          ko: '신청이 확정되었습니다. 당일 입구에서 첨부한 QR 코드(또는 확인 링크의 QR 코드)를 보여 주십시오.',
          en: 'Your place is confirmed. Show the attached QR code (or the one on your status page) at the door.',
        },
      };
    case 'waitlisted':
      return {
        subject: { ko: `[${ko}] 대기자로 등록되었습니다`, en: `[${en}] You are on the waiting list` },
        lines: {
          ko: '정원이 차서 대기자로 등록되었습니다. 자리가 나면 알려 드립니다.',
          en: 'The session is full; you are on the waiting list. We will tell you if a place frees up.',
        },
      };
    case 'offered': {
      const until = extra.offerExpiresAt!;
      return {
        subject: { ko: `[${ko}] 자리가 났습니다 — 수락해 주십시오`, en: `[${en}] A place is free for you — please accept` },
        lines: {
          ko: `대기 순서가 되어 자리를 드립니다. ${seoul(until)}까지 대기 신청 때 받으신 확인 링크에서 수락하지 않으면 다음 분께 넘어갑니다.`,
          en: `A place has freed up for you. Accept it by ${seoulEn(until)} on the status page linked in your waiting-list message, or it passes to the next person.`,
        },
      };
    }
    case 'offer_accepted':
      return {
        subject: { ko: `[${ko}] 신청이 확정되었습니다`, en: `[${en}] Your registration is confirmed` },
        lines: { ko: '제안을 수락하여 신청이 확정되었습니다.', en: 'You accepted the offer; your place is confirmed.' },
      };
    case 'cancelled':
      return {
        subject: { ko: `[${ko}] 신청이 취소되었습니다`, en: `[${en}] Your registration is cancelled` },
        lines: { ko: '요청하신 대로 신청을 취소했습니다.', en: 'Your registration has been cancelled as you asked.' },
      };
    case 'offer_expired':
      return {
        subject: { ko: `[${ko}] 자리 제안이 만료되었습니다`, en: `[${en}] The offered place has expired` },
        lines: { ko: '기한 안에 수락하지 않아 자리가 다음 분께 넘어갔습니다.', en: 'The offer was not accepted in time and has passed to the next person.' },
      };
    case 'pool_cancelled':
      return {
        subject: { ko: `[${ko}] 행사가 취소되었습니다`, en: `[${en}] The session has been cancelled` },
        lines: { ko: '신청하신 행사가 취소되었습니다. 불편을 드려 죄송합니다.', en: 'The session you registered for has been cancelled. We apologise for the inconvenience.' },
      };
    case 'pending':
      return {
        subject: { ko: `[${ko}] 신청이 접수되었습니다 (승인 대기)`, en: `[${en}] Registration received, awaiting approval` },
        lines: { ko: '신청이 접수되었습니다. 담당자가 승인하면 확정 안내를 보내 드립니다.', en: 'Your registration was received; we will tell you once staff have approved it.' },
      };
    case 'rejected':
      return {
        subject: { ko: `[${ko}] 신청이 승인되지 않았습니다`, en: `[${en}] Your registration was not approved` },
        lines: { ko: '죄송합니다. 이번 신청은 승인되지 않았습니다.', en: 'We are sorry: this registration was not approved.' },
      };
    case 'survey':
      return {
        subject: { ko: `[${ko}] 만족도 조사에 참여해 주십시오`, en: `[${en}] Please tell us how it went` },
        lines: { ko: `참석해 주셔서 감사합니다. 만족도 조사: ${extra.surveyUrl}`, en: `Thank you for attending. Satisfaction survey: ${extra.surveyUrl}` },
      };
  }
}

export interface MessageOptions {
  /** Link templates (linkTemplates): the token itself goes in `linkToken`. */
  links?: Links | null;
  offerExpiresAt?: Date | null;
  /** A template (surveyUrlTemplate). */
  surveyUrl?: string;
  /** The token the templates stand for. */
  linkToken?: string | null;
  ownerKind: string;
}

export interface Recipient {
  registrationId: number;
  name: string;
  phone: string | null;
  email: string | null;
}

/**
 * The message to a registrant: e-mail when they gave an address, otherwise SMS to their phone;
 * null for an anonymised registrant (no address left).
 */
export function registrantMessage(kind: MessageKind, r: Recipient, subject: PoolSubject, opts: MessageOptions): Notification | null {
  const channel = r.email ? 'email' : r.phone ? 'sms' : null;
  if (!channel) return null;
  const { subject: subj, lines } = text(kind, subject, opts);
  const when = { ko: seoul(subject.startsAt), en: seoulEn(subject.startsAt) };
  const link = opts.links ? { ko: `\n확인·취소: ${opts.links.statusUrl}`, en: `\nStatus and cancellation: ${opts.links.statusUrl}` } : { ko: '', en: '' };
  const body = [
    `${r.name}님, ${lines.ko}`,
    `일시: ${when.ko} · 장소: ${subject.venue}${link.ko}`,
    '',
    `Dear ${r.name}, ${lines.en}`,
    `When: ${when.en} · Where: ${subject.venue}${link.en}`,
  ].join('\n');
  return {
    channel,
    recipient: (channel === 'email' ? r.email : r.phone)!,
    subject: `${subj.ko} / ${subj.en}`,
    body,
    kind: kind === 'survey' ? 'survey.invitation' : `registration.${kind}`,
    // A confirmation by e-mail carries the check-in QR code (rendered by the outbox worker from the link).
    meta: { registrationId: r.registrationId, ownerKind: opts.ownerKind, ownerId: subject.ownerId, ...(kind === 'confirmed' && opts.links ? { qr: true } : {}) },
    linkToken: opts.linkToken ?? null,
  };
}

const STATUS_WORDS: Record<string, Bilingual> = {
  confirmed: { ko: '확정', en: 'confirmed' },
  waitlisted: { ko: '대기', en: 'on the waiting list' },
  offered: { ko: '자리 제안(수락 대기)', en: 'offered a place, awaiting acceptance' },
  pending: { ko: '승인 대기', en: 'awaiting approval' },
};

export const DUPLICATE_ATTEMPT_KIND = 'registration.duplicate_attempt';

/**
 * The text to a phone that already has a registration in the pool, when someone registers with it
 * again: whoever asked got the same answer as any registrant, so the owner of the number is told
 * here, through the number itself, with the status of the registration it has.
 */
export function duplicateAttemptMessage(existing: { id: number; phone: string; status: string }, subject: PoolSubject, ownerKind: string): Notification {
  const ko = subject.title.ko;
  const en = subject.title.en ?? subject.title.ko;
  const status = STATUS_WORDS[existing.status] ?? { ko: existing.status, en: existing.status };
  const body = [
    `누군가 이 전화번호로 ${ko}에 다시 신청했습니다. 이 번호로 하신 신청이 이미 있어(상태: ${status.ko}) 새로 접수하지 않았습니다.`,
    `신청 내역은 처음 받으신 안내 문자나 전자우편의 확인 링크에서 보실 수 있습니다. 직접 하신 신청이 아니면 이 문자는 무시하셔도 됩니다.`,
    '',
    `Someone registered again for ${en} with this phone number. This number already has a registration (status: ${status.en}), so nothing new was registered.`,
    `The status link in your first message shows it. If this was not you, you can ignore this message.`,
  ].join('\n');
  return {
    channel: 'sms',
    recipient: existing.phone,
    subject: `[${ko}] 같은 번호로 다시 신청이 들어왔습니다 / [${en}] A second registration with your number`,
    body,
    kind: DUPLICATE_ATTEMPT_KIND,
    meta: { registrationId: existing.id, ownerKind, ownerId: subject.ownerId },
  };
}

/** Queues one message to a registrant (see registrantMessage) in the caller's transaction. */
export async function notifyRegistrant(tx: Executor, kind: MessageKind, r: Recipient, subject: PoolSubject, opts: MessageOptions): Promise<void> {
  const message = registrantMessage(kind, r, subject, opts);
  if (message) await enqueueNotification(tx, message);
}
