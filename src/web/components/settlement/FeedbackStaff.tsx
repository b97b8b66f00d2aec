/** Staff handling of settlement feedback: assign (managers), answer and close (editors), approve the redacted text for the board (managers). */
import { Form, SelectField, Submit, TextArea, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { answerFeedback, assignFeedback, closeFeedback, publishFeedback, type StaffFeedback } from '../../settlement-api.ts';
import type { Department } from '../../staff-api.ts';
import { departmentLabel } from '../../departments.ts';
import { CATEGORY_LABELS, FEEDBACK_STATUS_LABELS } from './labels.ts';

function AssignForm({ item, departments, onSaved }: { item: StaffFeedback; departments: Department[]; onSaved: () => void }) {
  const { lang, t } = useI18n();
  const form = useKitForm({ defaultValues: { departmentId: item.department ? String(item.department.id) : '' } });
  return (
    <Form
      form={form}
      className="staff-form compact-form"
      testId="feedback-assign-form"
      aria-label={`${t('staffAssign')} #${item.id}`}
      onSubmit={async (v) => {
        await assignFeedback(item.id, Number(v.departmentId));
        onSaved();
        return t('staffAssigned', { id: item.id });
      }}
    >
      <SelectField
        name="departmentId"
        label={t('staffAssignTo')}
        placeholder={t('staffChooseDepartment')}
        options={departments.map((d) => ({ value: String(d.id), label: departmentLabel(d, lang) }))}
        required
      />
      <Submit className="button-primary button-small" testId="feedback-assign">
        {t('staffAssign')}
      </Submit>
    </Form>
  );
}

function AnswerForm({ item, onSaved }: { item: StaffFeedback; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { text: '' } });
  return (
    <Form
      form={form}
      className="staff-form compact-form"
      testId="feedback-answer-form"
      aria-label={`${t('staffAnswerSubmit')} #${item.id}`}
      onSubmit={async (v) => {
        await answerFeedback(item.id, v.text.trim());
        onSaved();
        return t('staffAnswered', { id: item.id });
      }}
    >
      <TextArea name="text" label={t('staffAnswerText')} rows={4} maxLength={4000} required />
      <Submit className="button-primary button-small" testId="feedback-answer">
        {t('staffAnswerSubmit')}
      </Submit>
    </Form>
  );
}

function PublishForm({ item, onSaved }: { item: StaffFeedback; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({
    defaultValues: { text: item.published?.text ?? item.proposed.text, answer: item.published?.answer ?? item.proposed.answer ?? '' },
  });
  return (
    <Form
      form={form}
      className="staff-form compact-form"
      testId="feedback-publish-form"
      aria-label={`${t('staffPublishHeading')} #${item.id}`}
      head={<h4>{t('staffPublishHeading')}</h4>}
      onSubmit={async (v) => {
        await publishFeedback(item.id, { published: true, text: v.text.trim(), answer: v.answer.trim() });
        onSaved();
        return t('staffPublished', { id: item.id });
      }}
    >
      <TextArea name="text" label={t('staffPublicText')} rows={3} maxLength={4000} required testId="feedback-public-text" />
      <TextArea name="answer" label={t('staffPublicAnswer')} rows={3} maxLength={4000} required testId="feedback-public-answer" />
      <div className="form-actions">
        <Submit className="button-primary button-small" testId="feedback-publish">
          {t('staffPublish')}
        </Submit>
        {item.published && (
          <button
            type="button"
            className="button-secondary button-small"
            data-testid="feedback-unpublish"
            onClick={async () => {
              await publishFeedback(item.id, { published: false });
              onSaved();
            }}
          >
            {t('staffUnpublish')}
          </button>
        )}
      </div>
    </Form>
  );
}

export function FeedbackCard({
  item,
  departments,
  manager,
  editor,
  onSaved,
}: {
  item: StaffFeedback;
  departments: Department[];
  manager: boolean;
  editor: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const contact = item.contact ? [item.contact.name, item.contact.phoneMasked, item.contact.emailMasked].filter(Boolean).join(' · ') : t('staffAnonymous');
  return (
    <li className="action-card" data-testid="staff-feedback" data-feedback-id={item.id} data-status={item.status}>
      <h3 className="card-title">
        #{item.id} {t(CATEGORY_LABELS[item.category])}{' '}
        <span className={`badge feedback-${item.status}`} data-testid="staff-feedback-status">
          {t(FEEDBACK_STATUS_LABELS[item.status])}
        </span>
      </h3>
      <p className="multiline" data-testid="staff-feedback-text">
        {item.text}
      </p>
      <dl className="summary-list facts">
        <div>
          <dt>{t('staffContact')}</dt>
          <dd data-testid="staff-feedback-contact">{contact}</dd>
        </div>
        {item.department && (
          <div>
            <dt>{t('staffAssignTo')}</dt>
            <dd>{item.department.name}</dd>
          </div>
        )}
        {item.answer && (
          <div>
            <dt>{t('feedbackAnswer')}</dt>
            <dd className="multiline">{item.answer}</dd>
          </div>
        )}
      </dl>
      {manager && (item.status === 'received' || item.status === 'assigned') && <AssignForm item={item} departments={departments} onSaved={onSaved} />}
      {editor && item.status === 'assigned' && <AnswerForm item={item} onSaved={onSaved} />}
      {editor && item.status === 'answered' && (
        <button
          type="button"
          className="button-secondary button-small"
          data-testid="feedback-close"
          onClick={async () => {
            await closeFeedback(item.id);
            onSaved();
          }}
        >
          {t('staffClose')}
        </button>
      )}
      {manager && (item.status === 'answered' || item.status === 'closed') && <PublishForm item={item} onSaved={onSaved} />}
    </li>
  );
}
