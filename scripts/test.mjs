#!/usr/bin/env node
// The whole test suite: type check, then every test file (unit, API on PGlite and PostgreSQL,
// browser) with Node's test runner. Arguments narrow the files: `npm test -- tests/unit`.
//
// `--fast` (`npm run test:fast`) is the inner loop: type check, tests/unit and tests/api on
// PostgreSQL only (FINHUB_TEST_DB_KINDS=postgres), without the files that spawn the `finhub`
// command or a server process (FAST_SKIP; a describe that does inside a kept file skips on
// FINHUB_TEST_NO_SPAWN) and without tests/e2e, tests/faults, tests/hostile.
// `--concurrency=N` sets how many test files run at once (default 2 for the whole suite, 3 fast).
import { execFileSync } from 'node:child_process';
import { globSync } from 'node:fs';

/** Files of tests/api that run `finhub …` or `finhub serve` as child processes: the whole suite only. */
const FAST_SKIP = new Set(['tests/api/backup.test.ts', 'tests/api/cli.test.ts', 'tests/api/cli-user.test.ts', 'tests/api/notifications-server.test.ts']);

const run = (cmd, args, env = process.env) => execFileSync(cmd, args, { stdio: 'inherit', env });
const args = process.argv.slice(2);
const fast = args.includes('--fast');
const concurrencyArg = args.find((a) => a.startsWith('--concurrency='));
const concurrency = concurrencyArg ? concurrencyArg.split('=')[1] : fast ? '3' : '2';
const targets = args.filter((a) => !a.startsWith('--'));
try {
  // Lint and format check (biome.json), as `npm run lint`: the whole suite only, so CI runs it.
  if (targets.length === 0 && !fast) run('npx', ['biome', 'ci']);
  if (targets.length === 0) run('npx', ['tsc', '--noEmit', '-p', '.']);
  let files;
  if (targets.length) files = targets.map((t) => (t.endsWith('.ts') ? t : `${t.replace(/\/$/, '')}/**/*.test.ts`));
  else if (fast) files = [...globSync('tests/unit/**/*.test.ts'), ...globSync('tests/api/**/*.test.ts').filter((f) => !FAST_SKIP.has(f))].sort();
  else files = ['tests/**/*.test.ts'];
  const env = fast ? { ...process.env, FINHUB_TEST_DB_KINDS: process.env.FINHUB_TEST_DB_KINDS ?? 'postgres', FINHUB_TEST_NO_SPAWN: '1' } : process.env;
  run(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...files], env);
} catch (e) {
  process.exit(typeof e.status === 'number' ? e.status : 1);
}
