/** `/surveys/:token`: the satisfaction survey sent after a session (rating 1–5, comment). */
import { useState, type FormEvent } from 'react';
import { answerSurvey, survey } from '../education-api.ts';
import { localText, textLang } from '../education-format.ts';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { Field } from '../components/staff/Field.tsx';
import { FormAlert, StatusMessage } from '../components/staff/Notice.tsx';
import { formErrors, NO_ERRORS } from '../form-errors.ts';
import { useDocumentTitle, useMutation, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n } from '../i18n.ts';

const RATINGS = [1, 2, 3, 4, 5] as const;

export function SurveyPage({ token }: { token: string }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.survey(token), (signal) => survey(token, signal));
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);
  const mutation = useMutation();
  useDocumentTitle(t('surveyTitle'), t('titleSuffix'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const view = state.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    setLocal(rating ? {} : { rating: t('ratingRequired') });
    if (!rating) return;
    const body = { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    if ((await mutation.run(() => answerSurvey(token, body), t('surveyThanks'))) !== undefined) setSent(true);
  };
  const server = mutation.error ? formErrors(mutation.error, lang, t, ['rating', 'comment']) : NO_ERRORS;
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };

  return (
    <>
      <h1>{t('surveyTitle')}</h1>
      {view.session && (
        <p className="lead" lang={textLang(view.session.title, lang)}>
          {localText(view.session.title, lang)}
        </p>
      )}
      {view.answered || sent ? (
        <p data-testid="survey-done">{t('surveyThanks')}</p>
      ) : (
        <form className="staff-form public-form" onSubmit={submit} noValidate data-testid="survey-form" aria-label={t('surveyTitle')}>
          <FormAlert message={server.summary} focus />
          <fieldset className={`rating-group${errors.rating ? ' field-invalid' : ''}`} aria-describedby={errors.rating ? 'rating-error' : undefined}>
            <legend>{t('ratingLegend')}</legend>
            <div className="rating-options">
              {RATINGS.map((r) => (
                <div className="field-check" key={r}>
                  <input id={`rating-${r}`} type="radio" name="rating" value={r} checked={rating === r} onChange={() => setRating(r)} />
                  <label htmlFor={`rating-${r}`}>{t(`rating${r}` as 'rating1')}</label>
                </div>
              ))}
            </div>
            {errors.rating && (
              <p className="field-error" id="rating-error" data-testid="field-error">
                {errors.rating}
              </p>
            )}
          </fieldset>
          <Field label={t('surveyComment')} error={errors.comment}>
            {(props) => <textarea {...props} name="comment" rows={4} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <p className="form-actions">
            <button type="submit" className="button-primary" disabled={mutation.busy}>
              {t('surveySubmit')}
            </button>
          </p>
        </form>
      )}
      <StatusMessage message={mutation.done} />
    </>
  );
}
