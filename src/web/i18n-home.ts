/** UI strings of the public home page (the program at a glance), Korean and English. */
export const homeKo = {
  homeGlance: '한눈에 보는 추진 현황',
  homeQuarter: '{year}년 {quarter}분기 추진 과제',
  homeQuarterNone: '이번 분기에 예정된 과제가 없습니다.',
  homeQuarterProgress: '진척도 {progress}%',
  homePlanDetail: '실천계획 자세히 보기',
  homeUpcoming: '다가오는 교육과 행사',
  homeSessions: '금융아카데미',
  homeEvents: '행사',
  homeSessionsNone: '예정된 강좌가 없습니다.',
  homeEventsNone: '예정된 행사가 없습니다.',
  homeAllSessions: '금융아카데미 전체 보기',
  homeAllEvents: '행사 전체 보기',
};

export const homeEn: Record<keyof typeof homeKo, string> = {
  homeGlance: 'The program at a glance',
  homeQuarter: 'Actions for Q{quarter} {year}',
  homeQuarterNone: 'No actions are due this quarter.',
  homeQuarterProgress: 'Progress {progress}%',
  homePlanDetail: 'See the plan in full',
  homeUpcoming: 'Coming up',
  homeSessions: 'Financial academy',
  homeEvents: 'Events',
  homeSessionsNone: 'No sessions are scheduled.',
  homeEventsNone: 'No events are scheduled.',
  homeAllSessions: 'All academy sessions',
  homeAllEvents: 'All events',
};
