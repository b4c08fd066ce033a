import type { ReactNode } from 'react';

/** A labelled input with a hint and its error under it (antd Form would be more than these dialogs need). */
export function Field({ label, error, hint, children, testId }: { label: ReactNode; error?: string; hint?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="integ-field" data-testid={testId}>
      <span className="integ-field-label">{label}</span>
      {children}
      {hint && <span className="integ-field-hint">{hint}</span>}
      {error && (
        <span className="integ-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </span>
      )}
    </div>
  );
}
