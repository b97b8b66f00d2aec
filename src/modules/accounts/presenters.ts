/** The accounts module's presenters: users, departments and the signed-in user, as the API answers them. */
import type { departments, organisations, users } from './schema.ts';
import type { SessionUser } from './service.ts';

type UserRow = typeof users.$inferSelect;

/** A user as a session and most answers know them: never the password hash. */
export const toSessionUser = (u: UserRow): SessionUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  departmentId: u.departmentId,
  organisationId: u.organisationId,
});

/** A user as administrators see them: with whether the account is disabled. */
export const userAdminView = (u: UserRow): SessionUser & { disabled: boolean } => ({ ...toSessionUser(u), disabled: u.disabledAt !== null });

export const departmentView = (d: typeof departments.$inferSelect) => ({ id: d.id, name: d.name, nameEn: d.nameEn });

/** An organisation as the API answers it: kind, names in both languages, contacts. */
export const organisationView = (o: typeof organisations.$inferSelect) => ({
  id: o.id,
  kind: o.kind,
  name: { ko: o.nameKo, en: o.nameEn ?? o.nameKo },
  contacts: o.contacts,
});
