/** Runs Debian's `wrk` (closed loop, keep-alive; the load generator of bench/public-read.ts) and reads its figures. */
import { execFile } from 'node:child_process';

export interface WrkResult {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were neither 2xx nor 3xx, and socket errors. */
  errors: number;
}

const ms = (v: string, unit: string) => Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[unit]!;

export function wrk(url: string, o: { connections: number; seconds: number; headers?: string[] }): Promise<WrkResult> {
  const args = ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--timeout', '30s', '--latency', ...(o.headers ?? []).flatMap((h) => ['-H', h]), url];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, (err, out) => {
      if (err) return reject((err as NodeJS.ErrnoException).code === 'ENOENT' ? new Error('wrk is missing: apt-get install wrk') : err);
      const lat = (q: string) => {
        const m = new RegExp(`^\\s+${q}%\\s+([\\d.]+)(us|ms|s|m)$`, 'm').exec(out);
        return m ? +ms(m[1]!, m[2]!).toFixed(2) : Number.NaN;
      };
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      resolve({
        perSecond: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN)),
        p50Ms: lat('50'),
        p99Ms: lat('99'),
        errors: non2xx + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
      });
    });
  });
}
