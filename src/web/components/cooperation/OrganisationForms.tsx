/**
 * The partner organisations for admins and managers: each one's kind, names and contacts, changed
 * in place (PATCH /api/organisations/:id). Contacts are rows; a row without a name is left out,
 * and one empty row is offered for a new contact.
 */
import { type Organisation, updateOrganisation } from '../../meetings-api.ts';
import { bilingual, BilingualField, Form, SelectField, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { type MessageKey, useI18n } from '../../i18n.ts';

const KIND_LABELS: Record<Organisation['kind'], MessageKey> = {
  province: 'orgKindProvince',
  public_institution: 'orgKindPublicInstitution',
  political_office: 'orgKindPoliticalOffice',
  financial_institution: 'orgKindFinancialInstitution',
  university: 'orgKindUniversity',
  other: 'orgKindOther',
};

const emptyContact = { name: '', title: '', email: '', phone: '' };

function OrganisationForm({ org, onSaved }: { org: Organisation; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const initial = {
    kind: org.kind as string,
    name: { ko: org.name.ko, en: org.name.en },
    contacts: [...org.contacts.map((c) => ({ name: c.name, title: c.title ?? '', email: c.email ?? '', phone: c.phone ?? '' })), emptyContact],
  };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    const contacts = v.contacts
      .filter((c) => c.name.trim())
      .map((c) => ({ name: c.name.trim(), title: c.title.trim() || null, email: c.email.trim() || null, phone: c.phone.trim() || null }));
    await updateOrganisation(org.id, { kind: v.kind as Organisation['kind'], name: bilingual(v.name), contacts });
    await onSaved();
    return t('organisationSaved');
  };
  return (
    <Form form={form} testId={`organisation-form-${org.id}`} aria-label={`${t('organisationEdit')} — ${org.name.ko}`} onSubmit={send}>
      <SelectField name="kind" label={t('organisationKind')} options={Object.entries(KIND_LABELS).map(([value, key]) => ({ value, label: t(key) }))} />
      <BilingualField name="name" labelKo={t('organisationNameKo')} labelEn={t('organisationNameEn')} maxLength={200} requiredKo />
      {initial.contacts.map((_, i) => (
        <fieldset key={i} className="form-row">
          <legend>{t('organisationContact', { n: i + 1 })}</legend>
          <TextField name={`contacts.${i}.name`} label={t('attendeeName')} maxLength={100} />
          <TextField name={`contacts.${i}.title`} label={t('attendeeTitle')} maxLength={100} />
          <TextField name={`contacts.${i}.email`} label={t('attendeeEmail')} type="email" maxLength={254} />
          <TextField name={`contacts.${i}.phone`} label={t('organisationPhone')} type="tel" maxLength={40} />
        </fieldset>
      ))}
      <Submit testId="organisation-submit">{t('organisationSave')}</Submit>
    </Form>
  );
}

/** The list of organisations, each with its form folded away. */
export function OrganisationsSection({ orgs, onSaved }: { orgs: readonly Organisation[]; onSaved: () => Promise<void> }) {
  const { lang, t } = useI18n();
  return (
    <section className="plan-section" aria-labelledby="organisations-heading">
      <h2 id="organisations-heading">{t('organisationsHeading')}</h2>
      <ul className="card-list" data-testid="organisations">
        {orgs.map((o) => (
          <li key={o.id} className="plan-card" data-organisation-id={o.id}>
            <details>
              <summary data-testid="organisation-name">
                {o.name[lang]} · {t(KIND_LABELS[o.kind])}
                {o.contacts.length > 0 && ` · ${o.contacts.map((c) => c.name).join(', ')}`}
              </summary>
              <OrganisationForm key={JSON.stringify(o)} org={o} onSaved={onSaved} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
