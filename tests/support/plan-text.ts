/** Builds plan documents in the pledge book's layout, for importer variants. */
export interface PlanTextParts {
  header?: string;
  overview?: string;
  budget?: string;
  phases?: string;
  effects?: string;
  schedule?: string;
}

export const DEFAULT_PARTS: Required<PlanTextParts> = {
  header: '경제\n\nNo. 7\n\n일자리가 넘치는 경제도시\n\n시민 금융교육 확대',
  overview: '☑ 사업기간 : 2023.~2025.\n\n☑ 총사업비 : 6.0억원\n\n☑ 사업내용\n\n- (교육) 시민 금융교육\n- (홍보) 금융도시 홍보',
  budget: [
    '(단위 : 억원)',
    '',
    "구분\t총투자 규모\t기투자\t임기 내\t\t\t\t'26~",
    "\t\t\t소계\t'23\t'24\t'25\t",
    '합계\t6.0\t0.5\t4.5\t1.5\t1.5\t1.5\t1.0',
    '국비\t2.0\t0\t2.0\t1.0\t0.5\t0.5\t-',
    '시비\t4.0\t0.5\t2.5\t0.5\t1.0\t1.0\t1.0',
  ].join('\n'),
  phases: "☑ 1단계 ('23. 1.~'24. 6.)\n\n- 교육 기반 마련\n - 강사 모집\n  - 공개 모집\n- *각주 설명\n\n☑ 2단계 ('24. 7.~'25. 12.)\n\n- 교육 확대",
  effects: '- ☑ 시민 금융 이해력 향상\n- ☑ 금융도시 이미지 제고',
  schedule: [
    '구분\t\t목표\t추진계획',
    '2023\t상반기\t• 교육 준비\t• 강사 모집(10명) • 교재 제작',
    '\t하반기\t• 교육 실시\t• 금융교육 개최(4회)',
    '2024\t연간\t<ul><li>교육 확대</li><li>홍보</li></ul>\t<ul><li>금융교육 개최(8회)</li><li>제2회 금융 주간 운영</li></ul>',
    '2025\t1분기\t• 정착\t• 성과 평가(유튜브 등)',
  ].join('\n'),
};

export function planText(parts: PlanTextParts = {}): string {
  const p = { ...DEFAULT_PARTS, ...parts };
  return [
    '',
    p.header,
    '',
    '사업개요',
    '',
    p.overview,
    '',
    '연도별\n재원투자',
    '',
    p.budget,
    '',
    '추진절차',
    '',
    p.phases,
    '',
    '기대효과',
    '',
    p.effects,
    '',
    '연도별 목표 및 추진계획',
    '',
    p.schedule,
  ].join('\n');
}
