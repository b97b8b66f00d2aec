/**
 * Typed calls to the finhub API. A 404 is a normal outcome (the not-found view), anything
 * else that is not a 2xx, or a network failure, is an ApiError shown by the error view.
 */
import type { NormalizedPlan } from '../modules/plan/types.ts';
import type { Lang } from './i18n.ts';

export interface PlanSummary {
  id: number;
  category: string;
  number: number;
  pledge: string;
  title: string;
  period: { start: number; end: number };
  totalBudgetKrw: number;
}

export type Plan = NormalizedPlan & { id: number };

/** The server's error body: `{ error: { code, message: { ko, en } } }`. */
interface ErrorBody {
  error?: { code?: string; message?: Partial<Record<Lang, string>> | string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: Partial<Record<Lang, string>>,
  ) {
    super(`${status} ${code}`);
  }

  /** Server message in the wanted language, else the other one, else the status. */
  describe(lang: Lang): string {
    return this.serverMessage[lang] ?? this.serverMessage.ko ?? this.serverMessage.en ?? this.message;
  }
}

export class NotFoundError extends ApiError {}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'NETWORK', { ko: '서버에 연결할 수 없습니다.', en: 'Cannot reach the server.' });
  }
  if (response.ok) return (await response.json()) as T;
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    /* non-JSON error page from a proxy: keep the status only */
  }
  const code = body.error?.code ?? `HTTP_${response.status}`;
  const raw = body.error?.message;
  const message = typeof raw === 'string' ? { ko: raw, en: raw } : (raw ?? {});
  const ErrorClass = response.status === 404 ? NotFoundError : ApiError;
  throw new ErrorClass(response.status, code, message);
}

export async function fetchPlans(signal?: AbortSignal): Promise<PlanSummary[]> {
  const body = await getJson<{ items: PlanSummary[] }>('/api/plans', signal);
  return body.items;
}

export function fetchPlan(id: number, signal?: AbortSignal): Promise<Plan> {
  return getJson<Plan>(`/api/plans/${id}`, signal);
}
