/**
 * `/staff/training/sessions/:id/display`: the room's screen — the session's QR code and six-digit
 * code, which change every 30 seconds (the page fetches the current one every 5 seconds), so a
 * photo sent to someone outside the room stops working within a minute. A failed load is tried
 * again at the next tick.
 */
import { useEffect, useState } from 'react';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { useDocumentTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { checkInCode, type CheckInCode } from '../../training-api.ts';

export function TrainingDisplayPage({ id }: { id: number }) {
  const { t } = useI18n();
  const [code, setCode] = useState<CheckInCode | null>(null);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle(t('roomDisplay'), t('titleSuffix'));
  useEffect(() => {
    let live = true;
    const controller = new AbortController();
    const load = () =>
      checkInCode(id, controller.signal).then(
        (c) => {
          if (!live) return;
          setCode(c);
          setError(null);
        },
        (e: unknown) => {
          if (live && !controller.signal.aborted) setError(e);
        },
      );
    void load();
    const timer = setInterval(load, 5000);
    return () => {
      live = false;
      controller.abort();
      clearInterval(timer);
    };
  }, [id]);
  if (error && !code) return <ErrorView error={error} onRetry={() => setError(null)} />;
  if (!code) return <Loading />;
  return (
    <section className="room-display" aria-labelledby="display-heading">
      <h1 id="display-heading">{t('roomDisplayHeading')}</h1>
      <img className="room-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.svg)}`} alt={t('roomQrAlt')} data-testid="room-qr" />
      <p className="room-code" data-testid="room-code" aria-live="polite">
        {code.code}
      </p>
      <p>{t('roomDisplayHint')}</p>
    </section>
  );
}
