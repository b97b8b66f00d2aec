/** Shown when the signed-in role may not open a staff page (the API would answer 403). */
import { useDocumentTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { Link } from '../Link.tsx';

export function ForbiddenView() {
  const { t } = useI18n();
  useDocumentTitle(t('forbiddenTitle'), t('staffTitleSuffix'));
  return (
    <div className="status-view" data-testid="forbidden">
      <h1>{t('forbiddenTitle')}</h1>
      <p>{t('forbiddenText')}</p>
      <p>
        <Link href="/staff" className="button-secondary">
          {t('navDashboard')}
        </Link>
      </p>
    </div>
  );
}
