'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { Button } from 'antd';

const RevealDialog = dynamic(() => import('../RevealDialog'), { ssr: false });

export interface MaskedFieldProps {
  /** The masked value as the API answered it (`138****1111`). */
  masked?: string;
  /** The field sent to the reveal route, and the test id of the button (`reveal-<field>`). */
  field: string;
  fieldLabel: string;
  who: string;
  /** The reveal route of the record. */
  path: string;
  /** Whether the user's roles may reveal (registry.reveal / intel.reveal); the button is hidden otherwise. */
  canReveal: boolean;
}

/** A masked ID number or phone with its 查看 button (households and information records). */
export function MaskedField({ masked, field, fieldLabel, who, path, canReveal }: MaskedFieldProps) {
  const [open, setOpen] = useState(false);
  if (!masked) return <span className="muted">—</span>;
  return (
    <span className="masked-field">
      <span className="masked-value">{masked}</span>
      {canReveal && (
        <Button size="small" type="link" onClick={() => setOpen(true)} data-testid={`reveal-${field}`}>
          查看
        </Button>
      )}
      {open && <RevealDialog path={path} field={field} fieldLabel={fieldLabel} who={who} masked={masked} onClose={() => setOpen(false)} />}
    </span>
  );
}
