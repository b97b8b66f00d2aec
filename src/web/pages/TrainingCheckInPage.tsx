/**
 * `/training/check-in?session=…&code=…`: where the room's QR code leads. With the trainee's link
 * kept in this browser (their status page keeps it) the check-in is sent at once; otherwise the
 * page says to open the link from the message first.
 */
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { ApiError } from '../api-client.ts';
import { Link } from '../components/Link.tsx';
import { useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { selfCheckIn } from '../training-api.ts';
import { TOKEN_STORE } from './TrainingStatusPage.tsx';

export function TrainingCheckInPage() {
  const { lang, t } = useI18n();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const sessionId = Number(params.get('session'));
  const code = params.get('code') ?? '';
  const token = typeof localStorage === 'undefined' ? null : localStorage.getItem(TOKEN_STORE);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const sent = useRef(false);
  useDocumentTitle(t('checkInHeading'), t('titleSuffix'));
  useEffect(() => {
    if (sent.current || !token || !Number.isInteger(sessionId) || sessionId < 1 || !/^\d{6}$/.test(code)) return;
    sent.current = true;
    selfCheckIn(token, sessionId, code).then(
      (r) => setResult({ ok: true, text: r.alreadyCheckedIn ? t('trAlreadyCheckedIn') : t('trCheckedIn') }),
      (e: unknown) => setResult({ ok: false, text: e instanceof ApiError ? e.describe(lang) : t('unexpectedError') }),
    );
  }, [token, sessionId, code, t, lang]);
  return (
    <>
      <h1>{t('checkInHeading')}</h1>
      {!token ? (
        <p data-testid="check-in-no-token">{t('checkInNeedsLink')}</p>
      ) : result ? (
        <p className={result.ok ? 'form-received' : 'form-alert'} role={result.ok ? 'status' : 'alert'} data-testid="check-in-result" data-ok={String(result.ok)}>
          {result.text}
        </p>
      ) : (
        <p>{t('checkingIn')}</p>
      )}
      {token && (
        <p>
          <Link href={`/training/status/${token}`}>{t('traineeTitle')}</Link>
        </p>
      )}
    </>
  );
}
