/** Staff handling of a facility: stage (forward only), schedule, budget and department, inspections with follow-ups and photos. */
import { useRef, useState } from 'react';
import { Form, SelectField, Submit, TextArea, TextField, useKitForm } from '../../forms/index.ts';
import { localText } from '../../education-format.ts';
import { useI18n } from '../../i18n.ts';
import { addInspection, addInspectionPhoto, FACILITY_STAGES, type Facility, setFollowUp, updateFacility } from '../../settlement-api.ts';
import type { Department } from '../../staff-api.ts';
import { BudgetForm, DepartmentForm, MilestonesForm } from './FacilityPlanForms.tsx';
import { STAGE_LABELS } from './labels.ts';

function PhotoForm({ inspectionId, onSaved }: { inspectionId: number; onSaved: () => void }) {
  const { t } = useI18n();
  const file = useRef<HTMLInputElement>(null);
  const [caption, setCaption] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      className="staff-form compact-form"
      aria-label={`${t('staffPhotoSubmit')} #${inspectionId}`}
      data-testid="photo-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const f = file.current?.files?.[0];
        if (!f) return setMessage(t('staffPhotoRequired'));
        try {
          await addInspectionPhoto(inspectionId, f, caption.trim());
          setMessage(t('staffPhotoSaved'));
          onSaved();
        } catch (err) {
          setMessage((err as Error).message);
        }
      }}
    >
      <div className="form-row">
        <div className="field">
          <label htmlFor={`photo-${inspectionId}`}>{t('staffPhotoFile')}</label>
          <input id={`photo-${inspectionId}`} ref={file} type="file" accept="image/png,image/jpeg,image/gif,image/webp" />
        </div>
        <div className="field">
          <label htmlFor={`caption-${inspectionId}`}>{t('staffPhotoCaption')}</label>
          <input id={`caption-${inspectionId}`} value={caption} maxLength={200} onChange={(e) => setCaption(e.target.value)} />
        </div>
      </div>
      <button type="submit" className="button-secondary button-small">
        {t('staffPhotoSubmit')}
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}

export function FacilityStaffCard({
  facility: f,
  editor,
  manager,
  departments,
  onSaved,
}: {
  facility: Facility;
  /** May change this facility (managers; officers of its department). */
  editor: boolean;
  /** Sets the budget and the responsible department. */
  manager: boolean;
  departments: Department[];
  onSaved: () => void;
}) {
  const { lang, t } = useI18n();
  const name = localText(f.name, lang);
  const later = FACILITY_STAGES.filter((s) => FACILITY_STAGES.indexOf(s) >= FACILITY_STAGES.indexOf(f.stage));
  const stageForm = useKitForm({ defaultValues: { stage: f.stage as string } });
  const inspectionForm = useKitForm({ defaultValues: { heldOn: '', findings: '', followUps: '' } });
  return (
    <li className="action-card" data-testid="staff-facility" data-facility-id={f.id} data-stage={f.stage}>
      <h3 className="card-title">{name}</h3>
      <p>
        <span className="badge">{t(STAGE_LABELS[f.stage])}</span> {f.progress}%
      </p>
      {editor && (
        <Form
          form={stageForm}
          className="staff-form compact-form"
          testId="stage-form"
          aria-label={`${t('staffStageSubmit')}: ${name}`}
          onSubmit={async (v) => {
            await updateFacility(f.id, { stage: v.stage as Facility['stage'] });
            onSaved();
            return t('staffStageSaved', { name });
          }}
        >
          <SelectField name="stage" label={t('facilityStage')} options={later.map((s) => ({ value: s, label: t(STAGE_LABELS[s]) }))} />
          <Submit className="button-primary button-small">{t('staffStageSubmit')}</Submit>
        </Form>
      )}
      {manager && <DepartmentForm facility={f} departments={departments} onSaved={onSaved} />}
      {editor && <MilestonesForm facility={f} onSaved={onSaved} />}
      {manager && <BudgetForm facility={f} onSaved={onSaved} />}
      {f.inspections.length > 0 && (
        <div>
          <h4>{t('staffInspections')}</h4>
          <ul className="plain-list">
            {f.inspections.map((i) => (
              <li key={i.id} data-testid="staff-inspection">
                <p>
                  <strong>{i.heldOn}</strong> — <span className="multiline">{i.findings}</span>
                </p>
                {i.followUps.length > 0 && (
                  <ul className="plain-list">
                    {i.followUps.map((u) => (
                      <li key={u.id}>
                        <label>
                          <input
                            type="checkbox"
                            checked={u.done}
                            disabled={!editor}
                            onChange={async (e) => {
                              await setFollowUp(u.id, e.target.checked);
                              onSaved();
                            }}
                          />{' '}
                          {u.text}
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
                {i.photos.length > 0 && <p>{i.photos.map((p) => p.caption ?? `#${p.id}`).join(', ')}</p>}
                {editor && <PhotoForm inspectionId={i.id} onSaved={onSaved} />}
              </li>
            ))}
          </ul>
        </div>
      )}
      {editor && (
        <Form
          form={inspectionForm}
          className="staff-form compact-form"
          testId="inspection-form"
          aria-label={`${t('staffInspectionHeading')}: ${name}`}
          head={<h4>{t('staffInspectionHeading')}</h4>}
          onSubmit={async (v) => {
            const followUps = v.followUps
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean);
            await addInspection(f.id, { heldOn: v.heldOn, findings: v.findings.trim(), ...(followUps.length ? { followUps } : {}) });
            inspectionForm.reset();
            onSaved();
            return t('staffInspectionSaved');
          }}
        >
          <TextField name="heldOn" label={t('staffInspectionDate')} type="date" required />
          <TextArea name="findings" label={t('staffFindings')} rows={3} maxLength={4000} required />
          <TextArea name="followUps" label={t('staffFollowUps')} rows={2} maxLength={4000} />
          <Submit className="button-primary button-small">{t('staffInspectionSubmit')}</Submit>
        </Form>
      )}
    </li>
  );
}
