/** finhub user add|list|disable — the first admin comes from here; later ones from the UI. */
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { seedPartnerOrganisations } from '../modules/accounts/organisations.ts';
import { ROLES, type Role } from '../modules/accounts/roles.ts';
import { createUser, findUserByEmail, listUsers, updateUser } from '../modules/accounts/service.ts';
import { cliActor } from '../modules/audit/service.ts';

const USAGE = `사용법 / Usage:
  finhub user add --email E --role ROLE [--name N] [--organisation ID]   비밀번호는 표준 입력에서 / password read from stdin
  finhub user list
  finhub user disable --email E
  finhub user set-organisation --email E --organisation ID|none   협력기관 계정의 소속 기관 / a partner account's organisation
  ROLE: ${ROLES.join(', ')}`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function userCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' } },
  });
  const sub = positionals[0];
  if (sub !== 'add' && sub !== 'list' && sub !== 'disable' && sub !== 'set-organisation') {
    console.error(USAGE);
    return 2;
  }
  if (sub !== 'list' && !values.email) {
    console.error(`--email이 필요합니다 / --email is required\n${USAGE}`);
    return 2;
  }
  if (sub === 'add' && !ROLES.includes(values.role as Role)) {
    console.error(`--role은 다음 중 하나 / --role must be one of: ${ROLES.join(', ')}`);
    return 2;
  }
  const organisation = values.organisation === undefined || values.organisation === 'none' ? null : Number(values.organisation);
  if ((sub === 'set-organisation' && values.organisation === undefined) || (organisation !== null && !(Number.isInteger(organisation) && organisation > 0))) {
    console.error(`--organisation은 기관 번호 또는 none / --organisation must be an organisation id or none\n${USAGE}`);
    return 2;
  }
  const password = sub === 'add' ? await readStdin() : '';
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: `user ${sub}` });
  try {
    await database.migrate();
    const { db } = database;
    // The plan's partner organisations exist from the first start, for `--organisation` too.
    await seedPartnerOrganisations(db);
    if (sub === 'add') {
      const user = await createUser(db, cliActor(), {
        email: values.email!,
        name: values.name ?? values.email!,
        role: values.role as Role,
        organisationId: organisation,
        password,
      });
      console.log(`사용자 추가 / Added user ${user.id}: ${user.email} (${user.role})`);
    } else if (sub === 'list') {
      for (const u of await listUsers(db))
        console.log(`${u.id}\t${u.email}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}${u.organisationId ? `\torganisation ${u.organisationId}` : ''}`);
    } else {
      const user = await findUserByEmail(db, values.email!);
      if (!user) {
        console.error(`없는 사용자 / No such user: ${values.email}`);
        return 1;
      }
      if (sub === 'set-organisation') {
        await updateUser(db, cliActor(), user.id, { organisationId: organisation });
        console.log(`소속 기관 / Organisation of ${user.email}: ${organisation ?? 'none'}`);
        return 0;
      }
      await updateUser(db, cliActor(), user.id, { disabled: true });
      console.log(`비활성화 / Disabled: ${user.email}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}
