/**
 * What an action's status and progress may be together, checked on every save (direct, draft,
 * and again when drafts are published): 완료 and 이행 후 계속추진 need progress 100; progress 100
 * is no longer 추진예정 or 정상추진. Progress from a bound measure is the measure's, so only entered
 * progress is held to it. The refusal names the field to change, in Korean and English; the
 * staff form turns DONE_NEEDS_FULL_PROGRESS into a question ("set progress to 100?").
 */
import { AppError, fieldError } from '../../server/errors.ts';
import { withJosa } from '../../server/korean.ts';
import { ACTION_STATUS_LABELS, type ActionStatus } from './types.ts';

const FINISHED: readonly ActionStatus[] = ['done', 'done_continuing'];
const UNDER_WAY: readonly ActionStatus[] = ['planned', 'on_track'];

const ko = (s: ActionStatus) => ACTION_STATUS_LABELS[s].ko;
const en = (s: ActionStatus) => ACTION_STATUS_LABELS[s].en.toLowerCase();

/**
 * Throws when the status and progress an action would have do not fit. `changed` says which of
 * the two the caller sent, so the message points at the field they touched.
 */
export function assertStatusFitsProgress(next: { status: ActionStatus; progress: number }, opts: { measured: boolean; changed: { status: boolean; progress: boolean } }): void {
  if (opts.measured) return;
  const { status, progress } = next;
  if (FINISHED.includes(status) && progress !== 100) {
    throw new AppError(
      'DONE_NEEDS_FULL_PROGRESS',
      {
        ko: `${withJosa(`'${ko(status)}'`, '으로/로')} 바꾸려면 진척도가 100%여야 합니다. 지금 진척도는 ${progress}%입니다.`,
        en: `To mark the action ${en(status)}, its progress must be 100% (it is ${progress}%).`,
      },
      [fieldError('progress', `${ko(status)} 상태의 진척도는 100이어야 합니다.`, `Progress must be 100 when the status is ${en(status)}.`)],
    );
  }
  if (UNDER_WAY.includes(status) && progress === 100) {
    const field = opts.changed.progress && !opts.changed.status ? 'progress' : 'status';
    throw new AppError(
      'FULL_PROGRESS_NOT_UNDER_WAY',
      {
        ko: `진척도 100%인 추진계획은 '${ko(status)}' 상태일 수 없습니다. '완료' 또는 '이행 후 계속추진'을 고르십시오.`,
        en: `An action at 100% progress cannot be ${en(status)}: choose done or done, continuing.`,
      },
      [
        field === 'status'
          ? fieldError('status', '진척도 100%에는 완료 또는 이행 후 계속추진을 고르십시오.', 'At 100% progress choose done or done, continuing.')
          : fieldError('progress', `${ko(status)} 상태에서는 진척도를 100 미만으로 입력하십시오.`, `While ${en(status)}, progress stays below 100.`),
      ],
    );
  }
}
