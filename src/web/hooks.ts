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

/**
 * useApi plus `refresh`: loads again in the background and swaps the data in when it arrives,
 * without the loading view (so forms on the page keep their place and focus).
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [state, retryLoad] = useApi(key, load);
  const [fresh, setFresh] = useState<{ key: string; data: T } | null>(null);
  const refresh = useCallback(async () => {
    const data = await load(new AbortController().signal);
    setFresh({ key, data });
    // `load` changes every render; the key names what it loads.
  }, [key]);
  const retry = useCallback(() => {
    setFresh(null);
    retryLoad();
  }, [retryLoad]);
  const current: AsyncState<T> = state.status === 'ok' && fresh?.key === key ? { status: 'ok', data: fresh.data } : state;
  return { state: current, retry, refresh };
}

export interface Mutation {
  busy: boolean;
  error: unknown;
  /** The success message of the last run, if it succeeded. */
  done: string | null;
  run: <R>(send: () => Promise<R>, success?: string) => Promise<R | undefined>;
  reset: () => void;
}

/** State for one form's submit: busy while sending, the error or success of the last attempt. */
export function useMutation(): Mutation {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(async <R,>(send: () => Promise<R>, success?: string): Promise<R | undefined> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await send();
      setDone(success ?? null);
      return result;
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setError(null);
    setDone(null);
  }, []);
  return { busy, error, done, run, reset };
}
