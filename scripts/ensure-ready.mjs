#!/usr/bin/env node
// Runs before `npm start` and `npm test` (plain JavaScript: on a fresh machine this is still the
// system's Node 20). It installs dependencies when package-lock.json changed since the last
// install — which also brings Node 24 through the pinned `node` package — and builds the web
// front end when its sources are newer than the build. With --test it also provides the test
// services (PostgreSQL, Debian chromium) through scripts/test-services.sh.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
const mtime = (p) => {
  try {
    return fs.statSync(path.join(root, p)).mtimeMs;
  } catch {
    return 0;
  }
};
const newestUnder = (dir) => {
  let newest = mtime(dir);
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
};

if (mtime('node_modules/.package-lock.json') < mtime('package-lock.json') || !fs.existsSync(path.join(root, 'node_modules/.bin/node'))) {
  console.log('finhub: installing dependencies (npm install) …');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

const built = mtime('dist/web/index.html');
if (built === 0 || built < Math.max(newestUnder('src/web'), mtime('vite.config.ts'), mtime('package-lock.json'))) {
  console.log('finhub: building the web front end (vite build) …');
  run('npm', ['run', '--silent', 'build:web']);
}

if (process.argv.includes('--test')) run('bash', ['scripts/test-services.sh']);
