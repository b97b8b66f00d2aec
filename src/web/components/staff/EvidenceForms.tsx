/** The two ways to add evidence: upload a file (multipart) or add a link (http/https). */
import { useRef, useState, type FormEvent } from 'react';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { addLink, uploadEvidence } from '../../staff-api.ts';
import { CheckboxField, Field } from './Field.tsx';
import { FormAlert, StatusMessage } from './Notice.tsx';

/** What the server accepts (checked there by content, not by name). */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.xlsx,.docx,.pptx,.hwp,.hwpx';
const MAX_BYTES = 10 * 1024 * 1024;

export function EvidenceUploadForm({ actionId, onAdded }: { actionId: number; onAdded: () => void }) {
  const { lang, t } = useI18n();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [published, setPublished] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const errors: Record<string, string> = {};
    if (!file) errors.file = t('fileRequired');
    else if (file.size > MAX_BYTES) errors.file = t('fileTooLarge');
    setLocal(errors);
    if (!file || Object.keys(errors).length > 0) return;
    const added = await mutation.run(() => uploadEvidence(actionId, file, title.trim(), published), t('evidenceAdded'));
    if (added) {
      setFile(null);
      setTitle('');
      setPublished(false);
      if (fileRef.current) fileRef.current.value = '';
      onAdded();
    }
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, ['file', 'title']) : NO_ERRORS;
  const errors = { ...server.fields, ...local };
  return (
    <form className="staff-form evidence-form" onSubmit={submit} noValidate data-testid="upload-form">
      <h5>{t('uploadFile')}</h5>
      <FormAlert message={server.summary} />
      <Field label={t('file')} hint={t('fileHint')} error={errors.file}>
        {(props) => <input {...props} ref={fileRef} type="file" name="file" accept={EVIDENCE_ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </Field>
      <Field label={t('evidenceTitle')} hint={t('fileTitleHint')} error={errors.title}>
        {(props) => <input {...props} type="text" name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <CheckboxField label={t('publishNow')} checked={published} onChange={setPublished} name="published" />
      <p className="form-actions">
        <button type="submit" className="button-secondary" disabled={mutation.busy}>
          {t('upload')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}

export function EvidenceLinkForm({ actionId, onAdded }: { actionId: number; onAdded: () => void }) {
  const { lang, t } = useI18n();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const errors: Record<string, string> = {};
    if (!title.trim()) errors.title = t('required');
    if (!/^https?:\/\/\S+$/i.test(url.trim())) errors.url = t('urlInvalid');
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const added = await mutation.run(() => addLink(actionId, { title: title.trim(), url: url.trim(), published }), t('evidenceAdded'));
    if (added) {
      setTitle('');
      setUrl('');
      setPublished(false);
      onAdded();
    }
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, ['title', 'url']) : NO_ERRORS;
  const errors = { ...server.fields, ...local };
  return (
    <form className="staff-form evidence-form" onSubmit={submit} noValidate data-testid="link-form">
      <h5>{t('addLink')}</h5>
      <FormAlert message={server.summary} />
      <Field label={t('evidenceTitle')} error={errors.title}>
        {(props) => <input {...props} type="text" name="title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('url')} hint={t('urlHint')} error={errors.url}>
        {(props) => <input {...props} type="url" name="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
      </Field>
      <CheckboxField label={t('publishNow')} checked={published} onChange={setPublished} name="published" />
      <p className="form-actions">
        <button type="submit" className="button-secondary" disabled={mutation.busy}>
          {t('addLink')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}
