/**
 * 기준일: the day the data behind a figure last changed, in Seoul, next to the figure. The date
 * comes from the server (asOf fields), never from the reader's clock.
 */
import type { MessageKey } from '../i18n.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.ts';

export function AsOf({ at, label = 'asOfDate', testId }: { at: string; label?: MessageKey; testId?: string }) {
  const { lang, t } = useI18n();
  const [before, after] = t(label, { date: '\u0000' }).split('\u0000');
  return (
    <p className="as-of" data-testid={testId}>
      {before}
      <time dateTime={at}>{formatDate(at, lang)}</time>
      {after}
    </p>
  );
}
