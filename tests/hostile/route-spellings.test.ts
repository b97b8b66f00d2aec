/**
 * Access cannot be spelled around. Every staff route of `app.apiRoutes` (so a new route is covered
 * by being registered) is sent, over a raw socket to a listening server so that the request target
 * reaches Fastify exactly as written, in many spellings: percent-encoding in each segment, doubled
 * and dotted slashes, case, absolute-form targets, trailing characters. Whatever the router makes
 * of a spelling, a caller without a session never gets past the policy, a role without the right
 * never does either, and a state-changing request without a same-origin Origin is refused whatever
 * its path. Nothing is written: the audit trail is the same before and after.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { ANY_KIND, DB_KINDS } from '../support/db.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createStaff, mintSession } from '../support/auth.ts';
import { rows } from '../../src/db/executor.ts';

const sample = (url: string) =>
  url
    .replace(':year', '2023')
    .replace(':quarter', '3')
    .replace(/:[a-zA-Z]+/g, '1');

/** %XX of one character, upper- or lower-case hex. */
const pct = (ch: string, lower = false) => {
  const hex = ch.charCodeAt(0).toString(16).padStart(2, '0');
  return `%${lower ? hex : hex.toUpperCase()}`;
};

/** The spellings of one path (which starts with '/'), each with a label. */
export function spellings(path: string, origin: string): [string, string][] {
  const segments = path.split('/').slice(1);
  const join = (segs: string[]) => `/${segs.join('/')}`;
  const out: [string, string][] = [['as declared', path]];
  segments.forEach((seg, i) => {
    if (!seg) return;
    const at = (s: string) => join(segments.map((x, j) => (j === i ? s : x)));
    out.push([`segment ${i}: first character encoded`, at(pct(seg[0]!) + seg.slice(1))]);
    out.push([`segment ${i}: first character encoded, lower-case hex`, at(pct(seg[0]!, true) + seg.slice(1))]);
    out.push([`segment ${i}: wholly encoded`, at([...seg].map((c) => pct(c)).join(''))]);
    out.push([`segment ${i}: upper case`, at(seg.toUpperCase())]);
    out.push([`segment ${i}: double-encoded first character`, at(`%25${pct(seg[0]!).slice(1)}${seg.slice(1)}`)]);
    out.push([`slash ${i} doubled`, `${join(segments.slice(0, i))}/${join(segments.slice(i))}`]);
    out.push([`slash ${i} dotted`, `${join(segments.slice(0, i))}/.${join(segments.slice(i))}`]);
    out.push([`slash ${i} dotted, encoded`, `${join(segments.slice(0, i))}/%2e${join(segments.slice(i))}`]);
    out.push([`slash ${i} up and back`, `${join(segments.slice(0, i))}/x/..${join(segments.slice(i))}`]);
    out.push([`slash ${i} encoded`, `${join(segments.slice(0, i))}%2F${join(segments.slice(i)).slice(1)}`]);
    out.push([`slash ${i} as backslash`, `${join(segments.slice(0, i))}\\${join(segments.slice(i)).slice(1)}`]);
  });
  out.push(['all upper case', path.toUpperCase()]);
  for (const tail of ['/', '//', '/.', '/..', '.', '%2F', '%00', '%20', '%09', ';', ';x=1', '?', '?x=1', '#', '#x', '%23', '%3F', '~', '*']) {
    out.push([`trailing ${JSON.stringify(tail)}`, path + tail]);
  }
  out.push(['absolute-form, this host', `${origin}${path}`]);
  out.push(['absolute-form, another host', `http://attacker.example${path}`]);
  out.push(['absolute-form, upper-case scheme', `HTTP://attacker.example${path}`]);
  out.push(['absolute-form, encoded prefix', `${origin}/%61pi${path.slice(4)}`]);
  out.push(['absolute-form, https', `https://attacker.example:443${path}`]);
  return out;
}

interface Raw {
  status: number;
  body: string;
}

/** One request exactly as written, over its own connection. */
function raw(port: number, method: string, target: string, headers: Record<string, string>): Promise<Raw> {
  const body = method === 'GET' || method === 'DELETE' ? '' : '{}';
  const lines = [`${method} ${target} HTTP/1.1`, `host: 127.0.0.1:${port}`, 'connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (body) lines.push('content-type: application/json', `content-length: ${body.length}`);
  return new Promise((resolve, reject) => {
    // write, not end: the server drops a half-closed connection before answering; it closes after
    // its answer (connection: close)
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}

for (const kind of DB_KINDS) {
  describe(`staff routes in every spelling on ${kind}`, () => {
    let t: TestApp;
    let port: number;
    let origin: string;
    let viewer: Record<string, string>;
    const auditCount = async () => Number((await rows<{ n: string }>(t.database.db, sql`select count(*)::text as n from audit_log`))[0]!.n);

    before(async () => {
      t = await openTestApp(kind);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as net.AddressInfo).port;
      origin = `http://127.0.0.1:${port}`;
      const user = await createStaff(t.database, 'viewer');
      viewer = { cookie: (await mintSession(t.database, user.id)).cookie };
    });
    after(() => t.close());

    const staffRoutes = () => t.app.apiRoutes.filter((r) => !('public' in r.policy));

    it('covers every staff route of app.apiRoutes', () => {
      const routes = staffRoutes();
      // a floor, so that a broken route list cannot make the tests below pass on nothing
      assert.ok(routes.length >= 60, `only ${routes.length} staff routes found`);
      for (const r of routes) assert.ok(spellings(sample(r.url), origin).length >= 30, `${r.method} ${r.url}`);
    });

    it('without a session: never past the policy, in any spelling', async () => {
      const before = await auditCount();
      const failures: string[] = [];
      for (const { method, url } of staffRoutes()) {
        for (const [label, target] of spellings(sample(url), origin)) {
          const res = await raw(port, method, target, { origin });
          // 401: the route matched and its policy refused; 404/400: the router matched nothing.
          if (![400, 401, 404].includes(res.status)) failures.push(`${method} ${url} [${label}] ${target} → ${res.status} ${res.body.slice(0, 120)}`);
        }
      }
      assert.deepEqual(failures, []);
      assert.equal(await auditCount(), before, 'nothing may be written');
    });

    it("with a viewer's session: never past a stricter policy, in any spelling", async () => {
      const before = await auditCount();
      const failures: string[] = [];
      for (const { method, url, policy } of staffRoutes()) {
        if ('roles' in policy && policy.roles.includes('viewer')) continue;
        for (const [label, target] of spellings(sample(url), origin)) {
          const res = await raw(port, method, target, { origin, ...viewer });
          if (![400, 403, 404].includes(res.status)) failures.push(`${method} ${url} [${label}] ${target} → ${res.status} ${res.body.slice(0, 120)}`);
        }
      }
      assert.deepEqual(failures, []);
      assert.equal(await auditCount(), before, 'nothing may be written');
    });

    it('refuses a state-changing request without a same-origin Origin, whatever the path', async () => {
      const failures: string[] = [];
      const writes = t.app.apiRoutes.filter((r) => r.method !== 'GET');
      assert.ok(writes.length >= 40);
      for (const { method, url } of writes) {
        for (const [label, target] of spellings(sample(url), origin)) {
          for (const headers of [{}, { origin: 'http://attacker.example' }, { referer: 'http://attacker.example/x' }] as Record<string, string>[]) {
            const res = await raw(port, method, target, { ...headers, ...viewer });
            if (res.status !== 403 && res.status !== 400) failures.push(`${method} ${url} [${label}] ${JSON.stringify(headers)} → ${res.status}`);
          }
        }
      }
      // and paths that match nothing at all
      for (const target of ['/nowhere', '/api/nowhere', '/%61pi/nowhere', `http://attacker.example/api/users/1/x`]) {
        const res = await raw(port, 'POST', target, {});
        if (res.status !== 403) failures.push(`POST ${target} → ${res.status}`);
      }
      assert.deepEqual(failures, []);
    });

    it('answers an unknown /api path with a plain 404 that does not echo it', async () => {
      for (const target of ['/api/nowhere', '/api/users/1/nowhere', '/%61pi/nowhere', '/api/<script>']) {
        const res = await raw(port, 'GET', target, {});
        assert.equal(res.status, 404, target);
        const { error } = JSON.parse(res.body);
        assert.equal(error.code, 'NOT_FOUND');
        assert.deepEqual(error.message, { ko: '요청한 주소가 없습니다.', en: 'No such address.' });
      }
    });

    it('signs out without a session: 401, not 500, in any spelling', async () => {
      for (const [label, target] of spellings('/api/auth/logout', origin)) {
        const res = await raw(port, 'POST', target, { origin });
        assert.ok([400, 401, 404].includes(res.status), `${label} ${target} → ${res.status}`);
      }
      const plain = await raw(port, 'POST', '/api/auth/logout', { origin, cookie: 'finhub_session=expired-or-made-up' });
      assert.equal(plain.status, 401);
      assert.equal(JSON.parse(plain.body).error.code, 'UNAUTHENTICATED');
    });

    it('sends staff answers with Cache-Control: no-store', async () => {
      const res = await t.app.inject({ url: '/api/users', headers: viewer });
      assert.equal(res.statusCode, 403);
      assert.equal(res.headers['cache-control'], 'no-store');
      const me = await t.app.inject({ url: '/api/auth/me', headers: viewer });
      assert.equal(me.statusCode, 200);
      assert.equal(me.headers['cache-control'], 'no-store');
    });
  });
}

describe('a route without a policy', () => {
  it('cannot be registered, under /api or elsewhere', async () => {
    const t = await openTestApp(ANY_KIND);
    try {
      assert.throws(() => t.app.get('/api/unguarded', async () => 'open'), /has no policy/);
      assert.throws(() => t.app.get('/unguarded', async () => 'open'), /has no policy/);
    } finally {
      await t.close();
    }
  });
});
