/**
 * The `finhub` command. Every command reads the same configuration (PORT, DATABASE_URL,
 * FINHUB_DATA_DIR) and says what went wrong in Korean and English, exiting non-zero.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { DatabaseInUseError } from '../db/lock.ts';
import { AppError } from '../server/errors.ts';
import { PlanFormatError } from '../modules/plan/importer/text.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { importPlanCommand } from './import-plan.ts';
import { migrateCommand } from './migrate.ts';
import { purgeCommand } from './purge.ts';
import { seedTrainingCommand } from './seed-training.ts';
import { serveCommand } from './serve.ts';
import { userCommand } from './user.ts';

const USAGE = `finhub — 전북금융중심지 공약 관리 플랫폼 / Jeonbuk financial-center pledge platform

사용법 / Usage:
  finhub serve                         웹과 API를 시작 / start the web UI and API (PORT, default 3000)
  finhub migrate                       데이터베이스 마이그레이션 / run database migrations
  finhub import-plan FILE [options]    실천계획 가져오기 / import a pledge plan document
      --json       정규화한 계획을 출력만 함 / print the normalized plan as JSON, write nothing
      --dry-run    검사만 하고 저장하지 않음 / check and report, write nothing
      --replace    같은 분야·번호의 계획을 바꿈 / replace a plan with the same category and number
  finhub user add --email E --role admin   직원 계정 추가(비밀번호는 표준 입력) / add a staff user (password on stdin)
  finhub user list | user disable --email E
  finhub purge-personal-data [--dry-run]   보존 기간이 끝난 개인정보 파기 / anonymise personal data past its retention
  finhub seed-training-example         금융전문인력 양성 예시 기수 추가 / add the example training cohort and print its figures
  finhub backup FILE                   데이터베이스와 파일 저장소를 한 파일(.ndjson.gz)로 백업 / back up the database and stored files to FILE
  finhub restore FILE [--force]        백업을 빈 데이터베이스에 복원 / restore a backup into an empty database
      --force      기존 finhub 데이터를 모두 지우고 복원 / delete all existing finhub data first

환경 변수 / Environment: PORT, HOST, DATABASE_URL (postgres://…; default: embedded PGlite),
  FINHUB_DATA_DIR (default ./data), LOG_LEVEL`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  serve: () => serveCommand(loadConfig()),
  migrate: () => migrateCommand(loadConfig()),
  'import-plan': (args) => importPlanCommand(loadConfig(), args),
  user: (args) => userCommand(loadConfig(), args),
  'purge-personal-data': (args) => purgeCommand(loadConfig(), args),
  'seed-training-example': () => seedTrainingCommand(loadConfig()),
  backup: (args) => backupCommand(loadConfig(), args),
  restore: (args) => restoreCommand(loadConfig(), args),
};

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv.slice(0, 1), allowPositionals: true, strict: false });
  const name = positionals[0];
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`알 수 없는 명령: ${name} / Unknown command: ${name}\n\n${USAGE}`);
    return 2;
  }
  return command(argv.slice(1));
}

function report(e: unknown): number {
  if (e instanceof AppError) console.error(`${e.bilingual.ko}\n${e.bilingual.en}`);
  else if (e instanceof PlanFormatError) console.error(`${e.ko}\n${e.en}`);
  else if (e instanceof DatabaseInUseError || e instanceof ConfigError) console.error(e.message);
  else if ((e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  } else console.error(e);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
  },
  (e) => {
    process.exitCode = report(e);
  },
);
