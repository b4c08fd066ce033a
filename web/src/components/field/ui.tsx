'use client';

import type { MouseEvent, ReactNode } from 'react';

/** Back to where the user came from when that is `back` (keeping its tab and scroll), else to `back`. */
function goBack(event: MouseEvent<HTMLAnchorElement>, back: string) {
  const from = document.referrer ? new URL(document.referrer) : undefined;
  if (from?.origin === window.location.origin && from.pathname === back && window.history.length > 1) {
    event.preventDefault();
    window.history.back();
  }
}

/** The blue bar on top of a phone page, with a way back when the page is not a tab, and room on the right (the bell). */
export function FieldBar({ title, back, extra }: { title: string; back?: string; extra?: ReactNode }) {
  return (
    <header className="f-bar">
      {back && (
        <a href={back} className="f-bar-back" aria-label="返回" onClick={(e) => goBack(e, back)} data-testid="m-back">
          ‹
        </a>
      )}
      <span className="f-bar-title">{title}</span>
      {extra}
    </header>
  );
}

/**
 * A labelled block of a form with its error under it. The error carries
 * `data-testid="<errorPrefix><name>"` (e.g. `m-intake-error-description`).
 */
export function FormRow({
  label,
  name,
  error,
  required,
  errorPrefix,
  htmlFor,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  required?: boolean;
  errorPrefix: string;
  htmlFor?: string;
  children: ReactNode;
}) {
  return (
    <div className="f-field" data-field={name}>
      {htmlFor ? (
        <label className="f-label" htmlFor={htmlFor}>
          {label}
          {required && <span className="f-req">*</span>}
        </label>
      ) : (
        <span className="f-label">
          {label}
          {required && <span className="f-req">*</span>}
        </span>
      )}
      {children}
      {error && (
        <p className="f-field-error" role="alert" data-testid={`${errorPrefix}${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Big radio buttons (a phone-sized radiogroup); each button is `data-testid="<testIdPrefix><value>"`. */
export function Choices<T extends string>({
  options,
  value,
  onChange,
  testIdPrefix,
  label,
  wide,
  allowClear,
}: {
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T | '';
  onChange: (value: T | '') => void;
  testIdPrefix: string;
  label: string;
  wide?: boolean;
  /** Tapping the chosen button again clears the choice (optional fields). */
  allowClear?: boolean;
}) {
  return (
    <div role="radiogroup" aria-label={label} className={wide ? 'f-choices f-choices-wide' : 'f-choices'}>
      {options.map((option) => {
        const checked = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={checked}
            className="f-choice"
            onClick={() => onChange(checked && allowClear ? '' : option.value)}
            data-testid={`${testIdPrefix}${option.value}`}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}

/** Loading, failure with a retry, or the page. */
export function Loading({ text = '正在加载…' }: { text?: string }) {
  return <p className="f-hint">{text}</p>;
}

export function Failure({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <>
      <p className="f-error" role="alert">
        {message}
      </p>
      {retry && (
        <button type="button" className="f-button f-button-secondary" onClick={retry}>
          重试
        </button>
      )}
    </>
  );
}
