/** finhub seed-training-example — adds the example training cohort (once) and prints its figures. */
import type { Config } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { seedTrainingExample } from '../modules/training/seed.ts';

export async function seedTrainingCommand(config: Config): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'seed-training-example' });
  try {
    await database.migrate();
    const { created, figures } = await seedTrainingExample(database.db, { publicUrl: config.publicUrl });
    console.log(created ? '예시 기수를 만들었습니다 / example cohort created' : '예시 기수가 이미 있습니다 / example cohort already present');
    for (const c of figures.byCohort) {
      console.log(
        `${c.course.ko} ${c.cohort}: 선발 selected ${c.selected}, 수료 completed ${c.completed} (${c.completionRate ?? '-'}%), ` +
          `취업 placed ${c.placed} (${c.placementRate ?? '-'}%), 6개월 유지 retained ${c.retained}/${c.followedUp} (${c.retentionRate ?? '-'}%)`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}
