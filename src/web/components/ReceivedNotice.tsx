/**
 * What a citizen sees after sending a registration or a school application: the server's one
 * answer (RECEIVED), the same whether the phone was new or already registered, so the page shows
 * no status and no link; the result and the status link arrive by text message or e-mail.
 */
import { useEffect, useRef } from 'react';
import { Link } from './Link.tsx';
import type { Received } from '../education-api.ts';
import { localText } from '../education-format.ts';
import { useI18n } from '../i18n.ts';

export function ReceivedNotice({ received }: { received: Received }) {
  const { lang, t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="form-received" role="status" tabIndex={-1} ref={ref} data-testid="application-received">
      <h2>{t('receivedHeading')}</h2>
      <p>{localText(received.message, lang)}</p>
      <p>{t('receivedNext')}</p>
      <p>
        <Link href="/registrations/find">{t('findLink')}</Link>
      </p>
    </div>
  );
}
