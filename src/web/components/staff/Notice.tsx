/**
 * Messages after a form was sent. An error is an alert (inserted → announced at once; it can
 * take focus so keyboard users land on it); a success goes into a polite status region that
 * is always present, so its text changes are announced too.
 */
import { useEffect, useRef } from 'react';

export function FormAlert({ message, focus = false }: { message: string | null; focus?: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message && focus) ref.current?.focus();
  }, [message, focus]);
  if (!message) return null;
  return (
    <p className="form-alert" role="alert" tabIndex={-1} ref={ref} data-testid="form-alert">
      {message}
    </p>
  );
}

export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p className="form-status" role="status" data-testid="form-status">
      {message}
    </p>
  );
}
