/**
 * A private PostgreSQL cluster for one test that needs to stop and start its database server
 * (the fault tests). Never the machine's shared cluster at 5432, which other suites use: initdb
 * into a temporary folder, pg_ctl on a free port with its socket in that folder, and removed at
 * the end. Run as the postgres user when the tests run as root (PostgreSQL refuses root).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './server.ts';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  dir: string;
  /** pg_ctl start; resolves once a connection succeeds. */
  start(): Promise<void>;
  /** pg_ctl stop -m MODE ('immediate': like a crash; 'fast': like an admin shutdown). */
  stop(mode?: 'immediate' | 'fast' | 'smart'): void;
  /** Stops (if running) and removes the folder. */
  destroy(): void;
  /** The server log, for failure messages. */
  log(): string;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(cmd: string, args: string[], cwd: string): string {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return execFileSync(file, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

export async function createPgCluster(): Promise<PgCluster> {
  if (!fs.existsSync(path.join(BIN, 'initdb'))) throw new Error(`PostgreSQL binaries not found in ${BIN} (set PG_BIN)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-pgcluster-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  run(path.join(BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], dir);
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let running = false;

  const cluster: PgCluster = {
    url,
    port,
    dir,
    async start() {
      // fsync off: this cluster is thrown away, and the tests should not wait for the disk.
      const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
      run(path.join(BIN, 'pg_ctl'), ['-D', data, '-l', logFile, '-o', opts, '-w', '-t', '60', 'start'], dir);
      running = true;
      const deadline = Date.now() + 30_000;
      for (;;) {
        const c = new pg.Client({ connectionString: url });
        try {
          await c.connect();
          await c.query('select 1');
          await c.end();
          return;
        } catch (e) {
          await c.end().catch(() => {});
          if (Date.now() > deadline) throw new Error(`private PostgreSQL did not come up: ${(e as Error).message}\n${cluster.log()}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    stop(mode = 'immediate') {
      if (!running) return;
      run(path.join(BIN, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop'], dir);
      running = false;
    },
    destroy() {
      try {
        cluster.stop('immediate');
      } catch {
        /* already down */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4000) : ''),
  };
  await cluster.start();
  return cluster;
}
