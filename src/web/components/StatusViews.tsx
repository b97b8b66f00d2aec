/** The loading, not-found and error views every page shares. */
import { useEffect, useRef } from 'react';
import { ApiError } from '../api-client.ts';
import { useI18n } from '../i18n.ts';
import { Link } from './Link.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="status-loading" role="status" data-testid="loading">
      {t('loading')}
    </p>
  );
}

export function NotFoundView() {
  const { t } = useI18n();
  return (
    <div className="status-view" data-testid="not-found">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <p>
        <Link href="/" className="button-secondary">
          {t('backHome')}
        </Link>
      </p>
    </div>
  );
}

export function ErrorView({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { lang, t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // An alert is announced by screen readers; focusing it also stops keyboard users being lost.
  useEffect(() => ref.current?.focus(), []);
  const detail = error instanceof ApiError ? error.describe(lang) : null;
  return (
    <div className="status-view status-error" role="alert" tabIndex={-1} ref={ref} data-testid="error-view">
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorText')}</p>
      {detail && <p className="status-detail">{t('errorDetail', { detail })}</p>}
      <p className="status-actions">
        <button type="button" className="button-primary" onClick={onRetry}>
          {t('retry')}
        </button>
        <Link href="/" className="button-secondary">
          {t('backHome')}
        </Link>
      </p>
    </div>
  );
}
