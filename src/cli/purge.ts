/** finhub purge-personal-data [--dry-run] — anonymise personal data whose retention has ended. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { cliActor } from '../modules/audit/service.ts';
import { purgePersonalData } from '../modules/privacy/purge.ts';
import { openFileStore } from '../server/file-store.ts';

export async function purgeCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } } });
  const dryRun = values['dry-run'] ?? false;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'purge-personal-data' });
  try {
    await database.migrate();
    const r = await purgePersonalData(database.db, new Date(), {
      dryRun,
      actor: cliActor(),
      dataDir: config.dataDir,
      files: openFileStore(database, path.join(config.dataDir, 'files'), config.s3),
    });
    const verb = dryRun ? { ko: '파기 대상', en: 'would anonymise' } : { ko: '파기(익명 처리)', en: 'anonymised' };
    console.log(`${verb.ko} / ${verb.en}:`);
    console.log(`  신청(금융아카데미 등) / registrations: ${r.registrations}`);
    console.log(`  찾아가는 금융학교 신청 / school applications: ${r.schoolApplications}`);
    console.log(`  정주여건 의견 연락처 / settlement feedback contacts: ${r.settlementFeedback}`);
    console.log(`  금융전문인력 양성 지원서 / training applications: ${r.trainingApplications}`);
    console.log(`  알림 수신자 / outbox recipients blanked: ${r.outboxMessages}`);
    console.log(`  알림 파일 / outbox files removed: ${r.outboxFiles}`);
    if (dryRun) console.log('저장하지 않음 / dry run: nothing written');
    return 0;
  } finally {
    await database.close();
  }
}
