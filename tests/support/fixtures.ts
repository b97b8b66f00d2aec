import fs from 'node:fs';
import { SEED_PLAN_FILE } from '../../src/modules/plan/seed.ts';

/** The Jeonju seed plan's text, as shipped in seed/. */
export const seedText = (): string => fs.readFileSync(SEED_PLAN_FILE, 'utf8');
