/**
 * Debian's nginx as the load balancer, for one test: unprivileged (no root needed, nothing in
 * /etc), a generated config in a temporary folder, a free port, round robin over the given
 * upstream servers. A server that refuses connections is skipped (the request goes to the next,
 * POSTs too: nothing was sent); one that fails mid-request is not retried for a POST (nginx's
 * default), so the client sees the error and nothing is answered twice.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDaemon } from './daemon.ts';
import { freePort } from './server.ts';

const BIN = process.env.NGINX_BIN ?? '/usr/sbin/nginx';

export interface Nginx {
  url: string;
  config: string;
  log(): string;
  /** Access log lines: the client's X-Forwarded-For, method, path, status, the upstream(s) that answered. */
  accessLog(): string[];
  stop(): Promise<void>;
}

/** The upstream and server blocks (also shown in docs/deploy.md). */
function balancerConfig(port: number, upstreams: string[], forwardedFor = '$remote_addr'): string {
  return `upstream finhub {
    least_conn;
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 12m;
    location / {
      proxy_pass http://finhub;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For ${forwardedFor};
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }`;
}

/**
 * `forwardedFor`: what nginx tells the servers about the client; the test passes
 * `$proxy_add_x_forwarded_for` so its one machine can stand for many client addresses.
 */
export async function startNginx(upstreams: string[], forwardedFor?: string): Promise<Nginx> {
  if (!fs.existsSync(BIN)) throw new Error(`nginx not found at ${BIN} (Debian package nginx; scripts/test-services.sh installs it)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-nginx-'));
  const port = await freePort();
  const config = path.join(dir, 'nginx.conf');
  const tmp = (name: string) => path.join(dir, name);
  fs.writeFileSync(
    config,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${tmp('nginx.pid')};
error_log ${tmp('error.log')} warn;
events { worker_connections 2048; }
http {
  log_format upstream '$http_x_forwarded_for $request_method $uri $status $upstream_addr';
  access_log ${tmp('access.log')} upstream;
  client_body_temp_path ${tmp('body')};
  proxy_temp_path ${tmp('proxy')};
  fastcgi_temp_path ${tmp('fastcgi')};
  uwsgi_temp_path ${tmp('uwsgi')};
  scgi_temp_path ${tmp('scgi')};
  ${balancerConfig(port, upstreams, forwardedFor)}
}
`,
  );
  execFileSync(BIN, ['-t', '-q', '-p', dir, '-c', config], { stdio: 'pipe' });
  const { child, log } = await startDaemon('nginx', BIN, ['-p', dir, '-c', config], port, tmp('error.log'));
  return {
    url: `http://127.0.0.1:${port}`,
    config: fs.readFileSync(config, 'utf8'),
    log,
    accessLog: () => (fs.existsSync(tmp('access.log')) ? fs.readFileSync(tmp('access.log'), 'utf8').split('\n').filter(Boolean) : []),
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGQUIT');
      }),
  };
}
