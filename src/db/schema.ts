/** Every module's tables, gathered for the Drizzle client and drizzle-kit. */
export * from '../modules/plan/schema.ts';
