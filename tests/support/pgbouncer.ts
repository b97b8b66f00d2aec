/**
 * Debian's PgBouncer in transaction pooling mode, for one test: a generated config in a temporary
 * folder, a free port, in front of the test PostgreSQL server (TEST_DATABASE_URL). Each client
 * transaction may land on a different server connection, so anything that keeps session state
 * (session advisory locks, SET, named prepared statements, LISTEN) breaks through it; the tests
 * that run through it show finhub keeps none. Run as the postgres user when the tests run as root
 * (PgBouncer refuses root).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDaemon } from './daemon.ts';
import { freePort } from './server.ts';

const BIN = process.env.PGBOUNCER_BIN ?? '/usr/sbin/pgbouncer';
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export interface PgBouncer {
  port: number;
  /** The URL of `database` on the server behind it, through PgBouncer. */
  urlFor(serverUrl: string): string;
  log(): string;
  stop(): Promise<void>;
}

export async function startPgBouncer(serverUrl: string, opts: { poolSize?: number } = {}): Promise<PgBouncer> {
  if (!fs.existsSync(BIN)) throw new Error(`PgBouncer not found at ${BIN} (Debian package pgbouncer; scripts/test-services.sh installs it)`);
  const server = new URL(serverUrl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-pgbouncer-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const user = decodeURIComponent(server.username || 'postgres');
  fs.writeFileSync(path.join(dir, 'userlist.txt'), `"${user}" ""\n`);
  fs.writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 1000',
      `default_pool_size = ${opts.poolSize ?? 20}`,
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
  // It writes its log and pid file here as the postgres user.
  if (asRoot) fs.chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', BIN, path.join(dir, 'pgbouncer.ini')]] : [BIN, [path.join(dir, 'pgbouncer.ini')]];
  const { child, log } = await startDaemon('pgbouncer', file, argv, port, path.join(dir, 'pgbouncer.log'));
  return {
    port,
    urlFor(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    log,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        // The pid file names PgBouncer itself (under runuser, the child is runuser).
        const pid = Number(fs.readFileSync(path.join(dir, 'pgbouncer.pid'), 'utf8').trim());
        process.kill(pid || (child.pid as number), 'SIGINT');
      }),
  };
}
