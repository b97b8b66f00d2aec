/**
 * A list the server pages by id (?after=&limit=; pageSchema in src/server/paging.ts):
 * `usePagedList` loads it (the first page, "more" appends the next, `refresh` reloads what is shown)
 * and `MoreRows` is its foot (how many are shown of how many, and the "more" button).
 */
import type { z } from 'zod';
import type { pageSchema } from '../../server/paging.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../i18n.ts';

/** One page of a staff list (pageSchema in src/server/paging.ts). */
export type ListPage<T> = Omit<z.infer<ReturnType<typeof pageSchema>>, 'items'> & { items: T[] };

const PAGE_SIZE = 100;
const PAGE_MAX = 500;

/** `path?q=…&after=…&limit=…` for a paged staff list. */
export function pageUrl(path: string, params: Record<string, string | number | null | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  const text = qs.toString();
  return text ? `${path}?${text}` : path;
}

type PagedState<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ok'; items: T[]; nextAfter: number | null; total: number | null };

/**
 * A keyset-paged list: the first page on load (and whenever `key` changes), `more()` appends
 * the next page, `refresh()` reloads as many rows as are shown (after a check-in or approval).
 */
export function usePagedList<T>(key: string, fetchPage: (after: number | null, limit: number, signal: AbortSignal) => Promise<ListPage<T>>) {
  const [state, setState] = useState<PagedState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const stateRef = useRef(state);
  stateRef.current = state;
  // biome-ignore lint/correctness/useExhaustiveDependencies: key and attempt are the triggers (a new search, a retry); the loader is read through a ref
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    setMoreError(null);
    fetchRef.current(null, PAGE_SIZE, controller.signal).then(
      // A load superseded by a newer key (a search typed while the list was loading) may still
      // answer; it must not overwrite the newer answer.
      (page) => {
        if (!controller.signal.aborted) setState({ status: 'ok', ...page });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);
  const more = useCallback(async () => {
    const s = stateRef.current;
    if (s.status !== 'ok' || s.nextAfter === null) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchRef.current(s.nextAfter, PAGE_SIZE, new AbortController().signal);
      setState({ status: 'ok', items: [...s.items, ...page.items], nextAfter: page.nextAfter, total: s.total });
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  }, []);
  const refresh = useCallback(async () => {
    const s = stateRef.current;
    const shown = s.status === 'ok' ? Math.max(PAGE_SIZE, s.items.length) : PAGE_SIZE;
    const items: T[] = [];
    let after: number | null = null;
    let total: number | null = null;
    let first = true;
    do {
      const page: ListPage<T> = await fetchRef.current(after, Math.min(PAGE_MAX, shown - items.length), new AbortController().signal);
      if (first) total = page.total;
      first = false;
      items.push(...page.items);
      after = page.nextAfter;
    } while (after !== null && items.length < shown);
    setState({ status: 'ok', items, nextAfter: after, total });
  }, []);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, more, loadingMore, moreError, refresh, retry };
}

/** "Shown n of total" and the "more" button under a paged list. */
export function MoreRows({
  shown,
  total,
  hasMore,
  busy,
  onMore,
  lang,
  testId,
}: {
  shown: number;
  total: number | null;
  hasMore: boolean;
  busy: boolean;
  onMore: () => void;
  lang: Lang;
  testId: string;
}) {
  if (!hasMore && (total === null || total <= shown)) return null;
  const count = total === null ? '' : lang === 'ko' ? `${total}명 중 ${shown}명 표시` : `Showing ${shown} of ${total}`;
  return (
    <p className="page-actions" data-testid={`${testId}-more-row`}>
      {count && <span role="status">{count}</span>}{' '}
      {hasMore && (
        <button type="button" className="button-secondary" onClick={onMore} disabled={busy} data-testid={`${testId}-more`}>
          {lang === 'ko' ? '더 보기' : 'Show more'}
        </button>
      )}
    </p>
  );
}
