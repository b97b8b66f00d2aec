/** `/settlement/board`: the public board of answered feedback, published by staff with personal data removed. */
import { CATEGORY_LABELS } from '../components/settlement/labels.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { formatDateTime } from '../education-format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';
import { feedbackBoard } from '../settlement-api.ts';

export function FeedbackBoardPage() {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.feedbackBoard(), feedbackBoard);
  useDocumentTitle(t('boardTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  return (
    <>
      <h1>{t('boardTitle')}</h1>
      <p className="lead">{t('boardIntro')}</p>
      {state.data.items.length === 0 ? (
        <p data-testid="board-empty">{t('boardEmpty')}</p>
      ) : (
        <ul className="plan-list" data-testid="feedback-board">
          {state.data.items.map((item) => (
            <li key={item.id} className="plan-card" data-testid="board-item">
              <p>
                <span className="badge">{t(CATEGORY_LABELS[item.category])}</span>
              </p>
              <p className="multiline" data-testid="board-text">
                {item.text}
              </p>
              {item.answer && (
                <div className="board-answer">
                  <h2>{t('feedbackAnswer')}</h2>
                  <p className="multiline" data-testid="board-answer">
                    {item.answer.text}
                  </p>
                  <p className="meta">{t('boardAnsweredBy', { department: item.answer.department ?? '', date: formatDateTime(item.answer.answeredAt, lang) })}</p>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
