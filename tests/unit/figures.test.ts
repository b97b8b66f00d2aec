/** The roll-up arithmetic: 이행률, 완료율, quarters of entries, report figures, ledger rates, measured progress. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  entryQuarter,
  executionRate,
  figuresOf,
  ledgerOf,
  measuredProgress,
  percent,
  reportFigures,
  rollUp,
  shownWon,
  type ActionFigureInput,
} from '../../src/modules/plan/figures.ts';
import { isCalendarDate, periodRange, quarterDates, quarterOf, quarterRange, seoulDate } from '../../src/modules/plan/seoul-time.ts';
import type { ActionStatus } from '../../src/modules/plan/types.ts';

const a = (status: ActionStatus, progress: number): ActionFigureInput => ({ status, progress });

describe('figuresOf', () => {
  it('averages progress and counts done and done_continuing, leaving dropped out of both', () => {
    const f = figuresOf([a('done', 100), a('done_continuing', 100), a('on_track', 40), a('planned', 0), a('dropped', 90), a('on_hold', 10)]);
    // counted: 5 (dropped out); progress (100+100+40+0+10)/5 = 50; done 2/5 = 40 %
    assert.deepEqual(f, { progressRate: 50, completionRate: 40, counted: 5, done: 2 });
  });

  it('rounds to one decimal, half up', () => {
    assert.deepEqual(figuresOf([a('done', 100), a('planned', 0), a('planned', 0)]), { progressRate: 33.3, completionRate: 33.3, counted: 3, done: 1 });
    assert.deepEqual(figuresOf([a('done', 100), a('done', 100), a('planned', 0)]), { progressRate: 66.7, completionRate: 66.7, counted: 3, done: 2 });
    // 1/8 = 12.5 % → 12.5; 1/16 = 6.25 → 6.3 (half up); 1/80 of 100 = 1.25 → 1.3
    assert.equal(figuresOf([a('done', 100), ...Array(7).fill(a('planned', 0))]).completionRate, 12.5);
    assert.equal(figuresOf([a('done', 100), ...Array(15).fill(a('planned', 0))]).completionRate, 6.3);
    assert.equal(figuresOf([a('partly', 1), a('partly', 2), a('partly', 1), a('partly', 1)]).progressRate, 1.3);
  });

  it('answers null rates when nothing is counted (all dropped, or no actions), never a made-up 0', () => {
    assert.deepEqual(figuresOf([]), { progressRate: null, completionRate: null, counted: 0, done: 0 });
    assert.deepEqual(figuresOf([a('dropped', 100)]), { progressRate: null, completionRate: null, counted: 0, done: 0 });
  });

  it('does not count a dropped action as done, whatever its progress', () => {
    assert.deepEqual(figuresOf([a('dropped', 100), a('done', 100)]), { progressRate: 100, completionRate: 100, counted: 1, done: 1 });
  });
});

describe('entryQuarter and rollUp', () => {
  it('maps Q1–Q4 as is, H1 → 2, H2 and FY → 4', () => {
    assert.deepEqual((['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'FY'] as const).map(entryQuarter), [1, 2, 3, 4, 2, 4, 4]);
  });

  it('rolls up by action (not by averaging averages), per year and per quarter, in order', () => {
    const entries = [
      { year: 2024, period: 'FY' as const, actions: [a('planned', 0)] },
      { year: 2023, period: 'Q3' as const, actions: [a('done', 100), a('on_track', 50), a('dropped', 0)] },
      { year: 2023, period: 'H1' as const, actions: [a('partly', 20)] },
      { year: 2023, period: 'Q2' as const, actions: [a('done', 100)] },
    ];
    const r = rollUp(entries);
    // overall: counted 5 (one dropped): (0+100+50+20+100)/5 = 54; done 2/5 = 40
    assert.deepEqual(r.overall, { progressRate: 54, completionRate: 40, counted: 5, done: 2 });
    // 2023: 4 counted: (100+50+20+100)/4 = 67.5; done 2/4 = 50 — the mean of entry means would be (75+20+100)/3 = 65
    assert.deepEqual(r.byYear, [
      { year: 2023, progressRate: 67.5, completionRate: 50, counted: 4, done: 2 },
      { year: 2024, progressRate: 0, completionRate: 0, counted: 1, done: 0 },
    ]);
    // H1 and Q2 share quarter 2; FY falls in quarter 4
    assert.deepEqual(r.byQuarter, [
      { year: 2023, quarter: 2, progressRate: 60, completionRate: 50, counted: 2, done: 1 },
      { year: 2023, quarter: 3, progressRate: 75, completionRate: 50, counted: 2, done: 1 },
      { year: 2024, quarter: 4, progressRate: 0, completionRate: 0, counted: 1, done: 0 },
    ]);
  });

  it('gives a quarter report the quarter, the cumulative and the overall figures', () => {
    const entries = [
      { year: 2022, period: 'Q4' as const, actions: [a('done', 100)] },
      { year: 2023, period: 'Q1' as const, actions: [a('on_track', 50)] },
      { year: 2023, period: 'Q2' as const, actions: [a('planned', 0)] },
      { year: 2023, period: 'H2' as const, actions: [a('planned', 0)] },
    ];
    const f = reportFigures(entries, 2023, 1);
    assert.deepEqual(f.quarter, { progressRate: 50, completionRate: 0, counted: 1, done: 0 });
    assert.deepEqual(f.cumulative, { progressRate: 75, completionRate: 50, counted: 2, done: 1 });
    assert.deepEqual(f.overall, { progressRate: 37.5, completionRate: 25, counted: 4, done: 1 });
    assert.equal(reportFigures(entries, 2023, 3).quarter.counted, 0, 'H2 is due in Q4, not Q3');
    assert.equal(reportFigures(entries, 2023, 4).quarter.counted, 1);
  });
});

describe('ledger and measured progress', () => {
  it('computes execution rates per line, per year and in total; null when nothing is planned', () => {
    const lines = [
      { sourceLabel: '시비', year: 2023, plannedKrw: 240_000_000, securedKrw: 240_000_000 },
      { sourceLabel: '도비', year: 2023, plannedKrw: 60_000_000, securedKrw: 0 },
      { sourceLabel: '시비', year: 2024, plannedKrw: 0, securedKrw: 0 },
    ];
    const executions = [
      { sourceLabel: '시비', year: 2023, amountKrw: 100_000_000 },
      { sourceLabel: '시비', year: 2023, amountKrw: 20_000_000 },
      { sourceLabel: '도비', year: 2023, amountKrw: 20_000_000 },
    ];
    const l = ledgerOf(lines, executions);
    assert.deepEqual(
      l.rows.map((r) => [r.sourceLabel, r.year, r.executedKrw, r.executionRate]),
      [
        ['시비', 2023, 120_000_000, 50],
        ['도비', 2023, 20_000_000, 33.3],
        ['시비', 2024, 0, null],
      ],
    );
    assert.deepEqual(l.byYear, [
      { year: 2023, plannedKrw: 300_000_000, securedKrw: 240_000_000, executedKrw: 140_000_000, executionRate: 46.7 },
      { year: 2024, plannedKrw: 0, securedKrw: 0, executedKrw: 0, executionRate: null },
    ]);
    assert.deepEqual(l.totals, { plannedKrw: 300_000_000, securedKrw: 240_000_000, executedKrw: 140_000_000, executionRate: 46.7 });
  });

  it('never throws on a stored negative amount or sums past 2^53: the rate is null, the amount held at ±(2^53 − 1)', () => {
    const l = ledgerOf(
      [
        { sourceLabel: '시비', year: 2023, plannedKrw: -50_000_000, securedKrw: 0 },
        { sourceLabel: '국비', year: 2024, plannedKrw: Number.MAX_SAFE_INTEGER, securedKrw: 0 },
      ],
      [
        { sourceLabel: '국비', year: 2024, amountKrw: Number.MAX_SAFE_INTEGER },
        { sourceLabel: '국비', year: 2024, amountKrw: Number.MAX_SAFE_INTEGER },
      ],
    );
    assert.deepEqual(l.rows[0], { sourceLabel: '시비', year: 2023, plannedKrw: -50_000_000, securedKrw: 0, executedKrw: 0, executionRate: null });
    assert.deepEqual(l.rows[1], { sourceLabel: '국비', year: 2024, plannedKrw: Number.MAX_SAFE_INTEGER, securedKrw: 0, executedKrw: Number.MAX_SAFE_INTEGER, executionRate: 200 });
    assert.equal(l.totals.executionRate, 200, 'the rate is over the exact sums');
    assert.ok(Number.isSafeInteger(l.totals.plannedKrw) && Number.isSafeInteger(l.totals.executedKrw));
    assert.equal(shownWon(9e18), Number.MAX_SAFE_INTEGER);
    assert.equal(shownWon(-9e18), -Number.MAX_SAFE_INTEGER);
    assert.equal(shownWon(NaN), 0);
    assert.equal(executionRate(5n, -1n), null);
    assert.equal(executionRate(-5n, 10n), null);
  });

  it('computes percentages exactly for large won amounts', () => {
    assert.equal(percent(1, 3), 33.3);
    assert.equal(percent(2, 3), 66.7);
    assert.equal(percent(9_000_000_000_000_000, 9_000_000_000_000_000), 100);
    assert.equal(percent(1_234_567_890_123, 2_469_135_780_246), 50);
    assert.equal(percent(150, 100), 150, 'overspending shows above 100');
    assert.equal(percent(5, 0), null);
  });

  it('turns a measured figure into progress: min(100, floor(measured / target × 100))', () => {
    assert.equal(measuredProgress(1, 2), 50);
    assert.equal(measuredProgress(2, 3), 66);
    assert.equal(measuredProgress(3, 2), 100);
    assert.equal(measuredProgress(0, 2), 0);
    assert.equal(measuredProgress(-1, 2), 0);
    assert.equal(measuredProgress(1, 0), 0);
  });
});

describe('Asia/Seoul dates and quarters', () => {
  it('puts quarters at Seoul midnight', () => {
    const q3 = quarterRange(2023, 3);
    assert.equal(q3.from.toISOString(), '2023-06-30T15:00:00.000Z');
    assert.equal(q3.to.toISOString(), '2023-09-30T15:00:00.000Z');
    assert.equal(quarterRange(2023, 4).to.toISOString(), '2023-12-31T15:00:00.000Z');
    assert.deepEqual(quarterDates(2023, 4), { from: '2023-10-01', to: '2024-01-01' });
  });

  it('spans halves and whole years', () => {
    assert.deepEqual(
      Object.values(periodRange(2026, 'H1')).map((d) => d.toISOString()),
      ['2025-12-31T15:00:00.000Z', '2026-06-30T15:00:00.000Z'],
    );
    assert.equal(periodRange(2026, 'H2').to.toISOString(), '2026-12-31T15:00:00.000Z');
    assert.equal(periodRange(2026, 'FY').from.toISOString(), '2025-12-31T15:00:00.000Z');
    assert.deepEqual(periodRange(2024, 'Q2'), quarterRange(2024, 2));
  });

  it('reads the Seoul date and quarter of a moment', () => {
    const lateUtc = new Date('2023-09-30T15:30:00Z'); // 2023-10-01 00:30 in Seoul
    assert.equal(seoulDate(lateUtc), '2023-10-01');
    assert.deepEqual(quarterOf(lateUtc), { year: 2023, quarter: 4 });
    assert.deepEqual(quarterOf(new Date('2023-09-30T14:59:59Z')), { year: 2023, quarter: 3 });
  });

  it('knows calendar dates', () => {
    assert.equal(isCalendarDate('2024-02-29'), true);
    assert.equal(isCalendarDate('2023-02-29'), false);
    assert.equal(isCalendarDate('2023-13-01'), false);
    assert.equal(isCalendarDate('2023-1-01'), false);
  });
});
