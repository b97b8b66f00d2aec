/**
 * The foot of a list the server pages ("more" appends the next page): how many are shown of how
 * many, and the "more" button. The data comes from whatever loads the list.
 */
import type { Lang } from '../i18n.ts';

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
