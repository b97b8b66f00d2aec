/** Staff roles. Public visitors need no account and have no role. */
export const ROLES = ['admin', 'manager', 'officer', 'partner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { ko: string; en: string }> = {
  admin: { ko: '관리자', en: 'Administrator' },
  manager: { ko: '금융산업 담당', en: 'Finance-hub team' },
  officer: { ko: '부서 담당자', en: 'Department officer' },
  partner: { ko: '협력기관', en: 'Partner institution' },
  viewer: { ko: '열람자', en: 'Viewer' },
};
