/** Small React hooks shared by the pages. */
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { NotFoundError } from './api-client.ts';

type AsyncState<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'notFound' } | { status: 'error'; error: unknown };

export interface Loaded<T> {
  state: AsyncState<T>;
  /** From the error view: forget what failed and load again, showing "loading". */
  retry: () => void;
  /**
   * Loads again in the background and swaps the data in when it arrives, without the loading
   * view (forms on the page keep their place and focus); rejects when the load fails.
   */
  refresh: () => Promise<void>;
}

/**
 * A page's data through TanStack Query (queries.ts has the client and the keys). `key` names
 * the resource: a new key starts a new load, and the load of a key no page shows any more is
 * aborted (the query function passes on TanStack's AbortSignal), so a slow answer for a previous
 * page never wins. A 404 is the not-found view; data once shown stays while it reloads.
 */
export function useLoad<T>(key: QueryKey, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const client = useQueryClient();
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => load(signal) });
  const retry = () => void client.resetQueries({ queryKey: key, exact: true });
  const refresh = () => client.refetchQueries({ queryKey: key, exact: true }, { throwOnError: true });
  let state: AsyncState<T>;
  if (query.data !== undefined) state = { status: 'ok', data: query.data };
  else if (query.isPending || query.isFetching) state = { status: 'loading' };
  else if (query.error instanceof NotFoundError) state = { status: 'notFound' };
  else state = { status: 'error', error: query.error };
  return { state, retry, refresh };
}

/** Sets <title>: "page | service". */
export function useDocumentTitle(page: string | null, suffix: string): void {
  useEffect(() => {
    document.title = page ? `${page} | ${suffix}` : suffix;
  }, [page, suffix]);
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
  const run = useCallback(async <R>(send: () => Promise<R>, success?: string): Promise<R | undefined> => {
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
