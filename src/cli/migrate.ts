import type { Config } from '../config.ts';
import { openDatabase } from '../db/client.ts';

export async function migrateCommand(config: Config): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'migrate' });
  try {
    await database.migrate();
    console.log(`마이그레이션 완료 / Migrations applied (${database.kind}).`);
    return 0;
  } finally {
    await database.close();
  }
}
