/**
 * Editing in place: a record's "수정" button opens its edit form where the record is shown, one
 * at a time per list; a save (or 취소) closes it, says what was saved, and gives focus back to the
 * button, so keyboard users stay where they were.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n.ts';
import { StatusMessage } from './form.tsx';

interface InPlaceControl {
  /** Closes the form after a save; the status line says the record was saved. */
  saved: () => void;
  close: () => void;
}

export function InPlace({
  name,
  children,
  testId = 'edit-in-place',
  className,
}: {
  /** What is edited, for the button's hidden text and the form's heading ("기조연설 수정"). */
  name: string;
  /** The edit form, given the way to close itself. */
  children: (control: InPlaceControl) => ReactNode;
  testId?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) box.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    else if (wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const control: InPlaceControl = {
    saved: () => {
      setDone(t('savedNamed', { name }));
      setOpen(false);
    },
    close: () => setOpen(false),
  };
  return (
    <div className={`in-place${className ? ` ${className}` : ''}`} data-testid={testId} data-open={open || undefined}>
      {open ? (
        <div className="in-place-form" ref={box} role="group" aria-label={t('editingHeading', { name })}>
          {children(control)}
          <p className="form-actions">
            <button type="button" className="button-tertiary" onClick={control.close} data-testid="edit-cancel">
              {t('cancel')}
              <span className="visually-hidden"> {t('editingHeading', { name })}</span>
            </button>
          </p>
        </div>
      ) : (
        <button
          type="button"
          ref={button}
          className="button-small"
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
          data-testid="edit-open"
        >
          {t('editNamed')}
          <span className="visually-hidden"> {name}</span>
        </button>
      )}
      <StatusMessage message={done} />
    </div>
  );
}

/**
 * Editing one record of a table or grid at a time, with the form shown elsewhere than the button
 * (a row under the record, a panel under a timetable): which record is open, the button that opens
 * it, and closing that says what was saved and gives focus back to the (visible) button.
 */
export function useEditing() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [returnTo, setReturnTo] = useState<number | null>(null);
  useEffect(() => {
    if (editing !== null) document.querySelector<HTMLElement>(`[data-editing="${editing}"] :is(input:not([type=hidden]), select, textarea)`)?.focus();
  }, [editing]);
  useEffect(() => {
    if (returnTo === null) return;
    [...document.querySelectorAll<HTMLElement>(`[data-edit-open="${returnTo}"]`)].find((b) => b.offsetParent !== null)?.focus();
    setReturnTo(null);
  }, [returnTo]);
  const close = (message: string | null = null) => {
    setDone(message);
    setReturnTo(editing);
    setEditing(null);
  };
  /** The "수정" button of record `id` ("수정 <name>" for screen readers). */
  const button = (id: number, name: string, testId = 'edit-open') => (
    <button
      type="button"
      className="button-small"
      data-edit-open={id}
      data-testid={testId}
      aria-expanded={editing === id}
      onClick={() => {
        setDone(null);
        setEditing(id);
      }}
    >
      {t('editNamed')}
      <span className="visually-hidden"> {name}</span>
    </button>
  );
  /** The frame of the open form: labelled, marked for focus, with its 취소 button. */
  const frame = (id: number, name: string, form: ReactNode, testId = 'edit-panel') => (
    <div className="in-place-form" role="group" aria-label={t('editingHeading', { name })} data-editing={id} data-testid={testId}>
      {form}
      <p className="form-actions">
        <button type="button" className="button-tertiary" onClick={() => close()} data-testid="edit-cancel">
          {t('cancel')}
          <span className="visually-hidden"> {t('editingHeading', { name })}</span>
        </button>
      </p>
    </div>
  );
  return { editing, done, close, saved: (name: string) => close(t('savedNamed', { name })), button, frame };
}
