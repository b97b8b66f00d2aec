/** UI strings for editing in place and the timetable grid (issue 14), Korean and English. */
export const editingKo = {
  editNamed: '수정',
  editingHeading: '{name} 수정',
  savedNamed: '{name}: 저장했습니다.',
  timetableCaption: '{day} 시간표 (장소 × 시간)',
  timetableTime: '시간',
  timetableOther: '기타',
  timetableNoRoom: '장소 전체',
  timetableEmpty: '프로그램이 없습니다.',
  optionsChosenNote: '신청자가 고른 보기는 지울 수 없습니다.',
  categoryFixed: '참가 구분은 바꿀 수 없습니다. 새 구분을 추가하십시오.',
} as const;

export const editingEn: Record<keyof typeof editingKo, string> = {
  editNamed: 'Edit',
  editingHeading: 'Edit {name}',
  savedNamed: '{name}: saved.',
  timetableCaption: 'Timetable of {day} (rooms × time)',
  timetableTime: 'Time',
  timetableOther: 'Other',
  timetableNoRoom: 'All rooms',
  timetableEmpty: 'No programme yet.',
  optionsChosenNote: 'Options registrants chose cannot be removed.',
  categoryFixed: 'A category cannot change into another; add a new one instead.',
};
