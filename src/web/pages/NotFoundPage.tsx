/** Any path the router does not know. */
import { NotFoundView } from '../components/StatusViews.tsx';
import { useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('notFoundTitle'), t('titleSuffix'));
  return <NotFoundView />;
}
