/**
 * 공개 설명: what the public reads about an action on its page (/plans/:id/actions/:actionId),
 * in Korean and optionally English — apart from the internal comment of a status update.
 * Self-contained (its own form and save): place it wherever the workspace shows one action.
 * PUT /api/actions/:id/explanation; both fields empty takes the explanation down.
 */
import { formatDateTime } from '../../format.ts';
import { Form, Submit, TextArea, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import type { StaffAction } from '../../staff-api.ts';
import { saveExplanation } from '../../transparency-api.ts';

interface Props {
  action: Pick<StaffAction, 'id' | 'explanation'>;
  canEdit: boolean;
  /** Saved: load the action (or plan) again. */
  onChanged: () => void;
}

export function ExplanationForm({ action, canEdit, onChanged }: Props) {
  const { lang, t } = useI18n();
  const current = action.explanation;
  const form = useKitForm({ defaultValues: { ko: current?.ko ?? '', en: current?.en ?? '' } });
  return (
    <details className="disclosure" data-testid="explanation-form">
      <summary>
        {t('explanationFormTitle')} —{' '}
        <span data-testid="explanation-state">{current ? t('explanationCurrent', { date: formatDateTime(current.updatedAt, lang) }) : t('explanationNotPublished')}</span>
      </summary>
      <Form
        form={form}
        className="staff-form disclosure-body"
        onSubmit={async (v) => {
          const saved = await saveExplanation(action.id, { ko: v.ko, en: v.en.trim() ? v.en : null });
          form.reset({ ko: saved.explanation?.ko ?? '', en: saved.explanation?.en ?? '' });
          onChanged();
          return t(saved.explanation ? 'explanationSaved' : 'explanationRemoved');
        }}
      >
        <fieldset disabled={!canEdit}>
          <legend className="visually-hidden">{t('explanationFormTitle')}</legend>
          <TextArea name="ko" label={t('explanationKo')} hint={t('explanationHint')} rows={3} maxLength={2000} testId="explanation-ko" />
          <TextArea name="en" label={t('explanationEn')} rows={3} maxLength={2000} lang="en" testId="explanation-en" />
          <Submit testId="save-explanation">{t('save')}</Submit>
        </fieldset>
      </Form>
    </details>
  );
}
