/**
 * Removing personal data from feedback before the public board shows it: e-mail addresses,
 * phone numbers, car plates and people's names are replaced by a bracketed word. This is a
 * proposal, not a guarantee: staff read it and approve (or edit) what is published.
 *
 * - E-mails: local@domain.tld → [이메일]
 * - Phones: Korean mobile and area numbers with or without hyphens, dots or spaces, and +82
 *   forms (010-1234-5678, 01012345678, 02 123 4567, 063-222-1234, +82 10-1234-5678) → [전화번호]
 * - Car plates: 12가3456, 123가 4567, 전북 12가 3456 (old regional form) → [차량번호]
 * - Names: a Korean surname with one or two syllables before a title or honorific (김철수 씨,
 *   홍길동님, 박민 주무관, 남궁민수 과장님), after "이름은 / 저는 … 입니다", and Latin names after
 *   Mr/Ms/Mrs/Dr → [이름], the title kept.
 */

export const REDACTED = { email: '[이메일]', phone: '[전화번호]', plate: '[차량번호]', name: '[이름]' } as const;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Korean phone numbers: +82 or 0, then the area / mobile prefix and two groups. Not inside longer digit runs. */
const PHONE = /(?<![\d])(?:\+82[-.\s]?(?:0?1[016789]|0?[2-6][0-9]?)|01[016789]|02|0[3-6][1-5]|070|050\d?|080)[-.\s)]?\d{3,4}[-.\s]?\d{4}(?!\d)/g;
/** 1588-1234 style numbers (대표번호). */
const SERVICE_NUMBER = /(?<!\d)1[568]\d{2}-\d{4}(?!\d)/g;

const REGIONS = '서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주';
/** Plates: (region) 2–3 digits, one Hangul syllable, 4 digits. */
const PLATE = new RegExp(`(?<![0-9가-힣])(?:(?:${REGIONS})\\s?)?\\d{2,3}\\s?[가-힣]\\s?\\d{4}(?!\\d)`, 'g');

const SURNAMES_2 = '남궁|황보|제갈|선우|독고|사공|서문|동방';
const SURNAMES_1 =
  '김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉';
const NAME = `(?:${SURNAMES_2}|[${SURNAMES_1}])[가-힣]{1,2}`;
/** A full name of three syllables (or a two-syllable surname and one or two): before 씨 / 님. */
const FULL_NAME = `(?:(?:${SURNAMES_2})[가-힣]{1,2}|[${SURNAMES_1}][가-힣]{2})`;
/** Words that look like a name before a title but are places or offices (전주시 과장, 시청 주무관). */
const NOT_NAMES = '(?!전주시|전북도|전라북|완주군|익산시|군산시|정읍시|남원시|김제시|시청|구청|도청|동사무|주민센|공단|고객|기사|주민|시민|선생|주무관|사무관|의원님)';
/** Office titles after a name of two or three syllables, with or without a space. */
const OFFICE_TITLES = '선생님|주무관|과장|팀장|계장|국장|소장|부장|대리|주임|사무관|원장|의원|교수|기자';
const NAME_BEFORE_TITLE = new RegExp(`(?<![가-힣])${NOT_NAMES}(?:${NAME}(?=\\s?(?:${OFFICE_TITLES}))|${FULL_NAME}(?=\\s?(?:씨(?![앗름발알])|님)))`, 'g');
/** "이름은 홍길동", "제 이름은 홍길동입니다", "저는 홍길동입니다". */
const NAME_INTRO = new RegExp(`((?:이름은|이름:|성명:?|저는)\\s*)${NAME}(?=\\s|입니다|이고|이며|이에요|예요|$|[.,!?])`, 'g');
const LATIN_NAME = /\b((?:Mr|Ms|Mrs|Dr|Miss)\.?\s+)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g;

/** The text with e-mails, phones, car plates and names replaced; the list of what kinds were found. */
export function redact(text: string): { text: string; found: (keyof typeof REDACTED)[] } {
  const found = new Set<keyof typeof REDACTED>();
  const sub =
    (kind: keyof typeof REDACTED) =>
    (..._args: unknown[]) => {
      found.add(kind);
      return REDACTED[kind];
    };
  let out = text.replace(EMAIL, sub('email'));
  out = out.replace(PHONE, sub('phone')).replace(SERVICE_NUMBER, sub('phone'));
  out = out.replace(PLATE, sub('plate'));
  out = out.replace(NAME_INTRO, (_m, lead: string) => {
    found.add('name');
    return `${lead}${REDACTED.name}`;
  });
  out = out.replace(NAME_BEFORE_TITLE, sub('name'));
  out = out.replace(LATIN_NAME, (_m, lead: string) => {
    found.add('name');
    return `${lead}${REDACTED.name}`;
  });
  return { text: out, found: [...found] };
}

export const redactText = (text: string): string => redact(text).text;
