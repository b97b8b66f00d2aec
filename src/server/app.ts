/** Assembles the Fastify app: plugins, OpenAPI, error handling, module routes, the web front end. */
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import { planRoutes } from '../modules/plan/routes.ts';
import { installErrorHandler, installNotFoundHandler } from './error-handler.ts';
import { registerWeb } from './web.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbKind: Database['kind'];
  }
}

export interface AppOptions {
  config: Pick<Config, 'logLevel'>;
  database: Database;
  /** Serve the built front end from dist/web (off in API-only tests). */
  web?: boolean;
}

export async function buildApp({ config, database, web = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    // Behind a proxy the client address is in X-Forwarded-For; the rate limits key on it.
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('dbKind', database.kind);
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

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'finhub API',
        description: '전북금융중심지 공약 관리 플랫폼 API / API of the Jeonbuk financial-center pledge platform',
        version: '0.1.0',
      },
      components: {},
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get(
    '/api/openapi.json',
    { schema: { operationId: 'getOpenApi', summary: 'This OpenAPI document', tags: ['meta'], security: [], hide: true } },
    async () => app.swagger(),
  );
  app.get(
    '/api/health',
    {
      schema: {
        operationId: 'getHealth',
        summary: 'Liveness and database kind / 상태 확인',
        tags: ['meta'],
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await database.db.execute('select 1');
      return { status: 'ok' as const, db: database.kind };
    },
  );

  await app.register(planRoutes);
  installNotFoundHandler(app, web && (await registerWeb(app)));
  return app;
}
