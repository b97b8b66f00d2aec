/** The accounts module's presenters: users, departments and the signed-in user, as the API answers them. */
import type { departments, users } from './schema.ts';
import type { SessionUser } from './service.ts';

type UserRow = typeof users.$inferSelect;

/** A user as a session and most answers know them: never the password hash. */
export const toSessionUser = (u: UserRow): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, departmentId: u.departmentId });

/** A user as administrators see them: with whether the account is disabled. */
export const userAdminView = (u: UserRow): SessionUser & { disabled: boolean } => ({ ...toSessionUser(u), disabled: u.disabledAt !== null });

export const departmentView = (d: typeof departments.$inferSelect) => ({ id: d.id, name: d.name, nameEn: d.nameEn });
