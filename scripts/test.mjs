#!/usr/bin/env node
// The whole test suite: type check, then every test file (unit, API on PGlite and PostgreSQL,
// browser) with Node's test runner. Arguments narrow the files: `npm test -- tests/unit`.
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const targets = process.argv.slice(2);
try {
  if (targets.length === 0) run('npx', ['tsc', '--noEmit', '-p', '.']);
  const files = targets.length ? targets.map((t) => (t.endsWith('.ts') ? t : `${t.replace(/\/$/, '')}/**/*.test.ts`)) : ['tests/**/*.test.ts'];
  run('node', ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...files]);
} catch (e) {
  process.exit(typeof e.status === 'number' ? e.status : 1);
}
