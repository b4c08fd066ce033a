'use client';

import type { InitialCredentials, RecordMeta } from '@beatlink/shared';
import type { FormMode, FormValues, ResourceDef } from '../../resources/model';
import { CredentialsModal } from './CredentialsModal';
import { DeactivateModal } from './DeactivateModal';
import { ResourceForm } from './ResourceForm';

export type Editing =
  | { kind: 'form'; def: ResourceDef<RecordMeta>; mode: FormMode; initial?: FormValues; parentId?: string }
  | { kind: 'deactivate'; def: ResourceDef<RecordMeta>; record: RecordMeta & { name?: string } };

export interface ResourceEditorHostProps {
  editing?: Editing;
  credentials?: InitialCredentials;
  onClose(): void;
  onSaved(def: ResourceDef<RecordMeta>, result: FormValues): void;
  onDeactivated(): void;
  onConflict(): void;
  onCredentialsClosed(): void;
}

/**
 * The form and modals of useResourceEditor. Loaded on demand: they carry antd's Form, Drawer and
 * Modal and the zod schemas, which no page needs before the user opens a form.
 */
export default function ResourceEditorHost({ editing, credentials, onClose, onSaved, onDeactivated, onConflict, onCredentialsClosed }: ResourceEditorHostProps) {
  return (
    <>
      {editing?.kind === 'form' && (
        <ResourceForm
          def={editing.def}
          mode={editing.mode}
          initial={editing.initial}
          parentId={editing.parentId}
          onClose={onClose}
          onConflict={onConflict}
          onSaved={(result) => onSaved(editing.def, result)}
        />
      )}
      {editing?.kind === 'deactivate' && <DeactivateModal def={editing.def} record={editing.record} onClose={onClose} onDone={onDeactivated} />}
      {credentials && <CredentialsModal credentials={credentials} onClose={onCredentialsClosed} />}
    </>
  );
}
