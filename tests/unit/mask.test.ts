/** The platform's one masking rule (src/server/mask.ts) and its token helper (src/server/tokens.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskEmail, maskName, maskPhone } from '../../src/server/mask.ts';
import { hashToken, randomToken, TOKEN_PATTERN } from '../../src/server/tokens.ts';

describe('maskName', () => {
  it('keeps the first and last syllable of Korean names of 3 and 4 syllables, the first of 2', () => {
    assert.equal(maskName('김철'), '김*');
    assert.equal(maskName('홍길동'), '홍*동');
    assert.equal(maskName('남궁민수'), '남**수');
    assert.equal(maskName('선우용녀'), '선**녀');
  });
  it('masks foreign names the same way, by character (spaces included)', () => {
    assert.equal(maskName('Jane Doe'), 'J******e');
    assert.equal(maskName('Li'), 'L*');
    assert.equal(maskName('Nguyễn Văn An'), 'N***********n');
    assert.equal(maskName('A'), '*');
    assert.equal(maskName(''), '*');
  });
  it('counts code points, not UTF-16 units (a character outside the BMP is one)', () => {
    assert.equal(maskName('𠀀길동'), '𠀀*동');
  });
});

describe('maskPhone', () => {
  it('gives 010-****-5678 for a mobile number with or without hyphens, spaces or +82', () => {
    for (const p of ['01012345678', '010-1234-5678', '010 1234 5678', '+82 10 1234 5678', '+82-10-1234-5678']) assert.equal(maskPhone(p), '010-****-5678', p);
  });
  it('keeps a three-digit prefix for 10-digit numbers and 02 for Seoul', () => {
    assert.equal(maskPhone('0111234567'), '011-****-4567');
    assert.equal(maskPhone('0631234567'), '063-****-4567');
    assert.equal(maskPhone('021234567'), '02-****-4567');
    assert.equal(maskPhone('02-1234-5678'), '02-****-5678');
  });
  it('shows the same four stars whatever the middle length, and nothing of a too-short value', () => {
    assert.equal(maskPhone('0101234567')!.length, maskPhone('01012345678')!.length);
    assert.equal(maskPhone('1234567'), '***');
  });
  it('keeps the calling code and the last four digits of a number abroad', () => {
    assert.equal(maskPhone('+819012345678'), '+81-****-5678');
    assert.equal(maskPhone('+14155552671'), '+1-****-2671');
    assert.equal(maskPhone('+84912345678'), '+84-****-5678');
    assert.equal(maskPhone('+1234'), '***');
  });
  it('leaves nothing as null', () => {
    assert.equal(maskPhone(null), null);
    assert.equal(maskPhone(''), null);
  });
});

describe('maskEmail', () => {
  it('keeps the first character of the local part and the domain: h***@example.com', () => {
    assert.equal(maskEmail('hong@example.com'), 'h***@example.com');
    assert.equal(maskEmail('someone.long.name@example.org'), 's***@example.org');
    assert.equal(maskEmail('teacher@wansan.test'), 't***@wansan.test');
  });
  it('does not show the length of the local part', () => {
    assert.equal(maskEmail('ab@x.org'), 'a***@x.org');
    assert.equal(maskEmail('abc@x.org'), 'a***@x.org');
  });
  it('keeps nothing of a one-character local part', () => {
    assert.equal(maskEmail('a@x.org'), '***@x.org');
  });
  it('uses the last @ and counts code points', () => {
    assert.equal(maskEmail('"a@b"@x.org'), '"***@x.org');
    assert.equal(maskEmail('홍길동@example.kr'), '홍***@example.kr');
  });
  it('answers *** for something that is not an address, null for nothing', () => {
    assert.equal(maskEmail('no-at-sign'), '***');
    assert.equal(maskEmail('@x.org'), '***');
    assert.equal(maskEmail(null), null);
    assert.equal(maskEmail(''), null);
  });
});

describe('tokens', () => {
  it('are 32 random bytes in base64url, stored as their SHA-256', () => {
    const t = randomToken();
    assert.match(t, TOKEN_PATTERN);
    assert.notEqual(randomToken(), t);
    assert.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.match(hashToken(t), /^[0-9a-f]{64}$/);
  });
});
