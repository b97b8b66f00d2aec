/** Staff handling of a facility: stage (forward only), schedule, budget and department, inspections with follow-ups and photos. */
import { errorMessage, Form, FormAlert, SelectField, Submit, TextArea, TextField, useKitForm } from '../../forms/index.ts';
import { useMutation } from '../../hooks.ts';
import { localText } from '../../education-format.ts';
import { useI18n } from '../../i18n.ts';
import { addInspection, addInspectionPhoto, FACILITY_STAGES, type Facility, setFollowUp, updateFacility } from '../../settlement-api.ts';
import type { Department } from '../../staff-api.ts';
import { BudgetForm, DepartmentForm, MilestonesForm } from './FacilityPlanForms.tsx';
import { STAGE_LABELS } from './labels.ts';

function PhotoForm({ inspectionId, onSaved }: { inspectionId: number; onSaved: () => void }) {
  const { t } = useI18n();
  const initial = { photo: null as FileList | null, caption: '' };
  const form = useKitForm({ defaultValues: initial });
  const send = async (v: typeof initial) => {
    await addInspectionPhoto(inspectionId, v.photo![0]!, v.caption.trim());
    onSaved();
    return t('staffPhotoSaved');
  };
  return (
    <Form form={form} className="staff-form compact-form" aria-label={`${t('staffPhotoSubmit')} #${inspectionId}`} testId="photo-form" onSubmit={send} reset>
      <div className="form-row">
        <TextField
          name="photo"
          id={`photo-${inspectionId}`}
          label={t('staffPhotoFile')}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          required
          rules={{ validate: (f: FileList | null) => (f?.[0] ? true : t('staffPhotoRequired')) }}
        />
        <TextField name="caption" id={`caption-${inspectionId}`} label={t('staffPhotoCaption')} maxLength={200} />
      </div>
      <Submit className="button-secondary button-small">{t('staffPhotoSubmit')}</Submit>
    </Form>
  );
}

/** A follow-up's "done" box: ticking it saves at once; a failure shows beside it and the box goes back. */
function FollowUpCheck({ id, text, done, editor, onSaved }: { id: number; text: string; done: boolean; editor: boolean; onSaved: () => void }) {
  const { lang, t } = useI18n();
  const m = useMutation();
  return (
    <li>
      <div className="field-check">
        <input
          id={`follow-up-${id}`}
          type="checkbox"
          checked={done}
          disabled={!editor || m.busy}
          onChange={async (e) => {
            if ((await m.run(() => setFollowUp(id, e.target.checked).then(() => true))) !== undefined) onSaved();
          }}
        />
        <label htmlFor={`follow-up-${id}`}>{text}</label>
      </div>
      <FormAlert message={errorMessage(m.error, lang, t)} />
    </li>
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
                      <FollowUpCheck key={u.id} id={u.id} text={u.text} done={u.done} editor={editor} onSaved={onSaved} />
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
          reset
          onSubmit={async (v) => {
            const followUps = v.followUps
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean);
            await addInspection(f.id, { heldOn: v.heldOn, findings: v.findings.trim(), ...(followUps.length ? { followUps } : {}) });
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
