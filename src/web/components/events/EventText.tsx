/**
 * Bilingual event texts: the reader's language, else the other one with a visible note
 * ("(한국어만 제공 / Korean only)"), marked with its own lang attribute for screen readers.
 */
import type { ReactNode } from 'react';
import type { EventCategory, EventKind, EventSummary, ProgrammeKind, Text2 } from '../../events-api.ts';
import type { Lang, MessageKey, Translate } from '../../i18n.ts';
import { useI18n } from '../../i18n.ts';

function pickText(text: Text2 | string | null | undefined, lang: Lang): { text: string; lang: Lang; fallback: boolean } {
  if (text == null) return { text: '', lang, fallback: false };
  if (typeof text === 'string') return { text, lang: 'ko', fallback: lang !== 'ko' };
  const own = lang === 'en' ? text.en : text.ko;
  if (own) return { text: own, lang, fallback: false };
  const other: Lang = lang === 'en' ? 'ko' : 'en';
  const value = other === 'en' ? text.en : text.ko;
  return value ? { text: value, lang: other, fallback: true } : { text: '', lang, fallback: false };
}

export const plainText = (text: Text2 | string | null | undefined, lang: Lang): string => pickText(text, lang).text;

/** The text in an element of `as`, with the fallback note after it when the language is missing. */
export function LocalText({
  text,
  as = 'span',
  className,
  testId,
}: {
  text: Text2 | string | null | undefined;
  as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' | 'div';
  className?: string;
  testId?: string;
}): ReactNode {
  const { lang, t } = useI18n();
  const picked = pickText(text, lang);
  if (!picked.text) return null;
  const Tag = as;
  return (
    <Tag className={className} data-testid={testId}>
      <span lang={picked.lang !== lang ? picked.lang : undefined}>{picked.text}</span>
      {picked.fallback && (
        <>
          {' '}
          <span className="fallback-note" data-testid="fallback-note">
            {t(picked.lang === 'ko' ? 'koreanOnly' : 'englishOnly')}
          </span>
        </>
      )}
    </Tag>
  );
}

export const KIND_LABELS: Record<EventKind, MessageKey> = { forum: 'kindForum', seminar: 'kindSeminar', conference: 'kindConference' };
export const PROGRAMME_LABELS: Record<ProgrammeKind, MessageKey> = { keynote: 'progKeynote', talk: 'progTalk', panel: 'progPanel', break: 'progBreak', other: 'progOther' };
export const CATEGORY_LABELS: Record<EventCategory['category'], MessageKey> = {
  general: 'catGeneral',
  student: 'catStudent',
  press: 'catPress',
  vip: 'catVip',
  online: 'catOnline',
};

export const labelOr = <K extends string>(labels: Record<K, MessageKey>, key: K, t: Translate): string => (labels[key] ? t(labels[key]) : key);

const SEOUL = 9 * 60 * 60 * 1000;
const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'long' }),
};
const weekdayFormats: Record<Lang, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'full' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'full' }),
};
const timeFormats: Record<Lang, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hour12: false }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hour12: false }),
};

export const seoulDay = (iso: string): string => new Date(new Date(iso).getTime() + SEOUL).toISOString().slice(0, 10);
export const formatDay = (iso: string, lang: Lang): string => weekdayFormats[lang].format(new Date(iso));
export const formatTime = (iso: string, lang: Lang): string => timeFormats[lang].format(new Date(iso));

/** "2026년 9월 5일 – 6일", or the quarter when only that is known. */
export function eventDates(event: Pick<EventSummary, 'startsAt' | 'endsAt' | 'dateApproximate'>, lang: Lang, t: Translate): string {
  const start = new Date(event.startsAt);
  if (Number.isNaN(start.getTime())) return event.startsAt;
  if (event.dateApproximate) {
    const seoul = new Date(start.getTime() + SEOUL);
    // A placeholder date that has passed (the plan's past GENIE Forum editions) reads as past, not as planned.
    const ended = new Date(event.endsAt).getTime() <= Date.now();
    return t(ended ? 'approxDatePast' : 'approxDate', { year: seoul.getUTCFullYear(), quarter: Math.floor(seoul.getUTCMonth() / 3) + 1 });
  }
  const first = dateFormats[lang].format(start);
  const sameDay = seoulDay(event.startsAt) === seoulDay(event.endsAt);
  return sameDay ? `${first} ${formatTime(event.startsAt, lang)}–${formatTime(event.endsAt, lang)}` : `${first} – ${dateFormats[lang].format(new Date(event.endsAt))}`;
}
