import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema.ts with `npm run db:generate`, never written by hand.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
