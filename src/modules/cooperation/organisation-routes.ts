/** Partner organisations (협력기관): listed for staff, added and changed by managers. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, MANAGERS, STAFF } from '../../server/auth.ts';
import { createOrganisation, listOrganisations, updateOrganisation } from '../accounts/organisations.ts';
import { IdParams, OrganisationBody, OrganisationPatchBody, OrganisationSchema } from './meetings-api-schema.ts';

const tags = ['cooperation'];

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/organisations',
    {
      config: { policy: STAFF },
      schema: { operationId: 'listOrganisations', summary: 'Partner organisations / 협력기관 목록', tags, response: { 200: z.object({ items: z.array(OrganisationSchema) }) } },
    },
    async () => ({ items: await listOrganisations(app.db) }),
  );

  app.post(
    '/api/organisations',
    {
      config: { policy: MANAGERS, errors: ['ORGANISATION_EXISTS'] },
      schema: { operationId: 'createOrganisation', summary: 'Add a partner organisation / 협력기관 추가', tags, body: OrganisationBody, response: { 201: OrganisationSchema } },
    },
    async (req, reply) => reply.status(201).send(await createOrganisation(app.db, actorOf(req), req.body)),
  );

  app.patch(
    '/api/organisations/:id',
    {
      config: { policy: MANAGERS, errors: ['ORGANISATION_EXISTS'] },
      schema: {
        operationId: 'updateOrganisation',
        summary: 'Change a partner organisation / 협력기관 변경',
        tags,
        params: IdParams,
        body: OrganisationPatchBody,
        response: { 200: OrganisationSchema },
      },
    },
    async (req) => updateOrganisation(app.db, actorOf(req), req.params.id, req.body),
  );
};
