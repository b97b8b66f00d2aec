/** An API-only app (no web build needed) over a fresh test database of the given kind. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { openTestDatabase, type DbKind } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** Tests sign in often from one address: the login limit is off unless a test sets one. */
export async function openTestApp(kind: DbKind, opts: { loginRateLimit?: number } = {}): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const app = await buildApp({ config: { logLevel: 'silent', loginRateLimit: opts.loginRateLimit ?? 0 }, database, web: false });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
