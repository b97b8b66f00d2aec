/**
 * The job linkage on the staff training page (일자리 연계): employers (managers add them), postings,
 * referrals of graduates who consented (with the interview date and outcome), placements and the
 * six-month follow-up.
 */
import { localText, seoulInputToIso, seoulToday } from '../../education-format.ts';
import { CheckField, DateTimeField, Form, SelectField, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n, type MessageKey } from '../../i18n.ts';
import { invalidate, keys } from '../../queries.ts';
import {
  createEmployer,
  createPlacement,
  createPosting,
  recordFollowUp,
  refer,
  updateReferral,
  type Employer,
  type Placement,
  type Posting,
  type Referral,
  type StaffTrainee,
} from '../../training-api.ts';

export interface Graduate extends StaffTrainee {
  cohortLabel: string;
}

const REFERRAL_LABELS: Record<Referral['status'], MessageKey> = {
  referred: 'refReferred',
  interview: 'refInterview',
  hired: 'refHired',
  not_hired: 'refNotHired',
  withdrawn: 'refWithdrawn',
};

const reload = () => invalidate(keys.staffTraining());

function EmployerForm() {
  const { t } = useI18n();
  const initial = { name: { ko: '', en: '' }, kind: 'innovation_city' as Employer['kind'] };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    const ko = v.name.ko.trim();
    await createEmployer({ name: { ko, en: v.name.en.trim() || ko }, kind: v.kind });
    await reload();
    return t('trSaved');
  };
  return (
    <Form form={form} testId="employer-form" aria-labelledby="employer-form-heading" head={<h3 id="employer-form-heading">{t('newEmployerHeading')}</h3>} onSubmit={send} reset>
      <div className="form-row">
        <TextField name="name.ko" id="emp-ko" label={t('employerNameKo')} maxLength={200} required />
        <TextField name="name.en" id="emp-en" label={t('employerNameEn')} lang="en" maxLength={200} />
        <SelectField
          name="kind"
          id="emp-kind"
          label={t('employerKind')}
          options={[
            { value: 'innovation_city', label: t('kindInnovationCity') },
            { value: 'partner', label: t('kindPartner') },
            { value: 'other', label: t('trackOther') },
          ]}
        />
      </div>
      <Submit className="button">{t('addEmployer')}</Submit>
    </Form>
  );
}

function PostingForm({ employerList }: { employerList: Employer[] }) {
  const { lang, t } = useI18n();
  const initial = { employerId: String(employerList[0]?.id ?? ''), title: { ko: '', en: '' }, openings: '1', closesOn: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    const ko = v.title.ko.trim();
    await createPosting({ employerId: Number(v.employerId), title: { ko, en: v.title.en.trim() || ko }, openings: Number(v.openings), closesOn: v.closesOn });
    await reload();
    return t('trSaved');
  };
  return (
    <Form
      form={form}
      testId="posting-form"
      aria-labelledby="posting-form-heading"
      head={<h3 id="posting-form-heading">{t('newPostingHeading')}</h3>}
      onSubmit={send}
      reset={(sent) => ({ ...initial, employerId: sent.employerId })}
    >
      <div className="form-row">
        <SelectField
          name="employerId"
          id="post-employer"
          label={t('employer')}
          options={employerList.map((x) => ({ value: String(x.id), label: localText(x.name, lang) }))}
          required
        />
        <TextField name="title.ko" id="post-ko" label={t('postingTitleKo')} maxLength={200} required />
        <TextField name="title.en" id="post-en" label={t('postingTitleEn')} lang="en" maxLength={200} />
      </div>
      <div className="form-row">
        <TextField name="openings" id="post-openings" label={t('openings')} type="number" min={1} required />
        <TextField name="closesOn" id="post-closes" label={t('closesOn')} type="date" min={seoulToday()} required />
      </div>
      <Submit className="button">{t('addPosting')}</Submit>
    </Form>
  );
}

function ReferralItem({ r }: { r: Referral }) {
  const { t } = useI18n();
  const initial = { status: r.status as string, interviewAt: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await updateReferral(r.id, { status: v.status as Referral['status'], ...(v.interviewAt ? { interviewAt: seoulInputToIso(v.interviewAt) } : {}) });
    await reload();
    return t('trSaved');
  };
  return (
    <li data-testid="referral" data-status={r.status}>
      {r.name} · {t(REFERRAL_LABELS[r.status])}
      {r.interviewAt && <> · {t('interviewAt', { when: new Date(r.interviewAt).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul' }) })}</>}
      <Form form={form} className="staff-form compact-form" aria-label={`${t('referralStatus')}: ${r.name}`} onSubmit={send} reset={(sent) => sent}>
        <div className="form-row">
          <SelectField
            name="status"
            id={`ref-status-${r.id}`}
            label={t('referralStatus')}
            options={Object.entries(REFERRAL_LABELS).map(([k, label]) => ({ value: k, label: t(label) }))}
          />
          <DateTimeField name="interviewAt" id={`ref-when-${r.id}`} label={t('interviewWhen')} />
        </div>
        <Submit className="button button-secondary">{t('saveReferral')}</Submit>
      </Form>
    </li>
  );
}

function ReferForm({ postingId, eligible }: { postingId: number; eligible: Graduate[] }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { applicationId: '' } });
  const send = async (v: { applicationId: string }) => {
    await refer(postingId, Number(v.applicationId));
    await reload();
    return t('trSaved');
  };
  return (
    <Form form={form} className="staff-form compact-form" aria-label={t('referGraduate')} onSubmit={send} reset>
      <SelectField
        name="applicationId"
        id={`refer-${postingId}`}
        label={t('referGraduate')}
        placeholder={t('chooseGraduate')}
        options={eligible.map((g) => ({ value: String(g.id), label: `${g.name} (${g.cohortLabel})` }))}
        required
      />
      <Submit className="button" testId="refer-submit">
        {t('referGraduate')}
      </Submit>
    </Form>
  );
}

function PostingItem({ p, refs, graduates }: { p: Posting; refs: Referral[]; graduates: Graduate[] }) {
  const { lang, t } = useI18n();
  const eligible = graduates.filter((g) => g.referralConsent && !refs.some((r) => r.applicationId === g.id));
  return (
    <li className="action-card" data-testid="posting">
      <h3 className="card-title">
        {localText(p.employer.name, lang)} — {localText(p.title, lang)}
      </h3>
      <p>{t('postingFacts', { openings: p.openings, closes: p.closesOn })}</p>
      {eligible.length > 0 && <ReferForm postingId={p.id} eligible={eligible} />}
      {refs.length > 0 && (
        <ul className="plain-list">
          {refs.map((r) => (
            <ReferralItem key={`${r.id}-${r.status}-${r.interviewAt}`} r={r} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Shown once there are graduates to place and employers: the form is made with the first employer chosen. */
function PlacementForm({ graduates, employerList, placed }: { graduates: Graduate[]; employerList: Employer[]; placed: Placement[] }) {
  const open = graduates.filter((g) => !placed.some((p) => p.applicationId === g.id));
  if (!open.length || !employerList.length) return null;
  return <PlacementFields open={open} employerList={employerList} />;
}

function PlacementFields({ open, employerList }: { open: Graduate[]; employerList: Employer[] }) {
  const { lang, t } = useI18n();
  const initial = { applicationId: '', employerId: String(employerList[0]!.id), jobTitle: '', startedOn: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await createPlacement({ applicationId: Number(v.applicationId), employerId: Number(v.employerId), jobTitle: v.jobTitle.trim(), startedOn: v.startedOn });
    await reload();
    return t('trSaved');
  };
  return (
    <Form form={form} testId="placement-form" aria-labelledby="placement-form-heading" head={<h3 id="placement-form-heading">{t('newPlacementHeading')}</h3>} onSubmit={send} reset>
      <div className="form-row">
        <SelectField
          name="applicationId"
          id="pl-grad"
          label={t('graduate')}
          placeholder={t('chooseGraduate')}
          options={open.map((g) => ({ value: String(g.id), label: `${g.name} (${g.cohortLabel})` }))}
          required
        />
        <SelectField name="employerId" id="pl-employer" label={t('employer')} options={employerList.map((x) => ({ value: String(x.id), label: localText(x.name, lang) }))} />
      </div>
      <div className="form-row">
        <TextField name="jobTitle" id="pl-title" label={t('jobTitle')} maxLength={200} required />
        <TextField name="startedOn" id="pl-start" label={t('startedOn')} type="date" required />
      </div>
      <Submit className="button" testId="placement-submit">
        {t('addPlacement')}
      </Submit>
    </Form>
  );
}

function FollowUp({ p }: { p: Placement }) {
  const { t } = useI18n();
  const initial = { followUpOn: seoulToday(), retained: true };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await recordFollowUp(p.id, { followUpOn: v.followUpOn, retained: v.retained });
    await reload();
    return t('trSaved');
  };
  return (
    <Form form={form} className="staff-form compact-form" testId="follow-up" aria-label={`${t('recordFollowUp')}: ${p.name}`} onSubmit={send} reset={(sent) => sent}>
      <div className="form-row">
        <TextField name="followUpOn" id={`fu-on-${p.id}`} label={t('followUpOn')} type="date" required />
        <CheckField name="retained" label={t('stillEmployed')} />
      </div>
      <Submit className="button button-secondary" testId="follow-up-submit">
        {t('recordFollowUp')}
      </Submit>
    </Form>
  );
}

export function JobLinkage({
  manager,
  editor,
  employerList,
  postingList,
  referralsByPosting,
  graduates,
  placed,
}: {
  manager: boolean;
  editor: boolean;
  employerList: Employer[];
  postingList: Posting[];
  referralsByPosting: Map<number, Referral[]>;
  graduates: Graduate[];
  placed: Placement[];
}) {
  const { lang, t } = useI18n();
  return (
    <section className="plan-section" aria-labelledby="tr-jobs">
      <h2 id="tr-jobs">{t('jobLinkageHeading')}</h2>
      <ul className="card-list" data-testid="postings">
        {postingList.map((p) => (
          <PostingItem key={p.id} p={p} refs={referralsByPosting.get(p.id) ?? []} graduates={editor ? graduates : []} />
        ))}
      </ul>
      {manager && <EmployerForm />}
      {editor && employerList.length > 0 && <PostingForm employerList={employerList} />}
      {editor && <PlacementForm graduates={graduates} employerList={employerList} placed={placed} />}
      <h3>{t('placementsHeading')}</h3>
      <ul className="plain-list" data-testid="staff-placements">
        {placed.map((p) => (
          <li key={p.id} data-testid="placement">
            {p.name} · {localText(p.employer.name, lang)} · {p.jobTitle} · {p.startedOn} ·{' '}
            {p.retained == null ? t('followUpDue', { date: p.followUpDueOn }) : p.retained ? t('followUpRetained') : t('followUpLeft')}
            {editor && p.retained == null && p.followUpDueOn <= seoulToday() && <FollowUp p={p} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
