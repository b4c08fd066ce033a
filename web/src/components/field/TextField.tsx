import type { InputHTMLAttributes } from 'react';

/** A labelled input of the field pages (no antd there): label above, full width, phone-sized. */
export function TextField({
  label,
  onValue,
  testId,
  ...input
}: { label: string; onValue: (value: string) => void; testId: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'>) {
  return (
    <label className="f-field">
      <span>{label}</span>
      <input className="f-input" {...input} onChange={(e) => onValue(e.target.value)} data-testid={testId} />
    </label>
  );
}
