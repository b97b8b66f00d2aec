#!/usr/bin/env node
// The whole test suite: lint and format check (Biome), type check, then every test file (unit, service, API on PGlite and
// PostgreSQL, browser, faults, hostile) with Node's test runner. Arguments narrow the files:
// `npm test -- tests/unit`.
//
// `--fast` (`npm run test:fast`) is the inner loop: type check, tests/api on PostgreSQL only
// (FINHUB_TEST_DB_KINDS=postgres), tests/service, tests/unit — without WHOLE_SUITE_ONLY (a
// describe that spawns `finhub` inside a kept file skips on FINHUB_TEST_NO_SPAWN) and without
// tests/e2e, tests/faults, tests/hostile; its files share one process (OWN_PROCESS aside).
// The type check runs beside the tests (its output is printed when both are done); either failing
// fails the run. `--concurrency=N` sets how many test files run at once (default 2 for the whole
// suite, 3 fast); other `--test-…` options go to `node --test` as they are (e.g.
// `--test-reporter=spec --test-reporter-destination=stdout`).
import { execFileSync, spawn } from 'node:child_process';
import { globSync } from 'node:fs';

/** Files the fast tier leaves to the whole suite: they spawn `finhub` or a server process, or run drizzle-kit. */
const WHOLE_SUITE_ONLY = new Set([
  'tests/api/backup.test.ts',
  'tests/api/cli.test.ts',
  'tests/api/cli-user.test.ts',
  'tests/api/notifications-server.test.ts',
  // drizzle-kit generate, about 15 s: a schema change is checked by the whole suite (CI).
  'tests/unit/migrations.test.ts',
]);

const args = process.argv.slice(2);
const fast = args.includes('--fast');
const concurrencyArg = args.find((a) => a.startsWith('--concurrency='));
const concurrency = concurrencyArg ? concurrencyArg.split('=')[1] : fast ? '3' : '2';
const runnerArgs = args.filter((a) => a.startsWith('--test-'));
const targets = args.filter((a) => !a.startsWith('--'));

/**
 * Fast-tier files that need a process of their own: the rest of the fast tier shares one process
 * (`--test-isolation=none`: the import graph is compiled once instead of once per file, which was
 * most of the fast tier's time). password.test.ts checks the production scrypt cost, which a shared
 * process has already lowered (tests/support/db.ts).
 */
const OWN_PROCESS = new Set(['tests/unit/password.test.ts']);

/** `tsc --noEmit` in the background, its output kept for the end; resolves to its exit status. */
function typeCheck() {
  const tsc = spawn('npx', ['tsc', '--noEmit', '-p', '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  tsc.stdout.on('data', (d) => (out += d));
  tsc.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => tsc.on('close', (code) => resolve({ code: code ?? 1, out })));
}

let files;
if (targets.length) files = targets.map((t) => (t.endsWith('.ts') ? t : `${t.replace(/\/$/, '')}/**/*.test.ts`));
// API, then service, then unit.
else if (fast)
  files = ['api', 'service', 'unit'].flatMap((dir) =>
    globSync(`tests/${dir}/**/*.test.ts`)
      .filter((f) => !WHOLE_SUITE_ONLY.has(f))
      .sort(),
  );
else files = ['tests/**/*.test.ts'];
const env = fast ? { ...process.env, FINHUB_TEST_DB_KINDS: process.env.FINHUB_TEST_DB_KINDS ?? 'postgres', FINHUB_TEST_NO_SPAWN: '1' } : process.env;

// Lint and format check (biome.json), as `npm run lint`, and unused files/exports/dependencies
// (knip.json), as `npm run deadcode`: the whole suite only, so CI runs them.
if (targets.length === 0 && !fast) {
  try {
    execFileSync('npx', ['biome', 'ci'], { stdio: 'inherit' });
    execFileSync('npx', ['knip'], { stdio: 'inherit' });
  } catch {
    process.exit(1);
  }
}
const checking = targets.length === 0 ? typeCheck() : null;
const runTests = (isolation, list) =>
  new Promise((resolve) =>
    spawn(process.execPath, ['--import', 'tsx', '--test', ...isolation, `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...runnerArgs, ...list], {
      stdio: 'inherit',
      env,
    }).on('close', (code) => resolve(code ?? 1)),
  );
let status;
if (fast && targets.length === 0) {
  status = await runTests(
    ['--test-isolation=none'],
    files.filter((f) => !OWN_PROCESS.has(f)),
  );
  status ||= await runTests(
    [],
    files.filter((f) => OWN_PROCESS.has(f)),
  );
} else status = await runTests([], files);
if (checking) {
  const { code, out } = await checking;
  if (code !== 0) {
    process.stderr.write(`\ntsc --noEmit failed:\n${out}`);
    status ||= code;
  } else console.log('tsc --noEmit: no errors');
}
process.exit(status);
