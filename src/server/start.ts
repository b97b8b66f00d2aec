/** Starts the platform: open the database, migrate, load the seed plan on first start, listen. */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { closeChannels, contactLine, createChannels, SolapiSmsSender } from '../modules/notifications/channels/index.ts';
import { startOutboxWorker } from '../modules/notifications/worker.ts';
import { seedPartnerOrganisations } from '../modules/accounts/organisations.ts';
import { seedGenieForumEditions } from '../modules/events/event-seed.ts';
import { seedPlanIfEmpty } from '../modules/plan/seed.ts';
import { seedOrdinance } from '../modules/cooperation/ordinance/seed.ts';
import { seedFacilities } from '../modules/settlement/facilities/seed.ts';
import { buildApp } from './app.ts';
import { describeDatabaseError } from './error-handler.ts';
import { safeError } from './safe-error.ts';
import { startJobs } from './jobs.ts';
import { privateDirSync } from './private-files.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  let log: FastifyInstance['log'] | undefined;
  // Stored files and outbox messages live here whichever database is used: private to this user.
  privateDirSync(config.dataDir);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    listenUrl: config.listenUrl,
    dataDir: config.dataDir,
    command: 'server',
    connectTimeoutMs: config.dbConnectTimeoutMs,
    // A pooled connection whose server went away (restart, outage): the pool replaces it on the next query.
    onConnectionError: (err) => log?.warn({ db: describeDatabaseError(err) }, 'database connection lost'),
  });
  try {
    await database.migrate();
    const seeded = await seedPlanIfEmpty(database.db);
    const forums = await seedGenieForumEditions(database.db);
    const partners = await seedPartnerOrganisations(database.db);
    const ordinance = await seedOrdinance(database.db);
    const facilities = await seedFacilities(database.db);
    const app = await buildApp({ config, database, dataDir: config.dataDir });
    log = app.log;
    // A promise nobody awaited that fails (a driver callback during a database outage, a bug)
    // is logged, not fatal: Node's default would end the server and every request with it.
    const onUnhandledRejection = (reason: unknown) => app.log.error({ error: safeError(reason) }, 'unhandled promise rejection');
    process.on('unhandledRejection', onUnhandledRejection);
    if (seeded !== null) app.log.info({ planId: seeded }, 'loaded the Jeonju plan from seed/');
    if (partners.length) app.log.info({ organisationIds: partners }, 'added the plan’s partner organisations');
    if (ordinance !== null) app.log.info({ ordinanceId: ordinance }, 'added the plan’s ordinance (조례)');
    if (forums.length) app.log.info({ eventIds: forums }, 'added the plan’s GENIE Forum editions');
    if (facilities.length) app.log.info({ facilityIds: facilities }, 'added the plan’s four facilities');
    const url = await app.listen({ port: config.port, host: config.host });
    // On PostgreSQL other servers may share the database: each job run takes the job's lock.
    const stopJobs = startJobs(database.db, app.log, { ...config, files: app.files }, database.kind === 'postgres');
    // Notifications: SMTP when SMTP_URL is set, else files in FINHUB_DATA_DIR/outbox; SMS by SOLAPI when configured, else files.
    const channels = createChannels({
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      mailFromName: config.mailFromName,
      contact: contactLine(config.contact),
      dataDir: config.dataDir,
      smtpTimeoutMs: config.smtpTimeoutMs,
      smsSender: config.sms.provider === 'solapi' ? new SolapiSmsSender({ ...config.sms, timeoutMs: config.smtpTimeoutMs }) : undefined,
    });
    const outboxWorker = startOutboxWorker({ db: database.db, channels, log: app.log.child({ worker: 'outbox' }), ...config.outbox });
    app.log.info({ email: channels.email.name, sms: channels.sms.name }, 'outbox worker started');
    return {
      app,
      database,
      url,
      close: async () => {
        // Graceful: /api/ready says 503 for the drain time, so the balancer stops sending here;
        // then the listener closes and the requests in flight finish before the workers stop.
        app.draining = true;
        if (config.drainMs > 0) await new Promise((r) => setTimeout(r, config.drainMs));
        await app.close();
        stopJobs();
        await outboxWorker.stop();
        await closeChannels(channels);
        await database.close();
        process.off('unhandledRejection', onUnhandledRejection);
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
