/** The yearly settlement survey and the departments' improvement items (정주여건 만족도 조사, 부서별 개선 과제). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, EDITORS, MANAGERS, PUBLIC, userOf } from '../../server/auth.ts';
import { CheckBody, IdParams, ImprovementBody, ImprovementSchema, SurveyBody, SurveysSchema, SurveyYearSchema, YearParams } from './api-schema.ts';
import { checkImprovement, createImprovement, listImprovements } from './improvements/improvements.ts';
import { saveSurveyYear, surveyYears } from './survey/surveys.ts';

const tags = ['settlement'];

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settlement/surveys',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'getSettlementSurveys',
        summary: 'The yearly settlement survey: each year’s results and the year-to-year comparison per topic / 정주여건 만족도 조사',
        tags,
        response: { 200: SurveysSchema },
      },
    },
    async () => surveyYears(app.db),
  );

  app.put(
    '/api/manage/settlement/surveys/:year',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'saveSettlementSurvey',
        summary: 'Record (or correct) a year’s survey results / 연도별 조사 결과 입력',
        tags,
        params: YearParams,
        body: SurveyBody,
        response: { 200: SurveyYearSchema },
      },
    },
    async (req) => saveSurveyYear(app.db, actorOf(req), req.params.year, req.body),
  );

  app.get(
    '/api/settlement/improvements',
    {
      config: { policy: PUBLIC },
      schema: {
        operationId: 'listSettlementImprovements',
        summary: 'The departments’ improvement items (transport routes, commuter buses, housing support) and their quarterly checks / 부서별 개선 과제',
        tags,
        response: { 200: z.object({ items: z.array(ImprovementSchema) }) },
      },
    },
    async () => listImprovements(app.db),
  );

  app.post(
    '/api/manage/settlement/improvements',
    {
      config: { policy: MANAGERS },
      schema: {
        operationId: 'createSettlementImprovement',
        summary: 'Add an improvement item / 개선 과제 등록',
        tags,
        body: ImprovementBody,
        response: { 201: ImprovementSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createImprovement(app.db, actorOf(req), req.body)),
  );

  app.post(
    '/api/manage/settlement/improvements/:id/checks',
    {
      config: { policy: EDITORS, errors: ['OTHER_DEPARTMENT'] },
      schema: {
        operationId: 'checkSettlementImprovement',
        summary: 'The quarter’s check of an item: status and note (again in the same quarter corrects it) / 분기별 점검',
        tags,
        params: IdParams,
        body: CheckBody,
        response: { 200: ImprovementSchema },
      },
    },
    async (req) => checkImprovement(app.db, actorOf(req), userOf(req), req.params.id, req.body),
  );
};
