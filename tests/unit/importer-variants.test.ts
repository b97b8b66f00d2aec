/** Hand-made plans in the same layout: other budgets, cell markups, periods, and broken files. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePlanFile, parsePlanText } from '../../src/modules/plan/importer/parse.ts';
import { parseTarget } from '../../src/modules/plan/importer/schedule.ts';
import { parseMoneyWithUnit, PlanFormatError, toWon } from '../../src/modules/plan/importer/text.ts';
import { DEFAULT_PARTS, planText } from '../support/plan-text.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('importer variants', () => {
  it('reads several funding sources, money after the term, and a 합계 row that checks out', () => {
    const plan = parsePlanText(planText());
    assert.deepEqual(plan.warnings, []);
    assert.equal(plan.totalBudgetKrw, 600_000_000);
    assert.deepEqual(plan.budget.years, [2023, 2024, 2025]);
    assert.deepEqual(
      plan.budget.rows.map((r) => [r.source, r.sourceLabel, r.priorKrw, r.yearsKrw, r.afterKrw, r.totalKrw]),
      [
        ['national', '국비', 0, { '2023': 100_000_000, '2024': 50_000_000, '2025': 50_000_000 }, 0, 200_000_000],
        ['city', '시비', 50_000_000, { '2023': 50_000_000, '2024': 100_000_000, '2025': 100_000_000 }, 100_000_000, 400_000_000],
      ],
    );
  });

  it('warns when the 합계 row differs from the sum of the sources', () => {
    const budget = DEFAULT_PARTS.budget.replace('합계\t6.0\t0.5\t4.5\t1.5\t1.5\t1.5\t1.0', '합계\t6.0\t0.5\t4.5\t1.5\t1.4\t1.6\t1.0');
    const plan = parsePlanText(planText({ budget }));
    assert.ok(
      plan.warnings.some((w) => /합계 행이 재원별 합과 다릅니다.*2024, 2025/.test(w)),
      plan.warnings.join('\n'),
    );
  });

  it('warns, and keeps the header reading, when no reading makes the sums hold', () => {
    const budget = DEFAULT_PARTS.budget.replace('시비\t4.0\t0.5\t2.5', '시비\t4.0\t0.5\t2.7');
    const plan = parsePlanText(planText({ budget }));
    assert.ok(
      plan.warnings.some((w) => w.includes('do not hold') && w.includes('시비')),
      plan.warnings.join('\n'),
    );
    assert.deepEqual(plan.budget.years, [2023, 2024, 2025]);
  });

  it('reads amounts in 백만원 exactly, with thousands separators', () => {
    const budget = ['(단위 : 백만원)', "구분\t총투자 규모\t기투자\t임기 내\t\t'27~", "\t\t\t소계\t'22\t", '도비\t"1,250"\t0\t"1,250"\t"1,250"\t'].join('\n').replace(/"/g, '');
    const plan = parsePlanText(planText({ budget, overview: DEFAULT_PARTS.overview.replace('6.0억원', '1,250백만원').replace('2023.~2025.', '2022.~2022.') }));
    assert.equal(plan.totalBudgetKrw, 1_250_000_000);
    assert.deepEqual(plan.budget.rows[0]!.yearsKrw, { '2022': 1_250_000_000 });
    assert.equal(plan.budget.rows[0]!.source, 'province');
    assert.equal(plan.budget.rows[0]!.afterKrw, 0);
  });

  it('reads <li> cells, 상반기/하반기/연간 and a year given only on its first row', () => {
    const plan = parsePlanText(planText());
    assert.deepEqual(
      plan.schedule.map((e) => [e.year, e.period]),
      [
        [2023, 'H1'],
        [2023, 'H2'],
        [2024, 'FY'],
        [2025, 'Q1'],
      ],
    );
    assert.deepEqual(plan.schedule[2]!.goals, ['교육 확대', '홍보']);
    assert.deepEqual(plan.schedule[2]!.actions, [
      { text: '금융교육 개최(8회)', target: { count: 8, unit: '회' } },
      { text: '제2회 금융 주간 운영', target: null },
    ]);
    assert.deepEqual(plan.schedule[0]!.actions[0]!.target, { count: 10, unit: '명' });
    assert.equal(plan.schedule[3]!.actions[0]!.target, null);
  });

  it('nests phase items by indentation and keeps footnotes apart', () => {
    const plan = parsePlanText(planText());
    assert.deepEqual(plan.phases[0], {
      name: '1단계',
      start: '2023-01',
      end: '2024-06',
      items: [{ text: '교육 기반 마련', children: [{ text: '강사 모집', children: [{ text: '공개 모집', children: [] }] }] }],
      notes: ['*각주 설명'],
    });
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    const plan = parsePlanFile(bytes(`\uFEFF${planText().replace(/\n/g, '\r\n')}`));
    assert.equal(plan.number, 7);
    assert.equal(plan.schedule.length, 4);
  });

  it('warns when the overview total and the budget table disagree, and about years outside the period', () => {
    const plan = parsePlanText(planText({ overview: DEFAULT_PARTS.overview.replace('6.0억원', '7.0억원').replace('2023.~2025.', '2023.~2024.') }));
    assert.ok(plan.warnings.some((w) => w.includes('700000000') && w.includes('600000000')));
    assert.ok(plan.warnings.some((w) => w.includes('2025') && w.includes('outside')));
  });

  const refusals: [string, Uint8Array, RegExp][] = [
    ['an empty file', bytes(''), /empty/],
    ['white space only', bytes(' \n\t\n'), /empty/],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary/],
    ['invalid UTF-8', new Uint8Array([0x41, 0xff, 0xfe, 0x42]), /UTF-8/],
    ['another document', bytes('# README\n\nThis project does things.\n\n- one\n- two\n'), /not a pledge plan/],
    ['a plan without its schedule', bytes(planText().split('연도별 목표 및 추진계획')[0]!), /missing .*schedule/],
    ['a budget with a word for an amount', bytes(planText({ budget: DEFAULT_PARTS.budget.replace('국비\t2.0', '국비\t많음') })), /not a number: "많음"/],
    ['a plan with no period', bytes(planText({ overview: DEFAULT_PARTS.overview.replace('☑ 사업기간 : 2023.~2025.', '') })), /period/],
  ];
  for (const [what, input, message] of refusals) {
    it(`refuses ${what} with a clear message in both languages`, () => {
      assert.throws(
        () => parsePlanFile(input),
        (e: unknown) => e instanceof PlanFormatError && message.test(e.en) && /[가-힣]/.test(e.ko),
      );
    });
  }
});

describe('amounts and characters the importer refuses, naming the place', () => {
  const refused = (text: string | Uint8Array, field: string, en: RegExp) =>
    assert.throws(
      () => (typeof text === 'string' ? parsePlanText(text) : parsePlanFile(text)),
      (e: unknown) =>
        e instanceof PlanFormatError &&
        e.field === field &&
        en.test(e.en) &&
        e.en.includes(field) &&
        e.ko.includes(field) &&
        /[가-힣]/.test(e.ko) &&
        !/[을를이가은는]\(/.test(e.ko),
    );

  it('refuses a negative amount in any budget cell, naming it budget.<source>.<column>', () => {
    refused(planText({ budget: DEFAULT_PARTS.budget.replace('시비\t4.0\t0.5\t2.5\t0.5', '시비\t4.0\t0.5\t2.5\t-0.5') }), "budget.시비.'23", /negative amount: "-0.5"/);
    refused(planText({ budget: DEFAULT_PARTS.budget.replace('국비\t2.0\t0', '국비\t2.0\t−1') }), 'budget.국비.기투자', /negative/);
    refused(planText({ budget: DEFAULT_PARTS.budget.replace('합계\t6.0', '합계\t-6.0') }), 'budget.합계.총투자 규모', /negative/);
    refused(
      planText({ budget: DEFAULT_PARTS.budget.replace('시비\t4.0\t0.5\t2.5\t0.5\t1.0\t1.0\t1.0', '시비\t4.0\t0.5\t2.5\t0.5\t1.0\t1.0\t-1.0') }),
      "budget.시비.'26~",
      /negative/,
    );
    refused(planText({ budget: DEFAULT_PARTS.budget.replace('국비\t2.0', '국비\t많음') }), 'budget.국비.총투자 규모', /not a number: "많음"/);
  });

  it('refuses absurd amounts, a negative total budget, an absurd target and pledge number', () => {
    refused(planText({ budget: DEFAULT_PARTS.budget.replace('국비\t2.0\t0\t2.0\t1.0', '국비\t2.0\t0\t2.0\t99999999999') }), "budget.국비.'23", /too large/);
    refused(planText({ overview: DEFAULT_PARTS.overview.replace('6.0억원', '-6.0억원') }), 'overview.총사업비', /between 0 and/);
    refused(planText({ overview: DEFAULT_PARTS.overview.replace('6.0억원', '99999999999억원') }), 'overview.총사업비', /between 0 and/);
    refused(planText({ schedule: DEFAULT_PARTS.schedule.replace('강사 모집(10명)', '강사 모집(99999999999명)') }), 'schedule.2023.H1', /target count is too large/);
    refused(planText({ header: DEFAULT_PARTS.header.replace('No. 7', 'No. 99999999999') }), 'header.No.', /pledge number/);
  });

  it('refuses numeric references that are not characters, and NUL or control characters, naming the line', () => {
    const text = planText();
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('교재 제작'));
    for (const ref of ['&#xD800;', '&#0;', '&#x110000;', '&#99999999;', '&#x0;', '&#1;', '&#x9F;', '&#xDFFF;', '&#99999999999999999999999;']) {
      const bad = [...lines.slice(0, at), lines[at]!.replace('교재 제작', `교재${ref} 제작`), ...lines.slice(at + 1)].join('\n');
      refused(bad, `line ${at + 1}`, new RegExp(`character reference that is not allowed: "${ref}"`));
      refused(bytes(bad), `line ${at + 1}`, /not allowed/);
    }
    for (const ch of ['\u0000', '\u0007', '\u001b', '\u007f', '\ud800', '\udc00']) {
      const bad = [...lines.slice(0, at), lines[at]!.replace('교재 제작', `교재${ch} 제작`), ...lines.slice(at + 1)].join('\n');
      refused(bad, `line ${at + 1}`, /character that is not allowed/);
    }
    const withNul = [...lines.slice(0, 4), 'x\u0000y', ...lines.slice(4)].join('\n');
    refused(bytes(withNul), 'line 5', /NUL \(U\+0000\)/);
    // Valid references still decode: &#x2022; is a bullet, &#44032; is 가, &amp;#0; is the text "&#0;".
    const fine = parsePlanText(text.replace('• 교재 제작', '&#x2022; 교재 &#44032; &amp;#0;'));
    assert.deepEqual(
      fine.schedule[0]!.actions.map((a) => a.text),
      ['강사 모집(10명)', '교재 가 &#0;'],
    );
  });
});

describe('targets and money', () => {
  it('reads counts in parentheses at the end only', () => {
    assert.deepEqual(parseTarget('교육 실시(1,000명)'), { count: 1000, unit: '명' });
    assert.deepEqual(parseTarget('설명회 개최 (5 회)'), { count: 5, unit: '회' });
    assert.equal(parseTarget('제3회 지니포럼 개최'), null);
    assert.equal(parseTarget('운영(유튜브 등)'), null);
    assert.equal(parseTarget('개최(2회) 및 평가'), null);
  });

  it('converts decimal amounts to integer won without float error', () => {
    assert.equal(toWon('14.1', '억원'), 1_410_000_000);
    assert.equal(toWon('0.3', '억원'), 30_000_000);
    assert.equal(toWon('1,234.5', '백만원'), 1_234_500_000);
    assert.equal(toWon('-', '억원'), 0);
    assert.equal(toWon('abc', '억원'), null);
    assert.equal(toWon('0.5', '원'), null);
    assert.equal(toWon('−0.5', '억원'), -50_000_000, 'a minus sign (U+2212) is a sign; the importer refuses the negative');
  });

  it('reads a sign before an overview amount, but not a range dash', () => {
    assert.equal(parseMoneyWithUnit('총사업비 : 14.1억원'), 1_410_000_000);
    assert.equal(parseMoneyWithUnit('총사업비 : − 6.0억원'), -600_000_000);
    assert.equal(parseMoneyWithUnit('총사업비 : 10–14.1억원'), 1_410_000_000);
  });
});
