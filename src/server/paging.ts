/**
 * Staff lists paged by keyset on an id: `?after=ID&limit=N` (default 100, at most 500) →
 * {items, nextAfter, total}. A page is `id > after order by id limit N + 1` (or `id < after`
 * newest first) on an index, so a deep page costs what the first one does; the (N + 1)th row only
 * says whether there is a next page. `total` (the rows matching the filter) is counted on the
 * first page only (no `after`): deeper pages answer null, the list's size being known by then.
 */
import { z } from 'zod';
import { wholeNumber } from './api-schema.ts';

const PAGE_DEFAULT = 100;
const PAGE_MAX = 500;

/** The query parameters of a paged list (merged into each list's own query schema). */
export const PageQuery = z.object({
  after: wholeNumber(0, 2_147_483_647).optional().describe('the id of the last row of the previous page (its nextAfter)'),
  limit: wholeNumber(1, PAGE_MAX).default(PAGE_DEFAULT).describe(`rows per page, 1–${PAGE_MAX} (default ${PAGE_DEFAULT})`),
});

export interface PageParams {
  after?: number | undefined;
  limit?: number | undefined;
}

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: number | null;
  /** Rows matching the filter: on the first page; null on later ones. */
  total: number | null;
}

/** The response schema of a paged list of `item`. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextAfter: z.number().int().nullable().describe('pass as ?after= for the next page; null on the last page'),
    total: z.number().int().nullable().describe('rows matching the filter, on the first page (no ?after=); null on later pages'),
  });

export const pageLimit = (p: PageParams) => Math.min(PAGE_MAX, Math.max(1, p.limit ?? PAGE_DEFAULT));

/**
 * Cuts `rows` (read with `limit + 1`) into a page; `idOf` gives the keyset id of a row.
 * `count` runs only for the first page.
 */
export async function toPage<R, T>(rows: R[], p: PageParams, idOf: (r: R) => number, view: (r: R) => T, count: () => Promise<number>): Promise<Page<T>> {
  const limit = pageLimit(p);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return {
    items: shown.map(view),
    nextAfter: more ? idOf(shown[shown.length - 1]!) : null,
    total: p.after === undefined ? await count() : null,
  };
}
