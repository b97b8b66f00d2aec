/** Assembles the Fastify app: plugins, OpenAPI, error handling, module routes, the web front end. */
import os from 'node:os';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PRIVACY_OFFICER_DEFAULTS, type Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import { accountRoutes } from '../modules/accounts/routes.ts';
import { attractionRoutes } from '../modules/cooperation/attraction/routes.ts';
import { ordinanceRoutes } from '../modules/cooperation/ordinance/routes.ts';
import { academyRoutes } from '../modules/education/academy-routes.ts';
import { schoolRoutes } from '../modules/education/school-routes.ts';
import { eventRoutes } from '../modules/events/event-routes.ts';
import { attendeeRoutes } from '../modules/events/attendee-routes.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { outboxRoutes } from '../modules/notifications/routes.ts';
import { todoRoutes } from '../modules/todo/routes.ts';
import { meetingRoutes } from '../modules/cooperation/meetings-routes.ts';
import { organisationRoutes } from '../modules/cooperation/organisation-routes.ts';
import { homeRoutes } from '../modules/home/routes.ts';
import { newsRoutes } from '../modules/news/routes.ts';
import { openDataRoutes } from '../modules/opendata/routes.ts';
import { englishRoutes } from '../modules/plan/english-routes.ts';
import { evidenceRoutes } from '../modules/plan/evidence-routes.ts';
import { planFiguresRoutes } from '../modules/plan/figures-routes.ts';
import { importRoutes } from '../modules/plan/import-routes.ts';
import { draftRoutes } from '../modules/plan/draft-routes.ts';
import { ledgerRoutes } from '../modules/plan/ledger-routes.ts';
import { reportRoutes } from '../modules/plan/report-routes.ts';
import { transparencyRoutes } from '../modules/plan/transparency-routes.ts';
import { planRoutes } from '../modules/plan/routes.ts';
import { trackingRoutes } from '../modules/plan/tracking-routes.ts';
import { privacyRoutes } from '../modules/privacy/routes.ts';
import { registrationRoutes } from '../modules/registration/routes.ts';
import { sitemapRoutes } from '../modules/sitemap/routes.ts';
import { facilityRoutes } from '../modules/settlement/facility-routes.ts';
import { feedbackRoutes } from '../modules/settlement/feedback-routes.ts';
import { surveyRoutes } from '../modules/settlement/survey-routes.ts';
import { trainingJobRoutes } from '../modules/training/jobs-routes.ts';
import { trainingRoutes } from '../modules/training/routes.ts';
import { ASSETS, PUBLIC, registerAuth, registerWithPolicy, SESSION_COOKIE, SESSION_SCHEME } from './auth.ts';
import { AppError } from './errors.ts';
import { databaseUnavailable, describeDatabaseError, frameworkErrors, installErrorHandler, installNotFoundHandler } from './error-handler.ts';
import { openFileStore, type FileStore } from './file-store.ts';
import { loggerRedaction } from './log-redaction.ts';
import { registerPublicCache } from './public-cache.ts';
import { MULTIPART_LIMITS } from './multipart.ts';
import { finishDocument, hideOutsideApi } from './openapi.ts';
import { describeErrorResponses } from './route-errors.ts';
import { postgresRateLimitStore } from './rate-limit-store.ts';
import { openRedis, pingRedis } from './redis.ts';
import { databaseThrottle, redisThrottle, type Throttle } from '../modules/accounts/throttle.ts';
import { registerSharePages } from './share-pages.ts';
import { registerWeb, webRoot } from './web.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbKind: Database['kind'];
    /** Uploaded files, by content hash: in PostgreSQL (every server sees them), or under dataDir/files on PGlite. */
    files: FileStore;
    /** Where sign-in and password-change attempts are counted: the database, or Redis when REDIS_URL is set. */
    throttle: Throttle;
    /** Set when the server is told to stop: /api/ready answers 503 while in-flight requests finish. */
    draining: boolean;
  }
}

export interface AppOptions {
  config: Pick<Config, 'logLevel'> &
    Partial<
      Pick<
        Config,
        'loginRateLimit' | 'publicRateLimit' | 'checkInOpensMinutes' | 'publicUrl' | 'trustProxy' | 'privacyOfficer' | 'sms' | 'smtpUrl' | 'redisUrl' | 'redisPrefix' | 's3'
      >
    >;
  database: Database;
  /** FINHUB_DATA_DIR: uploaded files are kept in its files/ folder. Absent (API-only tests,
   *  benchmarks): a folder under the system's temporary directory, created on first upload. */
  dataDir?: string;
  /** Serve the built front end from dist/web (off in API-only tests). */
  web?: boolean;
  /** Where the log goes (standard output by default); tests pass a stream to read it. */
  logStream?: { write(line: string): void };
}

/** `select 1`, failing after 3 s: a database down or too slow to answer is unavailable, not a hang. */
async function pingDatabase(database: Database): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([database.db.execute('select 1'), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('database check timed out')), 3000)))]);
  } finally {
    clearTimeout(timer);
  }
}

const STORE_CHECK_MS = 3000;

/** The object store's check (HeadBucket), failing after 3 s: a store that is down or hangs is unavailable, not a hang. */
async function checkFileStore(files: FileStore): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    // The request is aborted at 3 s; the timer answers even if the client is still retrying.
    await Promise.race([files.check!(STORE_CHECK_MS), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('file store check timed out')), STORE_CHECK_MS)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the log says about a failed store check: the error's name and message (an S3 error carries its HTTP status). */
function describeFileStoreError(err: unknown): { name: string; message: string; status?: number } {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  return { name: e?.name ?? 'Error', message: e?.message ?? String(err), ...(e?.$metadata?.httpStatusCode ? { status: e.$metadata.httpStatusCode } : {}) };
}

export async function buildApp({ config, database, dataDir, web = true, logStream }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Tokens in URLs and cookie headers never reach the log (src/server/log-redaction.ts).
    logger: { level: config.logLevel, ...loggerRedaction, ...(logStream ? { stream: logStream } : {}) },
    bodyLimit: 1024 * 1024,
    // The rate limits key on the client address: X-Forwarded-For counts only from proxies the
    // operator names (FINHUB_TRUST_PROXY), never by default.
    trustProxy: config.trustProxy ?? false,
    // Fastify's own 4xx (an undecodable URL, an over-long parameter) in the bilingual shape too.
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('dbKind', database.kind);
  app.decorate('draining', false);
  // REDIS_URL: the rate limits and the sign-in throttle count in Redis (src/server/redis.ts); closed with the app.
  const redis = config.redisUrl ? openRedis(config.redisUrl, config.redisPrefix ?? 'finhub:') : undefined;
  if (redis) {
    redis.on('error', (err) => app.log.warn({ redis: describeDatabaseError(err) }, 'redis connection error'));
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  }
  app.decorate('throttle', redis ? redisThrottle(redis) : databaseThrottle(database.db));
  // FINHUB_S3_BUCKET: the files go in that object store (src/server/file-store-s3.ts), on any database.
  app.decorate('files', openFileStore(database, path.join(dataDir ?? path.join(os.tmpdir(), `finhub-data-${process.pid}`), 'files'), config.s3));
  app.addHook('onClose', async () => app.files.close?.());
  installErrorHandler(app);

  // Security headers with a strict CSP: the front end loads nothing but its own files.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });

  // br or gzip for every answer worth it (HTML, JSON, JS, CSS, XML, text), for phones on slow
  // networks; registered before the routes so it covers them all. The built front end's files
  // come already compressed (src/server/web.ts), which this leaves as they are.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'finhub API',
        description: '전북금융중심지 공약 관리 플랫폼 API / API of the Jeonbuk financial-center pledge platform',
        version: '0.1.0',
      },
      components: { securitySchemes: { [SESSION_SCHEME]: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    // Each error response names its codes (src/server/route-errors.ts); pages and files outside
    // /api/ are not in the document, which standard validators accept (src/server/openapi.ts).
    transform: (input) => hideOutsideApi(describeErrorResponses(jsonSchemaTransform(input), input.route)),
    transformObject: (input) => finishDocument(jsonSchemaTransformObject(input), config.publicUrl ?? 'http://localhost:3000'),
  });
  await registerAuth(app);
  // Evidence uploads and plan imports; routes read parts with src/server/multipart.ts.
  await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS });
  // Off by default; routes opt in (login, public forms) with config.rateLimit. With REDIS_URL the
  // counts live in Redis (the plugin's own Redis store); else on PostgreSQL in the database
  // (src/server/rate-limit-store.ts): either way a limit holds across every server.
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'rate-limit:' } : database.kind === 'postgres' ? { store: postgresRateLimitStore(database.db) } : {}),
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', {
        ko: `요청이 너무 많습니다. ${Math.ceil(ctx.ttl / 1000)}초 뒤에 다시 시도하십시오.`,
        en: `Too many requests. Try again in ${Math.ceil(ctx.ttl / 1000)} s.`,
      }),
  });
  await registerWithPolicy(app, ASSETS, (docs) => docs.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true }));

  app.get('/api/openapi.json', { config: { policy: PUBLIC }, schema: { operationId: 'getOpenApi', summary: 'This OpenAPI document', tags: ['meta'], hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/api/health',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getHealth',
        summary: 'Liveness and database kind / 상태 확인',
        tags: ['meta'],
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }),
          503: z.object({
            status: z.literal('unavailable'),
            db: z.enum(['pglite', 'postgres']),
            error: z.object({ code: z.string(), message: z.object({ ko: z.string(), en: z.string() }) }),
          }),
        },
      },
    },
    async (req, reply) => {
      // The database is down (or too slow to answer in 3 s): say so with 503, for load balancers
      // and monitoring, instead of an opaque error or a hang.
      try {
        await pingDatabase(database);
        return { status: 'ok' as const, db: database.kind };
      } catch (err) {
        req.log.warn({ db: describeDatabaseError(err) }, 'health: database unavailable');
        return reply
          .status(503)
          .header('retry-after', '5')
          .send({ status: 'unavailable' as const, db: database.kind, error: databaseUnavailable().toBody().error });
      }
    },
  );

  app.get(
    '/api/ready',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getReady',
        summary: 'Readiness for the load balancer: the database (and Redis, and the S3 file store, when used) answers and the server is not shutting down / 준비 상태',
        tags: ['meta'],
        response: {
          200: z.object({ status: z.literal('ready'), db: z.enum(['pglite', 'postgres']), redis: z.literal('up').optional(), files: z.literal('up').optional() }),
          503: z.object({
            status: z.enum(['draining', 'unavailable']),
            db: z.enum(['pglite', 'postgres']),
            redis: z.enum(['up', 'down']).optional(),
            files: z.enum(['up', 'down']).optional(),
          }),
        },
      },
    },
    async (req, reply) => {
      // A server told to stop (SIGTERM) answers 503 here while it finishes what it has, so the
      // balancer sends new requests elsewhere (src/cli/serve.ts).
      if (app.draining)
        return reply
          .status(503)
          .header('retry-after', '5')
          .send({ status: 'draining' as const, db: database.kind });
      // With REDIS_URL, Redis too: the sign-in and the public writes cannot be served without it.
      // With FINHUB_S3_BUCKET, the object store too: uploads and downloads cannot be served without it.
      // All at once, each failing after 3 s: the answer comes within about 3 s whatever hangs.
      const files = app.files.check !== undefined;
      const [db, red, store] = await Promise.allSettled([
        pingDatabase(database),
        redis ? pingRedis(redis) : Promise.resolve(),
        files ? checkFileStore(app.files) : Promise.resolve(),
      ]);
      const state = (r: PromiseSettledResult<void>) => (r.status === 'fulfilled' ? ('up' as const) : ('down' as const));
      const parts = { ...(redis ? { redis: state(red) } : {}), ...(files ? { files: state(store) } : {}) };
      if (db.status === 'fulfilled' && red.status === 'fulfilled' && store.status === 'fulfilled')
        return { status: 'ready' as const, db: database.kind, ...(redis ? { redis: 'up' as const } : {}), ...(files ? { files: 'up' as const } : {}) };
      if (db.status === 'rejected') req.log.warn({ db: describeDatabaseError(db.reason) }, 'ready: database unavailable');
      if (red.status === 'rejected') req.log.warn({ redis: describeDatabaseError(red.reason) }, 'ready: redis unavailable');
      if (store.status === 'rejected') req.log.warn({ files: describeFileStoreError(store.reason) }, 'ready: file store unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({ status: 'unavailable' as const, db: database.kind, ...parts });
    },
  );

  // Before the routes: it wraps the handlers of those marked `publicCache`.
  await registerPublicCache(app, database);
  // Behind a TLS proxy req.protocol may say http: the configured public address decides too.
  await app.register(accountRoutes, { loginRateLimit: config.loginRateLimit ?? 10, secureCookies: (config.publicUrl ?? '').startsWith('https:') });
  await app.register(auditRoutes);
  await app.register(outboxRoutes);
  await app.register(todoRoutes);
  await app.register(planRoutes);
  await app.register(planFiguresRoutes);
  await app.register(trackingRoutes);
  await app.register(evidenceRoutes);
  await app.register(ledgerRoutes);
  await app.register(draftRoutes);
  await app.register(reportRoutes);
  await app.register(transparencyRoutes);
  await app.register(importRoutes);
  await app.register(englishRoutes);
  await app.register(openDataRoutes);
  // Citizens' public writes (registrations, cancellations, surveys) are limited per address.
  const publicWrites = {
    engine: { publicUrl: config.publicUrl ?? 'http://localhost:3000', checkInOpensMinutes: config.checkInOpensMinutes ?? 60 },
    publicRateLimit: config.publicRateLimit ?? 30,
  };
  await app.register(registrationRoutes, publicWrites);
  await app.register(academyRoutes, publicWrites);
  await app.register(eventRoutes, { publicUrl: config.publicUrl ?? 'http://localhost:3000' });
  await app.register(attendeeRoutes, publicWrites);
  await app.register(schoolRoutes, { publicUrl: config.publicUrl ?? 'http://localhost:3000', publicRateLimit: config.publicRateLimit ?? 30 });
  await app.register(organisationRoutes);
  await app.register(meetingRoutes, { publicUrl: config.publicUrl ?? 'http://localhost:3000' });
  await app.register(ordinanceRoutes);
  await app.register(attractionRoutes);
  await app.register(facilityRoutes);
  await app.register(feedbackRoutes, { publicUrl: config.publicUrl ?? 'http://localhost:3000', publicRateLimit: config.publicRateLimit ?? 30 });
  await app.register(surveyRoutes);
  await app.register(trainingRoutes, { publicUrl: config.publicUrl ?? 'http://localhost:3000', publicRateLimit: config.publicRateLimit ?? 30 });
  await app.register(trainingJobRoutes);
  await app.register(sitemapRoutes, { publicUrl: config.publicUrl ?? 'http://localhost:3000', ...(web ? { webRoot } : {}) });
  await app.register(privacyRoutes, { privacyOfficer: config.privacyOfficer ?? PRIVACY_OFFICER_DEFAULTS, sms: config.sms ?? { provider: 'file' }, smtpUrl: config.smtpUrl });
  await app.register(newsRoutes, { publicUrl: config.publicUrl ?? 'http://localhost:3000' });
  await app.register(homeRoutes);
  const spa = web && (await registerWeb(app));
  // News, events and sessions carry their share tags (Open Graph) in the page itself.
  if (spa) registerSharePages(app, { webRoot, publicUrl: config.publicUrl ?? 'http://localhost:3000' });
  installNotFoundHandler(app, spa);
  return app;
}
