/**
 * What an event's status and dates may be together, checked when a save sets the status or the
 * dates: a held event has real (not approximate) dates and has started; an event whose end has
 * passed is no longer planned (예정) — it was held (give its real dates) or cancelled. The plan's
 * past GENIE Forum editions, seeded as planned with the plan's quarter as placeholder dates, are
 * left alone until staff set their status or dates; the pages show them as past meanwhile.
 */
import { AppError, fieldError } from '../../../server/errors.ts';
import { seoulDateTimeKo } from '../../plan/seoul-time.ts';
import type { EventRow } from './event-row.ts';

type Next = Pick<EventRow, 'status' | 'startsAt' | 'endsAt' | 'dateApproximate'>;

export function assertEventStatusFitsDates(next: Next, now: Date): void {
  if (next.status === 'held') {
    if (next.dateApproximate) {
      throw new AppError(
        'EVENT_HELD_NEEDS_DATES',
        {
          ko: '개최된 행사에는 실제 날짜가 있어야 합니다. 시작·종료 일시를 입력하고 날짜 미정 표시를 지우십시오.',
          en: 'A held event needs its real dates: enter the start and end and clear “date approximate”.',
        },
        [fieldError('dateApproximate', '개최된 행사는 날짜 미정일 수 없습니다.', 'A held event cannot have approximate dates.')],
      );
    }
    if (next.startsAt > now) {
      throw new AppError(
        'EVENT_HELD_NEEDS_DATES',
        {
          ko: `시작 일시(${seoulDateTimeKo(next.startsAt)})가 아직 오지 않은 행사는 개최 완료로 바꿀 수 없습니다.`,
          en: `The event starts on ${next.startsAt.toISOString()}: it cannot be marked held before it starts.`,
        },
        [fieldError('status', '시작 전인 행사는 개최 완료로 바꿀 수 없습니다.', 'An event that has not started cannot be held.')],
      );
    }
  }
  if (next.status === 'planned' && next.endsAt <= now) {
    throw new AppError(
      'EVENT_ENDED_STILL_PLANNED',
      {
        ko: `종료 일시(${seoulDateTimeKo(next.endsAt)})가 지난 행사는 '예정'으로 둘 수 없습니다. 개최 완료(실제 날짜 입력) 또는 취소로 바꾸십시오.`,
        en: `The event ended on ${next.endsAt.toISOString()}: it cannot stay planned. Mark it held (with its real dates) or cancelled.`,
      },
      [fieldError('status', '종료된 행사는 개최 완료 또는 취소를 고르십시오.', 'For an ended event choose held or cancelled.')],
    );
  }
}
