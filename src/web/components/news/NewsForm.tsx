/** The form for a news item's kind and texts (new drafts and edits): Korean required, English optional. */
import { BilingualField, bilingual, Form, SelectField, Submit, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import { createNews, editNews, NEWS_KINDS, type NewsKind, type StaffNews } from '../../news-api.ts';
import { NEWS_KIND_KEYS } from './NewsArticle.tsx';

interface Values {
  kind: NewsKind;
  title: { ko: string; en: string };
  body: { ko: string; en: string };
}

export function NewsForm({ news, onSaved }: { news?: StaffNews; onSaved: (saved: StaffNews) => void | Promise<void> }) {
  const { t } = useI18n();
  const form = useKitForm<Values>({
    defaultValues: {
      kind: news?.kind ?? 'notice',
      title: { ko: news?.title.ko ?? '', en: news?.title.en ?? '' },
      body: { ko: news?.body.ko ?? '', en: news?.body.en ?? '' },
    },
  });
  return (
    <Form
      form={form}
      testId="news-form"
      onSubmit={async ({ kind, title, body }) => {
        const saved = news
          ? await editNews(news.id, { kind, title: { ko: title.ko.trim(), en: title.en.trim() || null }, body: { ko: body.ko.trim(), en: body.en.trim() || null } })
          : await createNews({ kind, title: bilingual(title), body: bilingual(body) });
        await onSaved(saved);
        return news ? t('newsSaved') : t('newsCreated');
      }}
    >
      <SelectField name="kind" label={t('newsKind')} options={NEWS_KINDS.map((k) => ({ value: k, label: t(NEWS_KIND_KEYS[k]) }))} />
      <BilingualField name="title" labelKo={t('newsTitleKo')} labelEn={t('newsTitleEn')} maxLength={200} requiredKo />
      <p className="field-hint">{t('newsBodyHint')}</p>
      <BilingualField name="body" labelKo={t('newsBodyKo')} labelEn={t('newsBodyEn')} multiline maxLength={20000} requiredKo />
      <Submit testId="news-save">{news ? t('newsSave') : t('newsCreate')}</Submit>
    </Form>
  );
}
