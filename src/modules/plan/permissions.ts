/**
 * Who may change an action. The route policy (EDITORS) already keeps out partners, viewers and
 * anonymous callers; here the department rule: officers only on their own department's actions.
 */
import type { SessionUser } from '../accounts/service.ts';
import { ROLE_FORBIDDEN } from '../../server/auth.ts';
import { AppError } from '../../server/errors.ts';

export function assertCanEditAction(user: SessionUser, ownerDepartmentId: number | null): void {
  if (user.role === 'admin' || user.role === 'manager') return;
  if (user.role === 'officer' && user.departmentId !== null && user.departmentId === ownerDepartmentId) return;
  if (user.role !== 'officer') throw new AppError('FORBIDDEN', ROLE_FORBIDDEN);
  throw new AppError('OTHER_DEPARTMENT', {
    ko: '다른 부서(또는 담당 부서가 정해지지 않은) 추진계획은 고칠 수 없습니다.',
    en: 'This action belongs to another department (or to none): you may not change it.',
  });
}
