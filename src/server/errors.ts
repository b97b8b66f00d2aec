/**
 * One error-code enum and one code → HTTP status table. Every error body says what was wrong
 * in Korean and English, field by field where a field was wrong; a 5xx never leaks internals.
 */
import { withJosa } from './korean.ts';

export const ERROR_STATUS = {
  // Generic codes: the request itself, the session, the framework.
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DB_UNAVAILABLE: 503,

  // Domain codes: which rule refused, so a client can tell the refusals apart.
  /** A state-changing request without a same-origin Origin (CSRF defence). */
  CROSS_ORIGIN: 403,
  /** An officer changing another department's action. */
  OTHER_DEPARTMENT: 403,
  /** Registration: the session (event, category) was cancelled. */
  SESSION_CANCELLED: 409,
  /** Registration: the session has started; no registration is made or changed. */
  SESSION_STARTED: 409,
  REGISTRATION_NOT_OPEN: 409,
  REGISTRATION_CLOSED: 409,
  /** Full; the waiting list is open (register again choosing it). */
  REGISTRATION_FULL: 409,
  /** Full, and there is no waiting list. */
  REGISTRATION_FULL_NO_WAITLIST: 409,
  /** The offered place was not accepted in time and passed on. */
  OFFER_EXPIRED: 409,
  NO_OFFER: 409,
  /** Approving a registration that is not awaiting approval. */
  REGISTRATION_NOT_PENDING: 409,
  /** Checking in a registration that is not confirmed. */
  REGISTRATION_NOT_CONFIRMED: 409,
  /** Lowering a capacity below the places already taken. */
  CAPACITY_BELOW_TAKEN: 409,
  /** A survey is sent once the session or event has ended. */
  SURVEY_TOO_EARLY: 409,
  SURVEY_ALREADY_SENT: 409,
  SURVEY_ALREADY_ANSWERED: 409,
  /** The year already has an academy programme. */
  PROGRAMME_EXISTS: 409,
  /** The year already has a visiting-school demand survey. */
  SCHOOL_SURVEY_EXISTS: 409,
  /** No visiting-school demand survey is taking applications now. */
  APPLICATIONS_CLOSED: 409,
  /** The application's personal data has been purged. */
  APPLICATION_PURGED: 409,
  /** The decision on a scheduled, completed or withdrawn application is final. */
  DECISION_FINAL: 409,
  /** The year's target number of schools is already selected. */
  SCHOOL_TARGET_REACHED: 409,
  /** Only a selected school gets a class. */
  APPLICATION_NOT_SELECTED: 409,
  /** Plan: a plan with this category and number exists. */
  PLAN_EXISTS: 409,
  /** Plan: replacing a plan that has progress, evidence, executions or reports. */
  PLAN_RUNNING: 409,
  /** The action's progress comes from its bound measure. */
  PROGRESS_FROM_MEASURE: 409,
  /** 완료 or 이행 후 계속추진 with progress below 100 (the form asks whether to set 100). */
  DONE_NEEDS_FULL_PROGRESS: 422,
  /** Progress 100 with 추진예정 or 정상추진. */
  FULL_PROGRESS_NOT_UNDER_WAY: 422,
  /** Ledger: an execution dated outside the budget year it is booked to. */
  EXECUTION_OUTSIDE_YEAR: 422,
  /** Ledger: executions passing the money secured, without the explicit override and its reason. */
  EXECUTION_EXCEEDS_SECURED: 409,
  /** Events: held needs real (not approximate) dates and a start that has come. */
  EVENT_HELD_NEEDS_DATES: 422,
  /** Events: an event whose end has passed cannot stay planned (held or cancelled). */
  EVENT_ENDED_STILL_PLANNED: 422,
  /** The quarter has been reported; a report is never rewritten. */
  QUARTER_REPORTED: 409,
  EVENT_EDITION_EXISTS: 409,
  CATEGORY_EXISTS: 409,
  /** Events: two programme items in one room at overlapping times. */
  PROGRAMME_OVERLAP: 409,
  /** Events: a question's kind or choices cannot change under answers already given. */
  QUESTION_ANSWERED: 409,
  EMAIL_TAKEN: 409,
  DEPARTMENT_EXISTS: 409,
  ORGANISATION_EXISTS: 409,
  /** A partner account reaching another organisation's series, meeting or action item. */
  OTHER_ORGANISATION: 403,
  /** The meeting's minutes are approved: they are no longer edited. */
  MINUTES_APPROVED: 409,
  /** Approving minutes that have not been written, or sharing minutes not yet approved. */
  MINUTES_NOT_READY: 409,
  /** Only an action item has a status. */
  NOT_AN_ACTION_ITEM: 409,
  /** Changing one's own role, or disabling one's own account. */
  OWN_ACCOUNT: 409,
  /** Ordinance: a stage move that is not the next stage (backward, repeated or skipping). */
  ORDINANCE_STAGE_ORDER: 409,
  /** Ordinance: leaving the legislative notice while an opinion has no answer. */
  ORDINANCE_OPINIONS_UNANSWERED: 409,
  /** Ordinance: an amendment starts only once the latest round is in force. */
  ORDINANCE_ROUND_OPEN: 409,
  /** Ordinance: opinions are recorded and answered during the legislative notice stage. */
  ORDINANCE_NOT_IN_NOTICE: 409,
  /** Institution attraction: a stage move backward or to the stage the target is at. */
  ATTRACTION_STAGE_ORDER: 409,
  /** Settlement: a facility's stage only moves forward (planning → … → opening). */
  FACILITY_STAGE_BACKWARDS: 409,
  /** Settlement feedback: a step out of order (received → assigned → answered → closed). */
  FEEDBACK_STATUS_ORDER: 409,
  /** Settlement feedback: publishing an item that has no answer yet. */
  FEEDBACK_NOT_ANSWERED: 409,
  /** Settlement feedback: the item already has its photo. */
  FEEDBACK_PHOTO_EXISTS: 409,
  /** Training: the cohort is not taking applications now. */
  TRAINING_APPLICATIONS_CLOSED: 409,
  /** Training: a selection would pass the cohort's capacity (waitlist instead). */
  COHORT_FULL: 409,
  /** Training: the application is not in a state this change applies to. */
  TRAINING_APPLICATION_STATE: 409,
  /** Academy sessions and events: check-in opens FINHUB_CHECK_IN_OPENS_MINUTES before the start. */
  CHECK_IN_NOT_OPEN: 409,
  /** Training: the rotating check-in code was right but is no longer current (scan the room's QR code again). */
  CHECK_IN_CODE_EXPIRED: 409,
  /** Training: the check-in code is not the session's. */
  CHECK_IN_CODE_INVALID: 409,
  /** Training: self check-in is open from 30 minutes before a session until its end. */
  CHECK_IN_CLOSED: 409,
  /** Training: the course evaluation opens when the survey is sent. */
  EVALUATION_NOT_OPEN: 409,
  EVALUATION_ALREADY_ANSWERED: 409,
  CERTIFICATE_REVOKED: 409,
  /** Training: a graduate is referred to an employer only with their referral consent. */
  REFERRAL_CONSENT_MISSING: 409,
  /** Training: referrals and placements are for trainees with a valid certificate. */
  NOT_A_GRADUATE: 409,
  REFERRAL_EXISTS: 409,
  PLACEMENT_EXISTS: 409,
  /** Training: the six-month follow-up is recorded six months after the start at the earliest. */
  FOLLOW_UP_TOO_EARLY: 409,
  /** Outbox: only a message that failed for good is sent again by hand. */
  MESSAGE_NOT_FAILED: 409,
  /** Outbox: the message's recipient was blanked by the retention purge; there is no one to send it to. */
  MESSAGE_PURGED: 409,
  /** The uploaded plan document cannot be read as a plan. */
  PLAN_DOCUMENT_INVALID: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface Bilingual {
  ko: string;
  en: string;
}

export interface FieldError {
  field: string;
  message: Bilingual;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: Bilingual; fields?: FieldError[] };
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly bilingual: Bilingual,
    readonly fields?: FieldError[],
    /** Seconds after which trying again may succeed: sent as Retry-After (a lockout, an outage). */
    readonly retryAfterSeconds?: number,
  ) {
    super(bilingual.en);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.bilingual, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

/** Every code, in table order: the ErrorResponse schema's enum. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The generic code of a status, for errors that carry only a status (Fastify's own 4xx). */
export function genericCode(status: number): ErrorCode | undefined {
  return ERROR_CODES.find((c) => ERROR_STATUS[c] === status);
}

/** One field's message, for an AppError's `fields`. */
export const fieldError = (field: string, ko: string, en: string): FieldError => ({ field, message: { ko, en } });

/** 400 naming each wrong field: "입력값이 올바르지 않습니다: a, b". */
export function invalidFields(fields: FieldError[]): AppError {
  const names = fields.map((f) => f.field).join(', ');
  return new AppError('VALIDATION_FAILED', { ko: `입력값이 올바르지 않습니다: ${names}`, en: `Invalid input: ${names}` }, fields);
}

/** 400 for one wrong field. */
export const invalidField = (field: string, ko: string, en: string): AppError => invalidFields([fieldError(field, ko, en)]);

/** "행사 3을 찾을 수 없습니다." — the particle chosen by the last syllable (src/server/korean.ts). */
export const notFound = (what: Bilingual) => new AppError('NOT_FOUND', { ko: `${withJosa(what.ko, '을/를')} 찾을 수 없습니다.`, en: `${what.en} was not found.` });
