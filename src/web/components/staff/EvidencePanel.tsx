/**
 * An action's evidence: files and links, published or internal. Editors publish/unpublish,
 * rename in place, delete (with a confirm step), upload a file, or add a link.
 */
import { useState } from 'react';
import { formatBytes } from '../../format.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { deleteEvidence, updateEvidence, type StaffAction, type StaffEvidence } from '../../staff-api.ts';
import { EvidenceLinkForm, EvidenceTitleForm, EvidenceUploadForm } from './EvidenceForms.tsx';
import { ButtonText } from './ButtonText.tsx';
import { failureText, FormAlert, InPlace } from '../../forms/index.ts';

function EvidenceItem({ item, canEdit, onChanged }: { item: StaffEvidence; canEdit: boolean; onChanged: () => void }) {
  const { lang, t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation();
  const href = item.kind === 'file' ? `/api/evidence/${item.id}/file` : item.url;

  const togglePublished = async () => {
    if (await mutation.run(() => updateEvidence(item.id, { published: !item.published }))) onChanged();
  };
  const remove = async () => {
    const ok = await mutation.run(() => deleteEvidence(item.id).then(() => true));
    setConfirming(false);
    if (ok) onChanged();
  };
  const failure = failureText(mutation.error, lang, t);

  return (
    <li className="evidence-item" data-testid="evidence-item" data-evidence-id={item.id} data-published={item.published}>
      <div className="evidence-main">
        <a href={href} rel={item.kind === 'link' ? 'noreferrer' : undefined}>
          {item.title}
        </a>{' '}
        <span className="evidence-kind">
          ({t(item.kind === 'file' ? 'evidenceFile' : 'evidenceLink')}
          {item.fileName ? `: ${item.fileName}` : ''}
          {item.sizeBytes ? `, ${formatBytes(item.sizeBytes)}` : ''})
        </span>{' '}
        <span className={`badge ${item.published ? 'badge-public' : 'badge-internal'}`} data-testid="evidence-visibility">
          {t(item.published ? 'published' : 'unpublished')}
        </span>
      </div>
      {canEdit && (
        <div className="evidence-buttons">
          <button type="button" className="button-small" onClick={togglePublished} disabled={mutation.busy} data-testid="toggle-published">
            <ButtonText text={t(item.published ? 'unpublishAction' : 'publishAction')} object={item.title} />
          </button>
          {confirming ? (
            <>
              <button type="button" className="button-small button-danger" onClick={remove} disabled={mutation.busy} data-testid="confirm-delete">
                <ButtonText text={t('confirmDelete')} object={item.title} />
              </button>
              <button type="button" className="button-small" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button-small" onClick={() => setConfirming(true)} data-testid="delete-evidence">
              <ButtonText text={t('deleteNamed')} object={item.title} />
            </button>
          )}
        </div>
      )}
      {canEdit && (
        <InPlace name={item.title}>
          {({ saved }) => (
            <EvidenceTitleForm
              item={item}
              onSaved={() => {
                saved();
                onChanged();
              }}
            />
          )}
        </InPlace>
      )}
      <FormAlert message={failure} />
    </li>
  );
}

export function EvidencePanel({ action, canEdit, onChanged }: { action: StaffAction; canEdit: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const count = action.evidence.length;
  return (
    <details className="disclosure" data-testid="evidence-panel" open={count > 0 ? true : undefined}>
      <summary>{t('evidenceCount', { count })}</summary>
      <div className="disclosure-body">
        {count === 0 ? (
          <p>{t('evidenceEmpty')}</p>
        ) : (
          <ul className="evidence-list">
            {action.evidence.map((item) => (
              <EvidenceItem key={item.id} item={item} canEdit={canEdit} onChanged={onChanged} />
            ))}
          </ul>
        )}
        {canEdit && (
          <div className="evidence-forms">
            <EvidenceUploadForm actionId={action.id} onAdded={onChanged} />
            <EvidenceLinkForm actionId={action.id} onAdded={onChanged} />
          </div>
        )}
      </div>
    </details>
  );
}
