'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { InitialCredentials, RecordMeta } from '@beatlink/shared';
import type { FormValues, ResourceDef } from '../../resources/model';
import type { Editing } from './ResourceEditorHost';

const loadHost = () => import('./ResourceEditorHost');
const ResourceEditorHost = dynamic(loadHost, { ssr: false });

export interface ResourceEditor {
  create(def: ResourceDef<RecordMeta>, options?: { preset?: FormValues; parentId?: string }): void;
  edit(def: ResourceDef<RecordMeta>, record: RecordMeta, parentId?: string): void;
  deactivate(def: ResourceDef<RecordMeta>, record: RecordMeta & { name?: string }): void;
  /** The drawer / modals to render. */
  element: ReactNode;
}

/**
 * Create, edit and deactivate for any resource, in one place: the tree page and every table
 * open the same form. `onChanged` runs after a save, a deactivation or a version conflict.
 * `writable`: the user may write, so the form's code is fetched once the page is idle.
 */
export function useResourceEditor(
  onChanged: (saved?: { def: ResourceDef<RecordMeta>; record: FormValues }) => void,
  writable: boolean,
): ResourceEditor {
  const [editing, setEditing] = useState<Editing>();
  const [credentials, setCredentials] = useState<InitialCredentials>();
  const close = useCallback(() => setEditing(undefined), []);

  useEffect(() => {
    if (!writable) return;
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1500));
    idle(() => void loadHost());
  }, [writable]);

  const create = useCallback<ResourceEditor['create']>((def, options) => {
    setEditing({ kind: 'form', def, mode: 'create', initial: options?.preset, parentId: options?.parentId });
  }, []);
  const edit = useCallback<ResourceEditor['edit']>((def, record, parentId) => {
    setEditing({ kind: 'form', def, mode: 'edit', initial: record as unknown as FormValues, parentId });
  }, []);
  const deactivate = useCallback<ResourceEditor['deactivate']>((def, record) => setEditing({ kind: 'deactivate', def, record }), []);

  const element =
    editing || credentials ? (
      <ResourceEditorHost
        editing={editing}
        credentials={credentials}
        onClose={close}
        onSaved={(def, result) => {
          close();
          const issued = (result as { credentials?: InitialCredentials }).credentials;
          if (def.createsAccount && issued) setCredentials(issued);
          onChanged({ def, record: result });
        }}
        onDeactivated={() => {
          close();
          onChanged();
        }}
        onConflict={() => {
          close();
          onChanged();
        }}
        onCredentialsClosed={() => setCredentials(undefined)}
      />
    ) : null;

  return { create, edit, deactivate, element };
}
