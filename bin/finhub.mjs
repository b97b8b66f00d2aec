#!/usr/bin/env -S node --max-semi-space-size=16
// The finhub command: runs the TypeScript sources through tsx (no separate build step).
// --max-semi-space-size=16 (also in `npm start` and tests/support/server.ts): V8 sizes the young
// generation from the machine's memory, and on a 24 GiB machine that alone kept the server near
// 300 MB resident; 16 MB semi-spaces (Node's old default) keep it well under 200 MB.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
