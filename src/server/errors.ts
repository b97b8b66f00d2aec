/**
 * One error-code enum and one code → HTTP status table. Every error body says what was wrong
 * in Korean and English, field by field where a field was wrong; a 5xx never leaks internals.
 */
export const ERROR_STATUS = {
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

export const notFound = (what: Bilingual) =>
  new AppError('NOT_FOUND', { ko: `${what.ko}을(를) 찾을 수 없습니다.`, en: `${what.en} was not found.` });
