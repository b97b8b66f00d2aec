import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { cliActor } from '../modules/audit/service.ts';
import { parsePlanFile } from '../modules/plan/importer/parse.ts';
import { importPlan, planLabel } from '../modules/plan/service.ts';

/** finhub import-plan FILE [--json] [--dry-run] [--replace] */
export async function importPlanCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, replace: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error('사용법 / Usage: finhub import-plan FILE [--json] [--dry-run] [--replace]');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(`파일을 읽을 수 없습니다 / Cannot read the file: ${file} (${code})`);
    return 1;
  }
  const plan = parsePlanFile(bytes);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return 0;
  }
  for (const w of plan.warnings) console.error(`경고 / warning: ${w}`);
  const summary = `${planLabel(plan)} «${plan.title}»: ${plan.schedule.length} schedule entries, ${plan.schedule.reduce((n, e) => n + e.actions.length, 0)} actions`;
  if (values['dry-run']) {
    console.log(`검사 완료, 저장하지 않음 / Checked, nothing written: ${summary}`);
    return 0;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'import-plan' });
  try {
    await database.migrate();
    const { id, replaced } = await importPlan(database.db, plan, { replace: values.replace, sourceText: bytes.toString('utf8'), actor: cliActor() });
    console.log(`${replaced ? '교체함 / Replaced' : '저장함 / Imported'} plan ${id}: ${summary}`);
    return 0;
  } finally {
    await database.close();
  }
}
