/** Small React hooks shared by the pages. */
import { useCallback, useEffect, useState } from 'react';
import { NotFoundError } from './api-client.ts';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'notFound' }
  | { status: 'error'; error: unknown };

/**
 * Loads data for a page. `key` identifies the request (e.g. the plan id): a new key starts a
 * new load and aborts the old one, so a slow answer for a previous page never wins.
 */
export function useApi<T>(key: string, load: (signal: AbortSignal) => Promise<T>): [AsyncState<T>, () => void] {
  const [state, setState] = useState<{ key: string; attempt: number; value: AsyncState<T> }>({
    key,
    attempt: 0,
    value: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ key, attempt, value: { status: 'loading' } });
    load(controller.signal).then(
      (data) => setState({ key, attempt, value: { status: 'ok', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const value: AsyncState<T> = error instanceof NotFoundError ? { status: 'notFound' } : { status: 'error', error };
        setState({ key, attempt, value });
      },
    );
    return () => controller.abort();
    // `load` is recreated each render on purpose; `key` is what identifies the request.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // Until the effect for a new key has run, report loading rather than the previous page's data.
  const current = state.key === key && state.attempt === attempt ? state.value : { status: 'loading' as const };
  return [current, retry];
}

/** Sets <title>: "page | service". */
export function useDocumentTitle(page: string | null, suffix: string): void {
  useEffect(() => {
    document.title = page ? `${page} | ${suffix}` : suffix;
  }, [page, suffix]);
}
