/** `/surveys/:token`: the satisfaction survey sent after a session (rating 1–5, comment). */
import { useState } from 'react';
import { answerSurvey, survey } from '../education-api.ts';
import { localText, textLang } from '../education-format.ts';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { Form, RadioGroup, StatusMessage, Submit, TextArea, useKitForm } from '../forms/index.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n } from '../i18n.ts';

const RATINGS = [1, 2, 3, 4, 5] as const;

export function SurveyPage({ token }: { token: string }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.survey(token), (signal) => survey(token, signal));
  const [sent, setSent] = useState(false);
  const form = useKitForm({ defaultValues: { rating: '', comment: '' } });
  useDocumentTitle(t('surveyTitle'), t('titleSuffix'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const view = state.data;

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
        <Form
          form={form}
          className="staff-form public-form"
          testId="survey-form"
          aria-label={t('surveyTitle')}
          status={false}
          onSubmit={async ({ rating, comment }) => {
            await answerSurvey(token, { rating: Number(rating), ...(comment.trim() ? { comment: comment.trim() } : {}) });
            setSent(true);
          }}
        >
          <RadioGroup
            name="rating"
            legend={t('ratingLegend')}
            className="rating-group"
            choices={RATINGS.map((r) => ({ value: String(r), label: t(`rating${r}` as 'rating1') }))}
            rules={{ required: t('ratingRequired') }}
            wrap={(options) => <div className="rating-options">{options}</div>}
          />
          <TextArea name="comment" label={t('surveyComment')} rows={4} maxLength={2000} />
          <Submit>{t('surveySubmit')}</Submit>
        </Form>
      )}
      <StatusMessage message={sent ? t('surveyThanks') : null} />
    </>
  );
}
