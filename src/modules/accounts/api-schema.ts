import { z } from 'zod';
import { dbId, idNumber } from '../../server/api-schema.ts';
import { singleLine } from '../../server/text.ts';
import { ROLES } from './roles.ts';

const email = singleLine(254).pipe(z.email());
export const UserSchema = z
  .object({ id: dbId(), email: z.string(), name: z.string(), role: z.enum(ROLES), departmentId: dbId().nullable(), organisationId: dbId().nullable() })
  .meta({ id: 'User' });
export const UserAdminSchema = UserSchema.extend({ disabled: z.boolean() });
export const LoginBody = z.object({ email, password: z.string().min(1).max(200) });
export const PasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) });
export const NewUserBody = z.object({
  email,
  name: singleLine(100),
  role: z.enum(ROLES),
  departmentId: dbId().nullable().optional(),
  organisationId: dbId().nullable().optional(),
  password: z.string().max(200),
});
export const UserPatchBody = z
  .object({
    name: singleLine(100),
    role: z.enum(ROLES),
    departmentId: dbId().nullable(),
    organisationId: dbId().nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change' });
export const DepartmentSchema = z.object({ id: dbId(), name: z.string(), nameEn: z.string().nullable() }).meta({ id: 'Department' });
export const NewDepartmentBody = z.object({ name: singleLine(100), nameEn: singleLine(100, { min: 0 }).nullable().optional() });
export const IdParams = z.object({ id: idNumber() });
