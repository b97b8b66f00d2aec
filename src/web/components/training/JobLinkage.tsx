/**
 * The job linkage on the staff training page (일자리 연계): employers (managers add them), postings,
 * referrals of graduates who consented (with the interview date and outcome), placements and the
 * six-month follow-up.
 */
import { useState } from 'react';
import { ApiError } from '../../api-client.ts';
import { localText, seoulInputToIso, seoulToday } from '../../education-format.ts';
import { FormAlert, StatusMessage } from '../../forms/index.ts';
import { useMutation, type Mutation } from '../../hooks.ts';
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

function Outcome({ m }: { m: Mutation }) {
  const { lang, t } = useI18n();
  return (
    <>
      <FormAlert message={m.error instanceof ApiError ? m.error.describe(lang) : m.error ? t('unexpectedError') : null} />
      <StatusMessage message={m.done} />
    </>
  );
}

const reload = () => invalidate(keys.staffTraining());

function EmployerForm() {
  const { t } = useI18n();
  const m = useMutation();
  const [v, setV] = useState({ ko: '', en: '', kind: 'innovation_city' as Employer['kind'] });
  return (
    <form
      className="staff-form"
      data-testid="employer-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await m.run(() => createEmployer({ name: { ko: v.ko.trim(), en: v.en.trim() || v.ko.trim() }, kind: v.kind }), t('trSaved'))) await reload();
      }}
    >
      <h3>{t('newEmployerHeading')}</h3>
      <div className="form-row">
        <div className="field">
          <label htmlFor="emp-ko">{t('employerNameKo')}</label>
          <input id="emp-ko" value={v.ko} onChange={(e) => setV({ ...v, ko: e.target.value })} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="emp-en">{t('employerNameEn')}</label>
          <input id="emp-en" value={v.en} onChange={(e) => setV({ ...v, en: e.target.value })} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="emp-kind">{t('employerKind')}</label>
          <select id="emp-kind" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as Employer['kind'] })}>
            <option value="innovation_city">{t('kindInnovationCity')}</option>
            <option value="partner">{t('kindPartner')}</option>
            <option value="other">{t('trackOther')}</option>
          </select>
        </div>
      </div>
      <Outcome m={m} />
      <button type="submit" className="button" disabled={m.busy || !v.ko.trim()}>
        {t('addEmployer')}
      </button>
    </form>
  );
}

function PostingForm({ employerList }: { employerList: Employer[] }) {
  const { lang, t } = useI18n();
  const m = useMutation();
  const [v, setV] = useState({ employerId: 0, ko: '', en: '', openings: '1', closesOn: '' });
  const employerId = v.employerId || (employerList[0]?.id ?? 0);
  return (
    <form
      className="staff-form"
      data-testid="posting-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const body = { employerId, title: { ko: v.ko.trim(), en: v.en.trim() || v.ko.trim() }, openings: Number(v.openings), closesOn: v.closesOn };
        if (await m.run(() => createPosting(body), t('trSaved'))) await reload();
      }}
    >
      <h3>{t('newPostingHeading')}</h3>
      <div className="form-row">
        <div className="field">
          <label htmlFor="post-employer">{t('employer')}</label>
          <select id="post-employer" value={employerId} onChange={(e) => setV({ ...v, employerId: Number(e.target.value) })}>
            {employerList.map((x) => (
              <option key={x.id} value={x.id}>
                {localText(x.name, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="post-ko">{t('postingTitleKo')}</label>
          <input id="post-ko" value={v.ko} onChange={(e) => setV({ ...v, ko: e.target.value })} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="post-en">{t('postingTitleEn')}</label>
          <input id="post-en" value={v.en} onChange={(e) => setV({ ...v, en: e.target.value })} maxLength={200} />
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor="post-openings">{t('openings')}</label>
          <input id="post-openings" type="number" min={1} value={v.openings} onChange={(e) => setV({ ...v, openings: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="post-closes">{t('closesOn')}</label>
          <input id="post-closes" type="date" min={seoulToday()} value={v.closesOn} onChange={(e) => setV({ ...v, closesOn: e.target.value })} />
        </div>
      </div>
      <Outcome m={m} />
      <button type="submit" className="button" disabled={m.busy || !employerId}>
        {t('addPosting')}
      </button>
    </form>
  );
}

function ReferralItem({ r }: { r: Referral }) {
  const { t } = useI18n();
  const m = useMutation();
  const [status, setStatus] = useState(r.status);
  const [when, setWhen] = useState('');
  return (
    <li data-testid="referral" data-status={r.status}>
      {r.name} · {t(REFERRAL_LABELS[r.status])}
      {r.interviewAt && <> · {t('interviewAt', { when: new Date(r.interviewAt).toLocaleString('ko-KR', { timeZone: 'Asia/Seoul' }) })}</>}
      <span className="decision-row">
        <label className="visually-hidden" htmlFor={`ref-status-${r.id}`}>
          {t('referralStatus')}
        </label>
        <select id={`ref-status-${r.id}`} value={status} onChange={(e) => setStatus(e.target.value as Referral['status'])}>
          {Object.entries(REFERRAL_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {t(label)}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`ref-when-${r.id}`}>
          {t('interviewWhen')}
        </label>
        <input id={`ref-when-${r.id}`} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        <button
          type="button"
          className="button button-secondary"
          disabled={m.busy}
          onClick={async () => {
            if (await m.run(() => updateReferral(r.id, { status, ...(when ? { interviewAt: seoulInputToIso(when) } : {}) }), t('trSaved'))) await reload();
          }}
        >
          {t('saveReferral')}
        </button>
      </span>
      <Outcome m={m} />
    </li>
  );
}

function PostingItem({ p, refs, graduates }: { p: Posting; refs: Referral[]; graduates: Graduate[] }) {
  const { lang, t } = useI18n();
  const m = useMutation();
  const eligible = graduates.filter((g) => g.referralConsent && !refs.some((r) => r.applicationId === g.id));
  const [pick, setPick] = useState(0);
  return (
    <li className="action-card" data-testid="posting">
      <h3 className="card-title">
        {localText(p.employer.name, lang)} — {localText(p.title, lang)}
      </h3>
      <p>{t('postingFacts', { openings: p.openings, closes: p.closesOn })}</p>
      {refs.length > 0 && (
        <ul className="plain-list">
          {refs.map((r) => (
            <ReferralItem key={`${r.id}-${r.status}-${r.interviewAt}`} r={r} />
          ))}
        </ul>
      )}
      {eligible.length > 0 && (
        <span className="decision-row">
          <label className="visually-hidden" htmlFor={`refer-${p.id}`}>
            {t('referGraduate')}
          </label>
          <select id={`refer-${p.id}`} value={pick} onChange={(e) => setPick(Number(e.target.value))}>
            <option value={0}>{t('chooseGraduate')}</option>
            {eligible.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} ({g.cohortLabel})
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={m.busy || !pick}
            data-testid="refer-submit"
            onClick={async () => {
              if (await m.run(() => refer(p.id, pick), t('trSaved'))) await reload();
            }}
          >
            {t('referGraduate')}
          </button>
        </span>
      )}
      <Outcome m={m} />
    </li>
  );
}

function PlacementForm({ graduates, employerList, placed }: { graduates: Graduate[]; employerList: Employer[]; placed: Placement[] }) {
  const { lang, t } = useI18n();
  const m = useMutation();
  const open = graduates.filter((g) => !placed.some((p) => p.applicationId === g.id));
  const [v, setV] = useState({ applicationId: 0, employerId: 0, jobTitle: '', startedOn: '' });
  // The list may have been empty when the form first rendered: the first employer is the default.
  const employerId = v.employerId || (employerList[0]?.id ?? 0);
  if (!open.length || !employerList.length) return null;
  return (
    <form
      className="staff-form"
      data-testid="placement-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const body = { applicationId: Number(v.applicationId), employerId, jobTitle: v.jobTitle.trim(), startedOn: v.startedOn };
        if (await m.run(() => createPlacement(body), t('trSaved'))) await reload();
      }}
    >
      <h3>{t('newPlacementHeading')}</h3>
      <div className="form-row">
        <div className="field">
          <label htmlFor="pl-grad">{t('graduate')}</label>
          <select id="pl-grad" value={v.applicationId} onChange={(e) => setV({ ...v, applicationId: Number(e.target.value) })}>
            <option value={0}>{t('chooseGraduate')}</option>
            {open.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} ({g.cohortLabel})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pl-employer">{t('employer')}</label>
          <select id="pl-employer" value={employerId} onChange={(e) => setV({ ...v, employerId: Number(e.target.value) })}>
            {employerList.map((x) => (
              <option key={x.id} value={x.id}>
                {localText(x.name, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor="pl-title">{t('jobTitle')}</label>
          <input id="pl-title" value={v.jobTitle} onChange={(e) => setV({ ...v, jobTitle: e.target.value })} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="pl-start">{t('startedOn')}</label>
          <input id="pl-start" type="date" value={v.startedOn} onChange={(e) => setV({ ...v, startedOn: e.target.value })} />
        </div>
      </div>
      <Outcome m={m} />
      <button type="submit" className="button" disabled={m.busy || !v.applicationId} data-testid="placement-submit">
        {t('addPlacement')}
      </button>
    </form>
  );
}

function FollowUp({ p }: { p: Placement }) {
  const { t } = useI18n();
  const m = useMutation();
  const [on, setOn] = useState(seoulToday());
  const [retained, setRetained] = useState(true);
  return (
    <span className="decision-row" data-testid="follow-up">
      <label htmlFor={`fu-on-${p.id}`}>{t('followUpOn')}</label>
      <input id={`fu-on-${p.id}`} type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      <label>
        <input type="checkbox" checked={retained} onChange={(e) => setRetained(e.target.checked)} /> {t('stillEmployed')}
      </label>
      <button
        type="button"
        className="button button-secondary"
        disabled={m.busy}
        data-testid="follow-up-submit"
        onClick={async () => {
          if (await m.run(() => recordFollowUp(p.id, { followUpOn: on, retained }), t('trSaved'))) await reload();
        }}
      >
        {t('recordFollowUp')}
      </button>
      <Outcome m={m} />
    </span>
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
