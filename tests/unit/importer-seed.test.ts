/** The Jeonju seed plan read by the importer: every field of the normalized contract. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePlanText } from '../../src/modules/plan/importer/parse.ts';
import { seedText } from '../support/fixtures.ts';

describe('importer on the Jeonju seed plan', () => {
  const plan = parsePlanText(seedText());

  it('reads the header and overview', () => {
    assert.equal(plan.category, '도시');
    assert.equal(plan.number, 10);
    assert.equal(plan.pledge, '100만 통합 전주 광역도시 생활권 조성');
    assert.equal(plan.title, '전북금융중심지 지정을 위한 협력 및 기반 구축');
    assert.deepEqual(plan.period, { start: 2022, end: 2026 });
    assert.equal(plan.totalBudgetKrw, 1_410_000_000);
    assert.deepEqual(plan.contents[0], { area: '금융중심지 지원체계 구축', text: '금융산업 육성 및 지원에 관한 조례 제정' });
    assert.equal(plan.contents.length, 4);
    assert.equal(plan.contents[3]!.area, '전북도·국민연금공단·지역 정치권과 공조 체계 구축');
  });

  it("reconciles the budget header with its sums: the column headed '27~ is '26", () => {
    assert.equal(plan.budget.unit, '억원');
    assert.deepEqual(plan.budget.years, [2022, 2023, 2024, 2025, 2026]);
    assert.deepEqual(plan.budget.rows, [
      {
        source: 'city',
        sourceLabel: '시비',
        priorKrw: 240_000_000,
        yearsKrw: { '2022': 230_000_000, '2023': 240_000_000, '2024': 230_000_000, '2025': 240_000_000, '2026': 230_000_000 },
        afterKrw: null,
        totalKrw: 1_410_000_000,
      },
    ]);
    assert.equal(plan.warnings.length, 1, plan.warnings.join('\n'));
    assert.match(plan.warnings[0]!, /'27~/);
    assert.match(plan.warnings[0]!, /read as 2026/);
  });

  it('reads the phases with nested items, months and footnotes', () => {
    assert.deepEqual(
      plan.phases.map((p) => [p.name, p.start, p.end]),
      [
        ['1단계', '2022-07', '2023-12'],
        ['2단계', '2024-01', '2025-12'],
        ['3단계', '2026-01', '2026-06'],
      ],
    );
    const first = plan.phases[0]!;
    assert.equal(first.items.length, 3);
    assert.equal(first.items[0]!.text, '금융 인프라 기반 구축 및 생활 인프라 조성');
    assert.deepEqual(
      first.items[0]!.children.map((c) => c.text),
      ['금융기관 유치/이전 지원방안 마련', '생활 인프라 조성 : 혁신동 주민센터, 복합혁신센터, 혁신도시 다목적 체육센터, 어린이(가족) 친화공간 건립'],
    );
    const second = plan.phases[1]!;
    assert.equal(second.items.length, 1);
    assert.equal(second.items[0]!.children.length, 4);
    assert.equal(second.items[0]!.children[3]!.text, '지니포럼* 개최 : 전북국제컨퍼런스');
    assert.deepEqual(second.notes, ['*지니포럼(Global Emerging Network In Economy forum) : 새로운 글로벌 경제네트워크']);
    assert.deepEqual(plan.phases[2]!.items, [{ text: '금융중심지 지정을 위한 기관별 역할 지속 추진', children: [] }]);
  });

  it('reads the expected effects without their markers', () => {
    assert.equal(plan.effects.length, 4);
    assert.ok(plan.effects[0]!.startsWith('세계 3대 연기금으로'));
    assert.ok(plan.effects.every((e) => !/^[-☑\s]/.test(e)));
  });

  it('reads both schedule tables: years carried down, periods, goals and actions', () => {
    assert.deepEqual(
      plan.schedule.map((e) => `${e.year}${e.period}`),
      ['2022Q3', '2022Q4', '2023Q1', '2023Q2', '2023Q3', '2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026H1'],
    );
    const q4 = plan.schedule[1]!;
    assert.deepEqual(q4.goals, ['시민대상 금융교육 실시 및 활성화방안 마련']);
    assert.deepEqual(q4.actions, [
      { text: '전주시 금융아카데미 개최(2회)', target: { count: 2, unit: '회' } },
      { text: '찾아가는 금융학교 실시(3개교)', target: { count: 3, unit: '개교' } },
      { text: "'23년 전주시 금융아카데미 계획 수립", target: null },
    ]);
    // "<ul>" cells of the second table
    const y2024q1 = plan.schedule[6]!;
    assert.deepEqual(y2024q1.goals, ['시민대상 금융 교육 활성화', '금융도시기반 마련을 위한 생활인프라 개선']);
    assert.equal(y2024q1.actions.length, 3);
    assert.equal(plan.schedule[5]!.goals.length, 2);
  });

  it('tells targets from ordinals and from words in parentheses', () => {
    const actions = plan.schedule.flatMap((e) => e.actions);
    const byText = (t: string) => actions.find((a) => a.text === t);
    assert.deepEqual(byText('전주시 금융아카데미 개최(1회)')!.target, { count: 1, unit: '회' });
    assert.equal(byText('제3회 지니포럼 국제금융컨퍼런스 참여')!.target, null);
    assert.equal(byText('전주시 금융아카데미 운영(유튜브 등)')!.target, null);
    assert.equal(byText('제4회 지니포럼(GENIE Forum) 개최')!.target, null);
    assert.equal(actions.filter((a) => a.target).length, 3);
  });
});
