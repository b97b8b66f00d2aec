/** Links between the views of one plan: workspace, ledger, reports, English, the preview with the drafts, and the public page. */
import { useI18n, type MessageKey } from '../../i18n.ts';
import { Link } from '../Link.tsx';

export type PlanView = 'workspace' | 'ledger' | 'reports' | 'english' | 'preview';

const VIEWS: { view: PlanView; suffix: string; label: MessageKey }[] = [
  { view: 'workspace', suffix: '', label: 'linkWorkspace' },
  { view: 'ledger', suffix: '/ledger', label: 'linkLedger' },
  { view: 'reports', suffix: '/reports', label: 'linkReports' },
  { view: 'english', suffix: '/english', label: 'linkEnglish' },
  { view: 'preview', suffix: '/preview', label: 'previewTitle' },
];

export function PlanTabs({ planId, current }: { planId: number; current: PlanView }) {
  const { t } = useI18n();
  return (
    <nav className="plan-tabs" aria-label={t('planViewsLabel')}>
      <ul>
        {VIEWS.map((v) => (
          <li key={v.view}>
            <Link href={`/staff/plans/${planId}${v.suffix}`} aria-current={v.view === current ? 'page' : undefined}>
              {t(v.label)}
            </Link>
          </li>
        ))}
        <li>
          <Link href={`/plans/${planId}`}>{t('linkPublicPage')}</Link>
        </li>
      </ul>
    </nav>
  );
}

/** Staff breadcrumb: dashboard › plan title. */
export function StaffBreadcrumb({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
      <ol>
        <li>
          <Link href="/staff">{t('navDashboard')}</Link>
        </li>
        <li aria-current="page">{title}</li>
      </ol>
    </nav>
  );
}
