/**
 * Errors as they may be logged: what went wrong and where, never the values involved. Drizzle's
 * DrizzleQueryError writes the query's parameters into its message (`Failed query: … params:
 * 홍길동,010-1234-5678`); a PostgreSQL error carries the values in `detail` (`Key (phone)=(010…)
 * already exists`), `where` and sometimes its message (`invalid input syntax for type integer:
 * "…"`). Logged instead: the error's type, code, constraint, table, column, the query text without
 * its parameters, a scrubbed message and the stack frames — for each error of the `cause` chain.
 */
import { REDACTED } from './log-redaction.ts';

/** A logged error: plain data, nothing a person typed. */
export interface SafeError {
  type: string;
  message: string;
  code?: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  /** The SQL text with its $1, $2 … placeholders, never the values bound to them. */
  query?: string;
  stack?: string;
  cause?: SafeError;
}

/** Values that may still stand in a message: a trailing quoted literal, phone numbers, e-mail addresses. */
export function scrubText(text: string): string {
  return (
    text
      .replace(/(:\s*)"(?:[^"]|"")*"\s*$/s, `$1"${REDACTED}"`)
      .replace(/\(([^()]*)\)=\((.*)\)/gs, `($1)=(${REDACTED})`)
      .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, REDACTED)
      // Korean phone numbers (010-1234-5678, 01012345678, +82 10 …), not addresses or ports.
      .replace(/(?:\+82[-\s]?|(?<![\d.])0)\d{1,2}[-\s.]?\d{3,4}[-\s.]?\d{4}(?![\d.])/g, REDACTED)
  );
}

/** An error message as it may be logged: DrizzleQueryError's "\nparams: <values>" tail dropped, the rest scrubbed. */
export function scrubMessage(message: string, max = 500): string {
  return scrubText(message.split(/\nparams:/)[0]!).slice(0, max);
}

const STRING_FIELDS = ['code', 'severity', 'constraint', 'table', 'column', 'schema'] as const;

function safeOne(err: unknown, depth: number): SafeError {
  if (!err || typeof err !== 'object') return { type: typeof err, message: scrubText(String(err)).slice(0, 500) };
  const e = err as Record<string, unknown>;
  const ctor = (err as object).constructor?.name;
  const type = (ctor && ctor !== 'Object' && ctor !== 'Error' ? ctor : typeof e.name === 'string' && e.name) || 'Error';
  const isQueryError = typeof e.query === 'string' && 'params' in e;
  // DrizzleQueryError's message is "Failed query: <sql>\nparams: <values>": keep only the first part.
  const rawMessage = typeof e.message === 'string' ? e.message : '';
  const message = isQueryError ? 'Failed query' : scrubMessage(rawMessage);
  const out: SafeError = { type, message };
  for (const k of STRING_FIELDS) {
    if (typeof e[k] === 'string' || typeof e[k] === 'number') out[k] = String(e[k]);
  }
  if (isQueryError) out.query = (e.query as string).slice(0, 2000);
  if (typeof e.stack === 'string') {
    // The stack's first line repeats the message (with the parameters): keep only the frames.
    const frames = e.stack
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 15);
    out.stack = [`${type}: ${message}`, ...frames].join('\n');
  }
  if (e.cause !== undefined && depth < 5) out.cause = safeOne(e.cause, depth + 1);
  return out;
}

/**
 * The error (and its causes) as it may be logged: `log.error({ error: safeError(err) }, …)` — under
 * `error`, not `err`, which pino would serialize as an Error again (folding the causes into one
 * message and dropping their codes).
 */
export function safeError(err: unknown): SafeError {
  return safeOne(err, 0);
}

/** One line for a log or a status column: the innermost cause's type, code and scrubbed message. */
export function safeErrorText(err: unknown): string {
  let s = safeError(err);
  const parts = [];
  for (;;) {
    parts.push(`${s.code ? `${s.code} ` : ''}${s.message}${s.constraint ? ` (${s.constraint})` : ''}`);
    if (!s.cause) break;
    s = s.cause;
  }
  return parts.join(': ');
}
