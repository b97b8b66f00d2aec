/**
 * Tokens never reach the logs: every public token route, spelled many ways, at trace level,
 * with the log read from the app's own stream. Cookies are never logged either.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { REDACTED, redactUrl } from '../../src/server/log-redaction.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ORIGIN, staffSession } from '../support/auth.ts';
import { registeredAs } from '../support/registrant.ts';
import { DB_KINDS } from '../support/db.ts';

describe('redactUrl', () => {
  it('redacts the segments at a matched route’s token parameters, and nothing else', () => {
    assert.equal(redactUrl('/api/registrations/abc/cancel', '/api/registrations/:token/cancel'), `/api/registrations/${REDACTED}/cancel`);
    assert.equal(redactUrl('/api/plans/7/reports/2024/2', '/api/plans/:id/reports/:year/:quarter'), '/api/plans/7/reports/2024/2');
    assert.equal(redactUrl('/api/registrations/12/unmask', '/api/registrations/:id/unmask'), '/api/registrations/12/unmask');
  });

  it('falls back to the text for unmatched and catch-all URLs, decoded and in any case', () => {
    assert.equal(redactUrl('/registrations/abc'), `/registrations/${REDACTED}`);
    assert.equal(redactUrl('/registrations/abc', '/*'), `/registrations/${REDACTED}`);
    assert.equal(redactUrl('/API/%72egistrations/abc/x/y'), `/API/%72egistrations/${REDACTED}`);
    assert.equal(redactUrl('/school/applications/abc?new=1'), `/school/applications/${REDACTED}?new=1`);
    assert.equal(redactUrl('/surveys/abc'), `/surveys/${REDACTED}`);
    assert.equal(redactUrl('/api/plans/1'), '/api/plans/1');
  });

  it('redacts token-like query values wherever they are', () => {
    assert.equal(redactUrl('/x?token=abc&lang=en'), `/x?token=${REDACTED}&lang=en`);
    assert.equal(redactUrl('/x?lang=ko&access_token=abc&Invite_Code=def&%74oken=ghi'), `/x?lang=ko&access_token=${REDACTED}&Invite_Code=${REDACTED}&%74oken=${REDACTED}`);
    assert.equal(redactUrl('/api/plans?page=2'), '/api/plans?page=2');
  });
});

for (const kind of DB_KINDS) {
  describe(`the log at trace level on ${kind}`, () => {
    let t: TestApp;
    const lines: string[] = [];

    before(async () => {
      t = await openTestApp(kind, { logLevel: 'trace', logStream: { write: (line: string) => void lines.push(line) } });
    });
    after(() => t.close());

    it('never holds a token of any token route, however spelled, nor a cookie', async () => {
      // A real registration's token (the routes answer 200 with it), well-formed unknown ones, an odd one.
      const manager = await staffSession(t, 'manager');
      const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
      const session = await t.app.inject({
        method: 'POST',
        url: '/api/academy/sessions',
        headers: manager.headers,
        payload: {
          title: { ko: '로그 시험' },
          startsAt: hours(48),
          endsAt: hours(50),
          venue: '시청',
          capacity: 5,
          registrationOpensAt: hours(-1),
          registrationClosesAt: hours(24),
        },
      });
      assert.equal(session.statusCode, 201, session.body);
      const registered = await t.app.inject({
        method: 'POST',
        url: `/api/academy/sessions/${session.json().id}/registrations`,
        headers: { origin: ORIGIN },
        payload: { name: '신청자', phone: '010-5555-0101', consent: true },
      });
      assert.equal(registered.statusCode, 201, registered.body);
      // The answer carries no token (it must not tell whether a phone is registered): the link is in the registrant's message.
      const real = (await registeredAs(t.database.db, '010-5555-0101')).token;
      assert.equal((await t.app.inject(`/api/registrations/${real}`)).statusCode, 200);
      const tokens = [real, randomBytes(32).toString('base64url'), `Zz9TOKEN${randomBytes(6).toString('hex')}`];
      const cookie = `finhub_session=COOKIE${randomBytes(12).toString('hex')}`;
      const requests: { method: 'GET' | 'POST'; url: (token: string) => string; payload?: object }[] = [
        { method: 'GET', url: (x) => `/api/registrations/${x}` },
        { method: 'POST', url: (x) => `/api/registrations/${x}/cancel`, payload: {} },
        { method: 'POST', url: (x) => `/api/registrations/${x}/accept`, payload: {} },
        { method: 'GET', url: (x) => `/api/registrations/${x}/qr.svg` },
        { method: 'GET', url: (x) => `/api/surveys/${x}` },
        { method: 'POST', url: (x) => `/api/surveys/${x}`, payload: { rating: 5 } },
        { method: 'GET', url: (x) => `/api/school/applications/${x}` },
        // The web pages the messages link to, and misspellings that match no route.
        { method: 'GET', url: (x) => `/registrations/${x}?cancel=1` },
        { method: 'GET', url: (x) => `/surveys/${x}` },
        { method: 'GET', url: (x) => `/school/applications/${x}?new=1` },
        { method: 'GET', url: (x) => `/api/registrations/${x}/` },
        { method: 'GET', url: (x) => `/api//registrations/${x}` },
        { method: 'GET', url: (x) => `/API/Registrations/${x}` },
        { method: 'GET', url: (x) => `/api/%72egistrations/${x}/cancel` },
        { method: 'GET', url: (x) => `/api/registrations/${x}%ZZ` },
        { method: 'GET', url: (x) => `/api/registrations/${x}/${'a'.repeat(600)}` },
        { method: 'GET', url: (x) => `/api/registrations/${x}${'b'.repeat(600)}` },
        { method: 'GET', url: (x) => `/api/plans?token=${x}` },
        { method: 'GET', url: (x) => `/anything?lang=en&access_token=${x}` },
      ];
      for (const token of [...tokens.slice(1), real]) {
        for (const r of requests) {
          const res = await t.app.inject({ method: r.method, url: r.url(token), headers: { origin: ORIGIN, cookie }, ...(r.payload ? { payload: r.payload } : {}) });
          assert.ok(res.statusCode < 500, `${r.url('…')}: ${res.statusCode} ${res.body}`);
        }
      }
      const log = lines.join('');
      assert.ok(lines.length > requests.length * tokens.length, 'the requests were logged');
      assert.equal(t.app.log.level, 'trace', 'logged at the most verbose level');
      assert.match(log, /incoming request/);
      assert.match(log, /request completed/);
      assert.match(log, /\[redacted\]/);
      for (const token of tokens) {
        assert.ok(!log.includes(token), `token ${token} in the log:\n${lines.filter((l) => l.includes(token)).join('')}`);
        // Nor a long piece of it (a truncated or re-encoded copy).
        assert.ok(!log.includes(token.slice(4, 20)), `part of token ${token} in the log`);
      }
      assert.ok(!log.includes(cookie.split('=')[1]!), 'no cookie in the log');
    });

    it('never holds the raw bytes of a request Node could not parse (token and cookie in them)', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as net.AddressInfo;
      const token = randomBytes(32).toString('base64url');
      const cookie = `COOKIE${randomBytes(12).toString('hex')}`;
      const before = lines.length;
      for (const broken of ['Bad Header', 'Content-Length: abc']) {
        await new Promise<void>((resolve) => {
          const socket = net.connect(port, '127.0.0.1', () =>
            socket.write(`GET /api/registrations/${token} HTTP/1.1\r\nHost: x\r\nCookie: finhub_session=${cookie}\r\n${broken}\r\n\r\n`),
          );
          socket.on('data', () => {});
          socket.on('close', () => resolve());
          socket.on('error', () => resolve());
        });
      }
      await new Promise((r) => setTimeout(r, 100));
      const written = lines.slice(before).join('');
      assert.match(written, /client error/);
      const bytes = (s: string) => [...Buffer.from(s)].join(',');
      for (const secret of [token, cookie]) {
        assert.ok(!written.includes(secret) && !written.includes(bytes(secret.slice(0, 12))), `${secret} in the log:\n${written}`);
      }
    });

    it('redacts a cookie header wherever a logged object carries one', () => {
      const before = lines.length;
      t.app.log.info({ req: { headers: { cookie: 'finhub_session=LOGGEDCOOKIE' } }, headers: { cookie: 'x=LOGGEDCOOKIE', authorization: 'Bearer LOGGEDAUTH' } }, 'headers');
      const written = lines.slice(before).join('');
      assert.match(written, /headers/);
      assert.ok(!written.includes('LOGGEDCOOKIE') && !written.includes('LOGGEDAUTH'), written);
    });
  });
}
