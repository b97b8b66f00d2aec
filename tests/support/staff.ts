/**
 * Staff users and API calls for browser tests against the real `finhub serve` process: the
 * first admin comes from the CLI (before the server holds the embedded database), the rest
 * through the API with a signed-in admin, the way a browser would (cookie + same-origin Origin).
 */
import { execFileSync } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';

export const STAFF_PASSWORD = 'a-long-password';

/** `finhub user add` with the password on stdin; run before the server starts (PGlite is single-process). */
export function addUserWithCli(dataDir: string, email: string, role: string, name: string, password = STAFF_PASSWORD): void {
  const { DATABASE_URL: _, ...env } = process.env;
  execFileSync(process.execPath, ['bin/finhub.mjs', 'user', 'add', '--email', email, '--role', role, '--name', name], {
    env: { ...env, FINHUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    input: `${password}\n`,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export class ApiSession {
  private constructor(
    private readonly base: string,
    private readonly cookie: string,
  ) {}

  static async signIn(base: string, email: string, password = STAFF_PASSWORD): Promise<ApiSession> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('finhub_session='));
    if (!cookie) throw new Error('no session cookie');
    return new ApiSession(base, cookie.split(';')[0]!);
  }

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { cookie: this.cookie, origin: this.base, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Signs in through the login page; returns the page, on the dashboard (or `next`). */
export async function signInPage(context: BrowserContext, base: string, email: string, password = STAFF_PASSWORD, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/staff/login${query}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form[data-testid="login-form"] button[type="submit"]').click();
  await page.getByTestId('staff-nav').waitFor();
  return page;
}
