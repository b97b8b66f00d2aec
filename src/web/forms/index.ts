/**
 * The form and list kit (react-hook-form underneath). A form is:
 *
 *   const form = useKitForm<Values>({ defaultValues });
 *   <Form form={form} onSubmit={(v) => send(v).then(() => t('saved'))} head={<h2>…</h2>}>
 *     <TextField name="title" label={t('title')} required />
 *     <Submit>{t('save')}</Submit>
 *   </Form>
 */
export { errorMessage, failureText, Form, FormAlert, StatusMessage, Submit, SummaryMessage, useKitForm, type KitForm } from './form.tsx';
export {
  bilingual,
  BilingualField,
  CheckField,
  ControlledField,
  DateTimeField,
  LabelledField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from './fields.tsx';
export { InPlace, useEditing } from './in-place.tsx';
export { MoneyField, noMoney, wonOf, type MoneyValue } from './money.tsx';
export { ConsentField, EmailField, formatPhone, PersonFields, PhoneField, WaitlistField } from './person.tsx';
export { MoreRows, pageUrl, usePagedList, type ListPage } from './paged-list.tsx';
export { SearchForm } from './search.tsx';
