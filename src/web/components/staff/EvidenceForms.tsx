/** The two ways to add evidence — upload a file (multipart) or add a link (http/https) — and renaming one in place. */
import { CheckField, Form, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { addLink, updateEvidence, uploadEvidence, type StaffEvidence } from '../../staff-api.ts';

/** What the server accepts (checked there by content, not by name). */
const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.xlsx,.docx,.pptx,.hwp,.hwpx';
const MAX_BYTES = 10 * 1024 * 1024;

export function EvidenceUploadForm({ actionId, onAdded }: { actionId: number; onAdded: () => void }) {
  const { t } = useI18n();
  const form = useKitForm<{ file: FileList | null; title: string; published: boolean }>({ defaultValues: { file: null, title: '', published: false } });
  const fileRule = (files: FileList | null) => {
    const file = files?.[0];
    return !file ? t('fileRequired') : file.size > MAX_BYTES ? t('fileTooLarge') : true;
  };
  return (
    <Form
      form={form}
      className="staff-form evidence-form"
      testId="upload-form"
      head={<h5>{t('uploadFile')}</h5>}
      onSubmit={async ({ file, title, published }) => {
        await uploadEvidence(actionId, file![0]!, title.trim(), published);
        form.reset();
        onAdded();
        return t('evidenceAdded');
      }}
    >
      <TextField name="file" label={t('file')} hint={t('fileHint')} type="file" accept={EVIDENCE_ACCEPT} rules={{ validate: fileRule }} />
      <TextField name="title" label={t('evidenceTitle')} hint={t('fileTitleHint')} maxLength={200} />
      <CheckField name="published" label={t('publishNow')} />
      <Submit className="button-secondary">{t('upload')}</Submit>
    </Form>
  );
}

export function EvidenceLinkForm({ actionId, onAdded }: { actionId: number; onAdded: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { title: '', url: '', published: false } });
  return (
    <Form
      form={form}
      className="staff-form evidence-form"
      testId="link-form"
      head={<h5>{t('addLink')}</h5>}
      onSubmit={async ({ title, url, published }) => {
        await addLink(actionId, { title: title.trim(), url: url.trim(), published });
        form.reset();
        onAdded();
        return t('evidenceAdded');
      }}
    >
      <TextField name="title" label={t('evidenceTitle')} maxLength={200} required />
      <TextField
        name="url"
        label={t('url')}
        hint={t('urlHint')}
        type="url"
        inputMode="url"
        rules={{ validate: (v: string) => /^https?:\/\/\S+$/i.test(v.trim()) || t('urlInvalid') }}
      />
      <CheckField name="published" label={t('publishNow')} />
      <Submit className="button-secondary">{t('addLink')}</Submit>
    </Form>
  );
}

export function EvidenceTitleForm({ item, onSaved }: { item: StaffEvidence; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { title: item.title } });
  return (
    <Form
      form={form}
      className="staff-form evidence-form"
      testId="evidence-title-form"
      onSubmit={async ({ title }) => {
        await updateEvidence(item.id, { title: title.trim() });
        onSaved();
      }}
    >
      <TextField name="title" label={t('evidenceTitle')} maxLength={200} required />
      <Submit className="button-secondary">{t('save')}</Submit>
    </Form>
  );
}
