#!/usr/bin/env -S node --max-semi-space-size=8
// The finhub command: runs the TypeScript sources through tsx (no separate build step).
// --max-semi-space-size=8 (also in `npm start` and tests/support/server.ts): V8 sizes the young
// generation from the machine's memory, and on a 24 GiB machine that alone kept the server near
// 300 MB resident; 8 MB semi-spaces keep it under 200 MB through a registration rush (docs/performance.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
