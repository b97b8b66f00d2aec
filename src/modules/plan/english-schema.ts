/** The plan's English texts as one sheet: every Korean text staff may give English for, keyed by what it is. */
import { z } from 'zod';
import { singleLine } from '../../server/text.ts';

const ENGLISH_KINDS = ['title', 'pledge', 'effect', 'phase', 'phaseItem', 'goal', 'action'] as const;
export type EnglishKind = (typeof ENGLISH_KINDS)[number];

/** "title", "pledge", or "<kind>:<n>": the row id (phase, phaseItem, goal, action) or the effect's position from 0. */
const ENGLISH_KEY = /^(title|pledge|(effect|phase|phaseItem|goal|action):(0|[1-9]\d{0,9}))$/;

export const EnglishSheetSchema = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(ENGLISH_KINDS),
      ko: z.string(),
      en: z.string().nullable(),
    }),
  ),
  missing: z.number().int().describe('texts with no English yet'),
});

export const EnglishSheetBody = z.object({
  texts: z
    .array(
      z.object({
        key: z.string().regex(ENGLISH_KEY),
        en: singleLine(1000, { min: 0 }).nullable().describe('the English; empty or null removes it (the page shows the Korean)'),
      }),
    )
    .min(1)
    .max(2000),
});

export type EnglishSheet = z.infer<typeof EnglishSheetSchema>;
export type EnglishText = z.infer<typeof EnglishSheetBody>['texts'][number];
