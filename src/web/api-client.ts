/**
 * Typed calls to the finhub API. A 404 is a normal outcome (the not-found view), anything
 * else that is not a 2xx, or a network failure, is an ApiError shown by the error view.
 * Staff calls (staff-api.ts) go through the same `request`, which also sends JSON and forms.
 */
import type { z } from 'zod';
import type { HomeSchema } from '../modules/home/api-schema.ts';
import type { FiguresSchema, LedgerAmountsSchema, PlanSchema, PublicActionSchema, PublicEvidenceSchema } from '../modules/plan/api-schema.ts';
import type { Lang } from './i18n.ts';

// The answers' shapes are the server's own zod schemas (the ones that serialise the responses
// and make the OpenAPI document at /api/docs). `import type` is erased by Vite: zod stays out
// of the bundle.

/** 이행률 (mean progress) and 완료율 (share done), computed by the server; null when nothing counts. */
export type Figures = z.infer<typeof FiguresSchema>;
export type PublicEvidence = z.infer<typeof PublicEvidenceSchema>;
export type PublicAction = z.infer<typeof PublicActionSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type PublicEntry = Plan['schedule'][number];
export type LedgerFigures = z.infer<typeof LedgerAmountsSchema>;

export type Bilingual = Partial<Record<Lang, string>>;

export interface FieldError {
  field: string;
  message: Bilingual;
}

/** The server's error body: `{ error: { code, message: { ko, en }, fields? } }`. */
interface ErrorBody {
  error?: { code?: string; message?: Bilingual | string; fields?: { field?: string; message?: Bilingual | string }[] };
}

const bilingual = (raw: Bilingual | string | undefined): Bilingual => (typeof raw === 'string' ? { ko: raw, en: raw } : (raw ?? {}));

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: Bilingual,
    readonly fields: FieldError[] = [],
  ) {
    super(`${status} ${code}`);
  }

  /** Server message in the wanted language, else the other one, else the status. */
  describe(lang: Lang): string {
    return this.serverMessage[lang] ?? this.serverMessage.ko ?? this.serverMessage.en ?? this.message;
  }
}

export class NotFoundError extends ApiError {}

/** Fired on window when a staff call answers 401: the session ended (expiry, sign-out elsewhere). */
export const UNAUTHORIZED_EVENT = 'finhub:unauthorized';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** Do not announce a 401 as a lost session (the login form expects one). */
  quiet401?: boolean;
}

export async function request<T>(path: string, { method = 'GET', json, form, signal, quiet401 = false }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form; // the browser writes the multipart boundary
  }
  let response: Response;
  try {
    // Same-origin credentials: the HttpOnly session cookie goes along, and the browser adds
    // the Origin header the server's CSRF check wants on state-changing requests.
    response = await fetch(path, { method, headers, body, signal, credentials: 'same-origin' });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'NETWORK', { ko: '서버에 연결할 수 없습니다.', en: 'Cannot reach the server.' });
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  let errorBody: ErrorBody = {};
  try {
    errorBody = (await response.json()) as ErrorBody;
  } catch {
    /* non-JSON error page from a proxy: keep the status only */
  }
  const code = errorBody.error?.code ?? `HTTP_${response.status}`;
  const fields = (errorBody.error?.fields ?? []).map((f) => ({ field: f.field ?? '', message: bilingual(f.message) }));
  if (response.status === 401 && !quiet401) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  const ErrorClass = response.status === 404 ? NotFoundError : ApiError;
  throw new ErrorClass(response.status, code, bilingual(errorBody.error?.message), fields);
}

/** The public home's one answer (src/modules/home). */
export type Home = z.infer<typeof HomeSchema>;

export function fetchHome(signal?: AbortSignal): Promise<Home> {
  return request<Home>('/api/home', { signal });
}

export function fetchPlan(id: number, signal?: AbortSignal): Promise<Plan> {
  return request<Plan>(`/api/plans/${id}`, { signal });
}
