/** Recognising PostgreSQL errors a service answers itself (a duplicate), on both drivers. */

/** PostgreSQL's unique_violation SQLSTATE. */
const UNIQUE_VIOLATION = '23505';

/**
 * Whether an error — or one it wraps: Drizzle throws DrizzleQueryError with the driver's error as
 * `cause` — is a unique violation, of `constraint` when given. node-postgres reports the
 * constraint's name in `constraint`; PGlite may only name it in the message.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (x.code !== UNIQUE_VIOLATION) continue;
    if (constraint === undefined || x.constraint === constraint || String(x.message ?? '').includes(constraint)) return true;
  }
  return false;
}
