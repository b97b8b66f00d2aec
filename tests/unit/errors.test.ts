/**
 * The one error table: every code has its status, the generic code of every status exists (for
 * Fastify's own 4xx), the Error schema lists exactly the table's codes, every domain code is
 * documented on some route, and Korean messages pick their particle (no "을(를)").
 * A code thrown anywhere in src/ is an `ErrorCode`, the table's key type, so the type checker
 * refuses a code missing from the table; the table is imported here, never grepped.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorResponseSchema } from '../../src/server/api-schema.ts';
import { isUniqueViolation } from '../../src/server/db-errors.ts';
import { AppError, ERROR_CODES, ERROR_STATUS, fieldError, genericCode, invalidFields, notFound, type ErrorCode } from '../../src/server/errors.ts';
import { josa, withJosa } from '../../src/server/korean.ts';
import { routeErrorCodes } from '../../src/server/route-errors.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ANY_KIND } from '../support/db.ts';

const GENERIC: ErrorCode[] = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'INTERNAL',
  'DB_UNAVAILABLE',
];

describe('error table', () => {
  it('gives every code an HTTP error status, used by AppError and its body', () => {
    assert.ok(ERROR_CODES.length > GENERIC.length);
    for (const code of ERROR_CODES) {
      const status = ERROR_STATUS[code];
      assert.ok(Number.isInteger(status) && status >= 400 && status <= 599, `${code}: ${status}`);
      const e = new AppError(code, { ko: '가', en: 'a' }, [fieldError('x', '나', 'b')]);
      assert.equal(e.status, status);
      assert.deepEqual(e.toBody(), { error: { code, message: { ko: '가', en: 'a' }, fields: [{ field: 'x', message: { ko: '나', en: 'b' } }] } });
      assert.equal(ErrorResponseSchema.safeParse(e.toBody()).success, true, code);
    }
  });

  it('has a generic code for every status, so a bare status never reads as a domain code', () => {
    for (const status of new Set(Object.values(ERROR_STATUS))) {
      const code = genericCode(status);
      assert.ok(code && GENERIC.includes(code), `${status} → ${code}`);
    }
  });

  it('lists exactly the table in the Error schema enum', () => {
    const body = (code: string) => ({ error: { code, message: { ko: '', en: '' } } });
    for (const code of ERROR_CODES) assert.equal(ErrorResponseSchema.safeParse(body(code)).success, true);
    assert.equal(ErrorResponseSchema.safeParse(body('NO_SUCH_CODE')).success, false);
  });

  it('names the fields of a 400', () => {
    const e = invalidFields([fieldError('year', '가', 'a'), fieldError('quarter', '나', 'b')]);
    assert.equal(e.code, 'VALIDATION_FAILED');
    assert.equal(e.bilingual.en, 'Invalid input: year, quarter');
  });
});

describe('josa', () => {
  it('chooses the particle by the final consonant', () => {
    assert.equal(withJosa('신청 내역', '을/를'), '신청 내역을');
    assert.equal(withJosa('만족도 조사', '을/를'), '만족도 조사를');
    assert.equal(withJosa('신청', '이/가'), '신청이');
    assert.equal(withJosa('행사', '이/가'), '행사가');
    assert.equal(withJosa('공약', '은/는'), '공약은');
    assert.equal(withJosa('부서', '은/는'), '부서는');
    assert.equal(withJosa('서울', '으로/로'), '서울로');
    assert.equal(withJosa('전주', '으로/로'), '전주로');
    assert.equal(withJosa('부산', '으로/로'), '부산으로');
    assert.equal(withJosa('학교', '과/와'), '학교와');
  });

  it('reads digits and Latin letters as they are said', () => {
    // 3 삼, 2 이, 10 십, 6 육, 1 일 (ㄹ), 9 구.
    assert.equal(withJosa('행사 3', '을/를'), '행사 3을');
    assert.equal(withJosa('신청 2', '을/를'), '신청 2를');
    assert.equal(withJosa('사용자 10', '을/를'), '사용자 10을');
    assert.equal(withJosa('질문 6', '이/가'), '질문 6이');
    assert.equal(withJosa('강좌 9', '이/가'), '강좌 9가');
    assert.equal(withJosa('경제 No. 1', '으로/로'), '경제 No. 1로');
    assert.equal(withJosa('경제 No. 3', '으로/로'), '경제 No. 3으로');
    assert.equal(withJosa('URL', '을/를'), 'URL을');
    assert.equal(withJosa('PDF', '을/를'), 'PDF를');
    assert.equal(withJosa('공약 (2)', '이/가'), '공약 (2)가');
  });

  it('falls back to both forms only for a word it cannot read', () => {
    assert.equal(josa('', '을/를'), '을(를)');
    assert.equal(josa('★', '이/가'), '이(가)');
  });

  it('builds not-found messages without a double particle', () => {
    assert.equal(notFound({ ko: '행사 3', en: 'Event 3' }).bilingual.ko, '행사 3을 찾을 수 없습니다.');
    assert.equal(notFound({ ko: '신청 12', en: 'Registration 12' }).bilingual.ko, '신청 12를 찾을 수 없습니다.');
    assert.equal(notFound({ ko: '만족도 조사', en: 'The survey' }).bilingual.ko, '만족도 조사를 찾을 수 없습니다.');
  });
});

describe('isUniqueViolation', () => {
  const pg = { code: '23505', constraint: 'quarter_reports_uq', message: 'duplicate key value violates unique constraint "quarter_reports_uq"' };
  it('finds a unique violation through wrapping errors, of the named constraint', () => {
    assert.equal(isUniqueViolation(pg), true);
    assert.equal(isUniqueViolation(Object.assign(new Error('Failed query'), { cause: pg })), true);
    assert.equal(isUniqueViolation({ cause: pg }, 'quarter_reports_uq'), true);
    assert.equal(isUniqueViolation({ cause: pg }, 'plans_category_number_uq'), false);
    // PGlite may name the constraint only in its message.
    assert.equal(isUniqueViolation({ code: '23505', message: pg.message }, 'quarter_reports_uq'), true);
    assert.equal(isUniqueViolation({ code: '23503', constraint: 'quarter_reports_uq' }), false);
    assert.equal(isUniqueViolation(null), false);
  });
});

describe('route error responses', () => {
  it('derives the codes from policy, method, schema, rate limit and config.errors', () => {
    assert.deepEqual(routeErrorCodes({ method: 'GET', staff: false, rateLimited: false }), []);
    assert.deepEqual(routeErrorCodes({ method: 'GET', schema: { params: {} }, staff: false, rateLimited: false }), ['VALIDATION_FAILED', 'NOT_FOUND']);
    assert.deepEqual(routeErrorCodes({ method: 'GET', staff: true, rateLimited: false }), ['UNAUTHENTICATED', 'FORBIDDEN']);
    assert.deepEqual(routeErrorCodes({ method: 'POST', schema: { params: {}, body: {} }, staff: false, rateLimited: true, errors: ['REGISTRATION_FULL'] }), [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE',
      'RATE_LIMITED',
      'CROSS_ORIGIN',
      'REGISTRATION_FULL',
    ]);
  });

  describe('in the OpenAPI document', () => {
    let t: TestApp;
    before(async () => {
      t = await openTestApp(ANY_KIND);
    });
    after(() => t?.close());

    it('lists every code in the Error schema and documents every domain code on some route', async () => {
      const doc = (await t.app.inject('/api/openapi.json')).json();
      const error = doc.components.schemas.Error;
      assert.deepEqual(error.properties.error.properties.code.enum, ERROR_CODES);
      const operations = Object.values(
        doc.paths as Record<
          string,
          Record<string, { operationId: string; description?: string; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>
        >,
      ).flatMap((p) => Object.values(p));
      const documented = new Set<string>();
      for (const op of operations) {
        // The health and readiness checks answer their own 503 bodies, for load balancers.
        if (op.operationId === 'getHealth' || op.operationId === 'getReady') continue;
        for (const [status, res] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          // Under the route's own content type when it produces a file (fastify-swagger's way).
          for (const media of Object.values(res.content ?? {})) assert.equal(media.schema.$ref, '#/components/schemas/Error', `${op.operationId} ${status}`);
          assert.ok(res.content, `${op.operationId} ${status}`);
          // The response's own description names the same codes.
          for (const code of (res as { description: string }).description.split(', '))
            assert.equal(ERROR_STATUS[code as ErrorCode], Number(status), `${op.operationId} ${status}: ${code}`);
          // Each documented error status names its codes in the description, and only codes of that status.
          const line = op.description?.split('\n').find((l) => l.startsWith(`- ${status}: `));
          assert.ok(line, `${op.operationId}: no codes for ${status}`);
          for (const [, code] of line.matchAll(/`([A-Z_]+)`/g)) {
            assert.equal(ERROR_STATUS[code as ErrorCode], Number(status), `${op.operationId}: ${code} under ${status}`);
            documented.add(code!);
          }
        }
      }
      // Every reference resolves (a schema id lost in the transform would dangle).
      for (const [, name] of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) assert.ok(doc.components.schemas[name!], `dangling $ref ${name}`);
      const undocumented = ERROR_CODES.filter((c) => !GENERIC.includes(c) && !documented.has(c));
      assert.deepEqual(undocumented, [], 'domain codes no route documents (config.errors)');
    });
  });
});
