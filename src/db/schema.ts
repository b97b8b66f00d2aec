/** Every module's tables, gathered for the Drizzle client and drizzle-kit. */
export * from '../modules/accounts/schema.ts';
export * from '../modules/audit/schema.ts';
export * from '../modules/education/schema.ts';
export * from '../modules/notifications/schema.ts';
export * from '../modules/plan/schema.ts';
export * from '../modules/plan/tracking-schema.ts';
export * from '../modules/registration/schema.ts';
export * from '../modules/events/schema.ts';
export * from '../modules/cooperation/meetings-schema.ts';
export * from '../modules/cooperation/ordinance/schema.ts';
export * from '../modules/cooperation/attraction/schema.ts';
export * from '../modules/settlement/schema.ts';
export * from '../modules/training/schema.ts';
export * from '../server/shared-state-schema.ts';
export * from '../modules/news/schema.ts';
