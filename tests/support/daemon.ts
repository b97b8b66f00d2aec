/**
 * A helper program started for one test (nginx, PgBouncer): spawned with its output kept, and
 * awaited until its port accepts connections — or its exit, or 15 s, with its output and log file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export interface Daemon {
  child: ChildProcess;
  /** What it printed, then its log file if it wrote one. */
  log: () => string;
}

const listens = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });

export async function startDaemon(name: string, file: string, argv: string[], port: number, logFile: string): Promise<Daemon> {
  const child: ChildProcess = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const log = () => out + (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log()}`);
    if (await listens(port)) return { child, log };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not listen in 15 s:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
