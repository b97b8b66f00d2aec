/**
 * What the registration engine tells registrants (through the outbox): bilingual bodies with
 * the status/cancel link. Links carry the token; the registrations table keeps only its SHA-256,
 * and an outbox body keeps the link as a template (LINK_TOKEN) with the token beside it until
 * the message is sent (notifications/service.ts).
 */
import type { Executor } from '../../db/executor.ts';
import type { Bilingual } from '../../server/errors.ts';
import { enqueueNotification, LINK_TOKEN, type Notification } from '../notifications/service.ts';
import { REGISTRATION_CALENDAR } from './calendar.ts';
import { isMobilePhone } from './phone.ts';

/** What a pool sells, as registrants see it (an academy session, a forum category …). */
export interface PoolSubject {
  ownerId: number;
  title: { ko: string; en: string | null };
  startsAt: Date;
  /** When it ends (for the calendar file; two hours after the start when unknown). */
  endsAt?: Date;
  venue: string;
  /** The calendar SEQUENCE and last change of the thing (src/server/calendar.ts), for the attached .ics. */
  sequence?: number;
  modifiedAt?: Date;
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

export type MessageKind =
  | 'confirmed'
  | 'waitlisted'
  | 'offered'
  | 'offer_accepted'
  | 'cancelled'
  | 'offer_expired'
  | 'pool_cancelled'
  | 'survey'
  | 'pending'
  | 'rejected'
  | 'reminder';

/** The languages a registrant may use; messages lead with theirs and give the other below. */
const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const languageOf = (v: unknown): Language => (v === 'en' ? 'en' : 'ko');

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with one.
const seoulKo = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'long', timeStyle: 'short' });
const seoulEnGb = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'long', timeStyle: 'short' });
export const seoul = (d: Date) => seoulKo.format(d);
export const seoulEn = (d: Date) => `${seoulEnGb.format(d)} (KST)`;

interface TextExtra {
  offerExpiresAt?: Date | null;
  surveyUrl?: string;
  acceptUrl?: string | null;
}

function text(kind: MessageKind, s: PoolSubject, extra: TextExtra): { subject: Bilingual; lines: Bilingual } {
  const ko = s.title.ko;
  const en = s.title.en ?? s.title.ko;
  switch (kind) {
    case 'confirmed':
      return {
        subject: { ko: `[${ko}] 신청이 확정되었습니다`, en: `[${en}] Your registration is confirmed` },
        lines: {
          ko: '신청이 확정되었습니다. 당일 입구에서 첨부한 QR 코드(또는 확인 링크의 QR 코드)를 보여 주십시오. 일정은 첨부한 달력 파일(.ics)로 달력에 넣을 수 있습니다.',
          en: 'Your place is confirmed. Show the attached QR code (or the one on your status page) at the door. The attached calendar file (.ics) adds it to your calendar.',
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
      const accept = extra.acceptUrl ? { ko: ` 수락하기: ${extra.acceptUrl}`, en: ` Accept here: ${extra.acceptUrl}` } : { ko: '', en: '' };
      return {
        subject: { ko: `[${ko}] 자리가 났습니다 — ${seoul(until)}까지 수락해 주십시오`, en: `[${en}] A place is free for you — accept by ${seoulEn(until)}` },
        lines: {
          ko: `대기 순서가 되어 자리를 드립니다. ${seoul(until)}까지 수락하지 않으면 다음 분께 넘어갑니다.${accept.ko}`,
          en: `A place has freed up for you. Accept it by ${seoulEn(until)}, or it passes to the next person.${accept.en}`,
        },
      };
    }
    case 'offer_accepted':
      return {
        subject: { ko: `[${ko}] 신청이 확정되었습니다`, en: `[${en}] Your registration is confirmed` },
        lines: {
          ko: '제안을 수락하여 신청이 확정되었습니다. 일정은 첨부한 달력 파일(.ics)로 달력에 넣을 수 있습니다.',
          en: 'You accepted the offer; your place is confirmed. The attached calendar file (.ics) adds it to your calendar.',
        },
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
    case 'reminder':
      return {
        subject: { ko: `[${ko}] 내일 뵙겠습니다`, en: `[${en}] See you tomorrow` },
        lines: {
          ko: '신청하신 일정이 곧 시작합니다. 오지 못하시면 처음 받으신 안내의 확인 링크에서 취소해 주십시오. 다른 분께 자리가 넘어갑니다.',
          en: 'Your session starts soon. If you cannot come, please cancel with the status link in your first message, so that the place goes to someone else.',
        },
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
  /** The site's address: with it a confirmation by e-mail carries the calendar file (.ics). */
  publicUrl?: string;
}

export interface Recipient {
  registrationId: number;
  name: string;
  phone: string | null;
  email: string | null;
  /** The language the registrant used (default Korean). */
  language?: string | null;
}

/** Two blocks, the registrant's language first, the other below; "a / b" for a subject line. */
function inLanguageOrder(language: Language, blocks: Bilingual): [string, string] {
  return language === 'en' ? [blocks.en, blocks.ko] : [blocks.ko, blocks.en];
}

/** Kinds that confirm a place: an e-mail of one carries the calendar file. */
const CONFIRMING: ReadonlySet<MessageKind> = new Set(['confirmed', 'offer_accepted']);

/**
 * The message to a registrant: e-mail when they gave an address, otherwise SMS to their phone
 * when it is a mobile number; null for an anonymised registrant (no address left) or one with
 * neither. The text leads with the registrant's language, the other language below.
 */
export function registrantMessage(kind: MessageKind, r: Recipient, subject: PoolSubject, opts: MessageOptions): Notification | null {
  const channel = r.email ? 'email' : r.phone && isMobilePhone(r.phone) ? 'sms' : null;
  if (!channel) return null;
  const language = languageOf(r.language);
  const acceptUrl = kind === 'offered' && opts.links ? opts.links.statusUrl : null;
  const { subject: subj, lines } = text(kind, subject, { ...opts, acceptUrl });
  const when = { ko: seoul(subject.startsAt), en: seoulEn(subject.startsAt) };
  const link = opts.links && kind !== 'offered' ? { ko: `\n확인·취소: ${opts.links.statusUrl}`, en: `\nStatus and cancellation: ${opts.links.statusUrl}` } : { ko: '', en: '' };
  const blocks: Bilingual = {
    ko: [`${r.name}님, ${lines.ko}`, `일시: ${when.ko} · 장소: ${subject.venue}${link.ko}`].join('\n'),
    en: [`Dear ${r.name}, ${lines.en}`, `When: ${when.en} · Where: ${subject.venue}${link.en}`].join('\n'),
  };
  const [first, second] = inLanguageOrder(language, blocks);
  const [subjectFirst, subjectSecond] = inLanguageOrder(language, subj);
  // The calendar is built when the message is sent (calendar.ts), from the session or event as it is then.
  const calendar = channel === 'email' && CONFIRMING.has(kind) && opts.publicUrl ? { attach: REGISTRATION_CALENDAR, publicUrl: opts.publicUrl } : {};
  return {
    channel,
    recipient: (channel === 'email' ? r.email : r.phone)!,
    subject: `${subjectFirst} / ${subjectSecond}`,
    body: [first, '', second].join('\n'),
    kind: kind === 'survey' ? 'survey.invitation' : `registration.${kind}`,
    meta: {
      registrationId: r.registrationId,
      ownerKind: opts.ownerKind,
      ownerId: subject.ownerId,
      language,
      // A confirmation by e-mail carries the check-in QR code (rendered by the outbox worker from the link).
      ...(kind === 'confirmed' && opts.links ? { qr: true } : {}),
      ...calendar,
    },
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
export function duplicateAttemptMessage(existing: { id: number; phone: string; status: string; language?: string | null }, subject: PoolSubject, ownerKind: string): Notification {
  const ko = subject.title.ko;
  const en = subject.title.en ?? subject.title.ko;
  const language = languageOf(existing.language);
  const status = STATUS_WORDS[existing.status] ?? { ko: existing.status, en: existing.status };
  const [first, second] = inLanguageOrder(language, {
    ko: [
      `누군가 이 전화번호로 ${ko}에 다시 신청했습니다. 이 번호로 하신 신청이 이미 있어(상태: ${status.ko}) 새로 접수하지 않았습니다.`,
      `신청 내역은 처음 받으신 안내 문자나 전자우편의 확인 링크에서 보실 수 있습니다. 링크를 잃어버리셨으면 누리집의 '내 신청 찾기'에서 다시 받으실 수 있습니다. 직접 하신 신청이 아니면 이 문자는 무시하셔도 됩니다.`,
    ].join('\n'),
    en: [
      `Someone registered again for ${en} with this phone number. This number already has a registration (status: ${status.en}), so nothing new was registered.`,
      `The status link in your first message shows it ("Find my registration" on the website sends it again). If this was not you, you can ignore this message.`,
    ].join('\n'),
  });
  const [subjectFirst, subjectSecond] = inLanguageOrder(language, { ko: `[${ko}] 같은 번호로 다시 신청이 들어왔습니다`, en: `[${en}] A second registration with your number` });
  return {
    channel: 'sms',
    recipient: existing.phone,
    subject: `${subjectFirst} / ${subjectSecond}`,
    body: [first, '', second].join('\n'),
    kind: DUPLICATE_ATTEMPT_KIND,
    meta: { registrationId: existing.id, ownerKind, ownerId: subject.ownerId, language },
  };
}

export const LOOKUP_KIND = 'registration.lookup';

/**
 * "Find my registration": one registration's link, sent to the phone or e-mail that asked (and
 * only there), with its status; the link (LINK_TOKEN) is a fresh one of its own (engine/lookup.ts).
 */
export function lookupMessage(
  to: { channel: 'email' | 'sms'; recipient: string },
  r: { id: number; status: string; language?: string | null },
  subject: PoolSubject,
  opts: { publicUrl: string; ownerKind: string; linkToken: string; linkExpiresAt: Date },
): Notification {
  const ko = subject.title.ko;
  const en = subject.title.en ?? subject.title.ko;
  const language = languageOf(r.language);
  const status = STATUS_WORDS[r.status] ?? { ko: r.status, en: r.status };
  const url = linksFor(opts.publicUrl, LINK_TOKEN).statusUrl;
  const [first, second] = inLanguageOrder(language, {
    ko: [
      `요청하신 신청 확인 링크입니다. ${ko} · 상태: ${status.ko} · 일시: ${seoul(subject.startsAt)}`,
      `확인·취소: ${url}`,
      `이 링크는 ${seoul(opts.linkExpiresAt)}까지 쓸 수 있습니다. 요청하지 않으셨으면 이 안내는 무시하셔도 됩니다.`,
    ].join('\n'),
    en: [
      `Here is the link to your registration, as asked. ${en} · status: ${status.en} · when: ${seoulEn(subject.startsAt)}`,
      `Status and cancellation: ${url}`,
      `This link works until ${seoulEn(opts.linkExpiresAt)}. If you did not ask for it, you can ignore this message.`,
    ].join('\n'),
  });
  const [subjectFirst, subjectSecond] = inLanguageOrder(language, { ko: `[${ko}] 신청 확인 링크`, en: `[${en}] The link to your registration` });
  return {
    channel: to.channel,
    recipient: to.recipient,
    subject: `${subjectFirst} / ${subjectSecond}`,
    body: [first, '', second].join('\n'),
    kind: LOOKUP_KIND,
    meta: { registrationId: r.id, ownerKind: opts.ownerKind, ownerId: subject.ownerId, language },
    linkToken: opts.linkToken,
  };
}

/** Queues one message to a registrant (see registrantMessage) in the caller's transaction. */
export async function notifyRegistrant(tx: Executor, kind: MessageKind, r: Recipient, subject: PoolSubject, opts: MessageOptions): Promise<void> {
  const message = registrantMessage(kind, r, subject, opts);
  if (message) await enqueueNotification(tx, message);
}
