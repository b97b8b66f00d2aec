/** The public privacy policy, generated from the register of processing (policy.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PUBLIC } from '../../server/auth.ts';
import { PrivacyPolicySchema } from './api-schema.ts';
import { privacyPolicy, type PolicySettings } from './policy.ts';

export const privacyRoutes: FastifyPluginAsyncZod<PolicySettings> = async (app, settings) => {
  const policy = privacyPolicy(settings);
  app.get(
    '/api/privacy-policy',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getPrivacyPolicy',
        summary: 'The privacy policy, from the register of processing / 개인정보처리방침',
        tags: ['privacy'],
        response: { 200: PrivacyPolicySchema },
      },
    },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(policy),
  );
};
