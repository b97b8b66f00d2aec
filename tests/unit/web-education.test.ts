/** The education pages' pure helpers: Seoul times for datetime-local fields, phone shapes, scanned QR codes, bilingual texts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPercent, formatScore, isoToSeoulInput, localText, looksLikePhone, seoulInputToIso, textLang, tokenFromScan } from '../../src/web/education-format.ts';

describe('Seoul time in datetime-local fields', () => {
  it('reads a typed value as Asia/Seoul and writes it back the same', () => {
    assert.equal(seoulInputToIso('2026-03-05T19:00'), '2026-03-05T10:00:00.000Z');
    assert.equal(isoToSeoulInput('2026-03-05T10:00:00.000Z'), '2026-03-05T19:00');
    assert.equal(isoToSeoulInput('2026-12-31T15:30:00Z'), '2027-01-01T00:30', 'crosses midnight and the year');
    assert.equal(seoulInputToIso(''), '');
    assert.equal(seoulInputToIso('not a date'), '');
  });
});

describe('phone numbers', () => {
  it('accepts the forms the server normalises and refuses the rest', () => {
    for (const ok of ['010-1234-5678', '01012345678', '+82 10 1234 5678', '063-222-1234', '02-123-4567']) assert.ok(looksLikePhone(ok), ok);
    for (const bad of ['010-12', '12345', '1234567890', 'phone', '010-1234-56789-0']) assert.ok(!looksLikePhone(bad), bad);
  });
});

describe('scanned QR codes', () => {
  it('takes the token itself, or the last segment or ?token= of a URL', () => {
    assert.equal(tokenFromScan(' abcDEF_123-xyz '), 'abcDEF_123-xyz');
    assert.equal(tokenFromScan('https://finhub.example/registrations/abc_DEF-1'), 'abc_DEF-1');
    assert.equal(tokenFromScan('https://finhub.example/check-in?token=tok123'), 'tok123');
  });
});

describe('bilingual texts and figures', () => {
  it('falls back to Korean when there is no English, and says which language is shown', () => {
    assert.equal(localText({ ko: '강좌', en: null }, 'en'), '강좌');
    assert.equal(textLang({ ko: '강좌', en: null }, 'en'), 'ko');
    assert.equal(localText({ ko: '강좌', en: 'Session' }, 'en'), 'Session');
    assert.equal(textLang({ ko: '강좌', en: 'Session' }, 'en'), 'en');
    assert.equal(localText(null, 'ko'), '');
  });
  it('prints rates with one decimal and scores with two, a dash for none', () => {
    assert.equal(formatPercent(100), '100.0%');
    assert.equal(formatPercent(66.666), '66.7%');
    assert.equal(formatPercent(null), '–');
    assert.equal(formatScore(4.5), '4.50');
    assert.equal(formatScore(undefined), '–');
  });
});
