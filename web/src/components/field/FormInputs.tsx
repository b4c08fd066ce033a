'use client';

import type { ReactNode } from 'react';
import type { VillageOption } from '../../lib/field/reach';
import { FormRow } from './ui';

/**
 * A labelled text input or textarea in a `FormRow`, with its error under it: the input is
 * `id`/`data-testid` `<prefix><name>`, the error `<prefix>error-<name>` (e.g. `m-collect-person-name`,
 * `m-collect-error-person-name`).
 */
export function TextRow({
  prefix,
  name,
  label,
  value,
  onChange,
  error,
  required,
  multiline,
  type,
  inputMode,
  placeholder,
  hint,
}: {
  prefix: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'tel' | 'number' | 'date' | 'datetime-local';
  inputMode?: 'text' | 'tel' | 'numeric';
  placeholder?: string;
  hint?: ReactNode;
}) {
  const id = `${prefix}${name}`;
  const className = (base: string) => (error ? `${base} f-invalid` : base);
  return (
    <FormRow label={label} name={name} required={required} error={error} errorPrefix={`${prefix}error-`} htmlFor={id}>
      {multiline ? (
        <textarea id={id} className={className('f-textarea')} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} data-testid={id} />
      ) : (
        <input
          id={id}
          className={className('f-input')}
          type={type ?? 'text'}
          inputMode={inputMode}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          autoComplete="off"
          data-testid={id}
        />
      )}
      {hint && <div className="f-muted">{hint}</div>}
    </FormRow>
  );
}

/** Toggle buttons for a set of values (tags): `role="checkbox"`, each `data-testid="<testIdPrefix><value>"`. */
export function ToggleChips<T extends string>({
  options,
  value,
  onToggle,
  label,
  testIdPrefix,
}: {
  options: ReadonlyArray<{ value: T; label: string }>;
  value: readonly T[];
  onToggle: (value: T) => void;
  label: string;
  testIdPrefix: string;
}) {
  return (
    <div role="group" aria-label={label} className="f-choices">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="checkbox"
          aria-checked={value.includes(option.value)}
          className="f-choice"
          onClick={() => onToggle(option.value)}
          data-testid={`${testIdPrefix}${option.value}`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** The village a form is about, from the villages in reach (one village: chosen already). */
export function villageName(villages: readonly VillageOption[], id: string): string {
  return villages.find((v) => v.id === id)?.name ?? '';
}
