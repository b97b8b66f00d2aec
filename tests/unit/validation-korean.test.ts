/** Field messages in Korean: no English value kinds, particles chosen by the word, 합니다체. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { zodValidationError } from '../../src/server/validation.ts';

const koOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  assert.equal(r.success, false);
  return zodValidationError('x', r.error!).fields!.map((f) => f.message.ko);
};

describe('Korean validation messages', () => {
  it('names sizes and kinds in Korean, with the right particle', () => {
    assert.deepEqual(koOf(z.object({ a: z.array(z.number()).min(1) }), { a: [] }), ['1개 이상이어야 합니다.']);
    assert.deepEqual(koOf(z.object({ a: z.string().max(3) }), { a: 'abcd' }), ['3자 이하여야 합니다.']);
    assert.deepEqual(koOf(z.object({ a: z.number().gt(0) }), { a: 0 }), ['0보다 커야 합니다.']);
    assert.deepEqual(koOf(z.object({ a: z.number().max(100) }), { a: 101 }), ['100 이하여야 합니다.']);
    assert.deepEqual(koOf(z.object({ a: z.number() }), { a: 'x' }), ['숫자여야 합니다.']);
    assert.deepEqual(koOf(z.object({ a: z.string() }), { a: 1 }), ['문자열이어야 합니다.']);
    assert.deepEqual(koOf(z.object({ a: z.array(z.string()) }), { a: 1 }), ['목록이어야 합니다.']);
    assert.deepEqual(koOf(z.object({ a: z.enum(['ko', 'en']) }), { a: 'fr' }), ['다음 중 하나여야 합니다: ko, en.']);
    assert.deepEqual(koOf(z.object({}).strict(), { b: 1 }), ['받지 않는 항목이 있습니다.']);
  });

  it('never leaves an English value kind or a double particle in Korean', () => {
    const messages = [...koOf(z.object({ a: z.array(z.number()).min(2), b: z.string().min(2), c: z.boolean(), d: z.object({}) }), { a: [1], b: 'x', c: 'y', d: 3 })];
    for (const m of messages) {
      assert.doesNotMatch(m, /array|string|number|boolean|object|\(를\)|\(가\)/, m);
      assert.match(m, /니다\.$/, m);
    }
  });
});
