/**
 * A native <progress> (role progressbar, no inline styles, so the CSP is happy) with a visible
 * figure beside it. `label` names the bar for screen readers; the figure repeats the value.
 */
import { formatRate } from '../format.ts';

interface ProgressBarProps {
  value: number | null | undefined;
  label: string;
  testId?: string;
  className?: string;
  /** An action's progress is a whole percent; rates have one decimal. */
  whole?: boolean;
}

export function ProgressBar({ value, label, testId, className, whole = false }: ProgressBarProps) {
  const known = value !== null && value !== undefined;
  return (
    <span className={`progress${className ? ` ${className}` : ''}`} data-testid={testId} data-value={known ? value : undefined}>
      <progress max={100} value={known ? Math.max(0, Math.min(100, value)) : undefined} aria-label={label} />
      <span className="progress-figure" aria-hidden="true">
        {whole && known ? `${value}%` : formatRate(value)}
      </span>
    </span>
  );
}
