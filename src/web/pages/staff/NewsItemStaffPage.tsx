/**
 * `/staff/news/:id`: edit an item's texts, lead image (with its alternative text) and attachments,
 * preview the public page, and publish or unpublish it.
 */
import { useState } from 'react';
import { Link } from '../../components/Link.tsx';
import { NewsArticle, pick } from '../../components/news/NewsArticle.tsx';
import { NewsForm } from '../../components/news/NewsForm.tsx';
import { ErrorView, Loading, NotFoundView } from '../../components/StatusViews.tsx';
import { formatBytes } from '../../format.ts';
import { Form, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { addNewsAttachment, publishNews, removeNewsAttachment, removeNewsImage, setNewsImage, type StaffNews, staffNewsItem } from '../../news-api.ts';
import { invalidate, keys } from '../../queries.ts';

const IMAGE_ACCEPT = '.png,.jpg,.jpeg,.gif,.webp';
const FILE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.xlsx,.docx,.pptx,.hwp,.hwpx';

/** After a save: the staff views and every public view of news (list, item, home). */
const saved = () => Promise.all([invalidate(keys.staffNewsAll()), invalidate(keys.newsAll()), invalidate(keys.home())]);

/** A form that is only a button (publish, remove): the kit gives it busy state, errors and the status message. */
function ActionButton({ label, done, send, testId, className }: { label: string; done: string; send: () => Promise<unknown>; testId: string; className?: string }) {
  const form = useKitForm({ defaultValues: {} });
  return (
    <Form
      form={form}
      className="inline-form"
      onSubmit={async () => {
        await send();
        await saved();
        return done;
      }}
    >
      <Submit testId={testId} className={className}>
        {label}
      </Submit>
    </Form>
  );
}

function ImageForm({ news }: { news: StaffNews }) {
  const { t } = useI18n();
  const form = useKitForm<{ file: FileList | null; alt: { ko: string; en: string } }>({
    defaultValues: { file: null, alt: { ko: news.image?.alt.ko ?? '', en: news.image?.alt.en ?? '' } },
  });
  return (
    <Form
      form={form}
      testId="news-image-form"
      onSubmit={async ({ file, alt }) => {
        await setNewsImage(news.id, file![0]!, { ko: alt.ko.trim(), en: alt.en.trim() });
        await saved();
        form.reset({ file: null, alt });
        return t('newsImageSaved');
      }}
    >
      <TextField name="file" label={t('newsImageFile')} type="file" accept={IMAGE_ACCEPT} rules={{ validate: (f: FileList | null) => (f?.[0] ? true : t('fileRequired')) }} />
      <p className="field-hint">{t('newsImageAltHint')}</p>
      <div className="form-row">
        <TextField name="alt.ko" label={t('newsImageAltKo')} required maxLength={300} />
        <TextField name="alt.en" label={t('newsImageAltEn')} lang="en" maxLength={300} />
      </div>
      <Submit className="button-secondary" testId="news-image-upload">
        {t('newsImageUpload')}
      </Submit>
    </Form>
  );
}

function AttachmentForm({ news }: { news: StaffNews }) {
  const { t } = useI18n();
  const form = useKitForm<{ file: FileList | null }>({ defaultValues: { file: null } });
  return (
    <Form
      form={form}
      testId="news-attachment-form"
      onSubmit={async ({ file }) => {
        await addNewsAttachment(news.id, file![0]!);
        await saved();
        form.reset({ file: null });
        return t('newsAttachmentAdded');
      }}
    >
      <TextField name="file" label={t('file')} type="file" accept={FILE_ACCEPT} rules={{ validate: (f: FileList | null) => (f?.[0] ? true : t('fileRequired')) }} />
      <Submit className="button-secondary">{t('newsAttachmentUpload')}</Submit>
    </Form>
  );
}

export function NewsItemStaffPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.staffNewsItem(id), (signal) => staffNewsItem(id, signal));
  const [preview, setPreview] = useState(false);
  const title = state.status === 'ok' ? pick(state.data.title, lang).text : null;
  useDocumentTitle(title ?? t('newsStaffEditTitle'), t('staffTitleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const news = state.data;
  return (
    <>
      <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
        <ol>
          <li>
            <Link href="/staff/news">{t('newsStaffTitle')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1 data-testid="staff-news-title">{title}</h1>
      <p>
        <span className="badge" data-testid="news-state">
          {news.published ? t('newsPublished') : t('newsDraft')}
        </span>
        {news.published && (
          <>
            {' '}
            <Link href={news.publicUrl}>{t('newsViewPublic')}</Link>
          </>
        )}
      </p>
      <div className="page-links">
        <button
          type="button"
          className="button-secondary"
          aria-expanded={preview}
          aria-controls="news-preview"
          onClick={() => setPreview(!preview)}
          data-testid="news-preview-toggle"
        >
          {t('newsPreview')}
        </button>{' '}
        {news.published ? (
          <ActionButton label={t('newsUnpublish')} done={t('newsUnpublishedNow')} send={() => publishNews(news.id, false)} testId="news-unpublish" className="button-secondary" />
        ) : (
          <ActionButton label={t('newsPublish')} done={t('newsPublishedNow')} send={() => publishNews(news.id, true)} testId="news-publish" />
        )}
      </div>
      <section id="news-preview" className="news-preview" aria-labelledby="news-preview-heading" hidden={!preview} data-testid="news-preview">
        <h2 id="news-preview-heading">{t('newsPreviewHeading')}</h2>
        {!news.published && <p className="muted">{t('newsPreviewNote')}</p>}
        {preview && <NewsArticle news={news} headingLevel={2} />}
      </section>
      <section className="plan-section" aria-labelledby="news-edit-heading">
        <h2 id="news-edit-heading">{t('newsEdit')}</h2>
        <NewsForm key={news.id} news={news} onSaved={() => saved().then(() => undefined)} />
      </section>
      <section className="plan-section" aria-labelledby="news-image-heading">
        <h2 id="news-image-heading">{t('newsImageHeading')}</h2>
        {news.image && (
          <>
            <img className="news-thumb" src={news.image.url} alt={news.image.alt.ko} data-testid="staff-news-image" />
            <ActionButton label={t('newsImageRemove')} done={t('newsImageRemoved')} send={() => removeNewsImage(news.id)} testId="news-image-remove" className="button-tertiary" />
          </>
        )}
        <ImageForm key={news.image?.url ?? 'none'} news={news} />
      </section>
      <section className="plan-section" aria-labelledby="news-attachments-heading">
        <h2 id="news-attachments-heading">{t('newsAttachments')}</h2>
        {news.attachments.length > 0 && (
          <ul className="evidence-list" data-testid="staff-news-attachments">
            {news.attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url} download>
                  {a.fileName}
                </a>{' '}
                <span className="muted">({formatBytes(a.sizeBytes)})</span>
                <ActionButton
                  label={t('newsAttachmentRemove', { name: a.fileName })}
                  done={t('newsSaved')}
                  send={() => removeNewsAttachment(a.id)}
                  testId="news-attachment-remove"
                  className="button-tertiary"
                />
              </li>
            ))}
          </ul>
        )}
        <AttachmentForm news={news} />
      </section>
    </>
  );
}
