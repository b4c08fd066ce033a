'use client';

import { officerResource } from '../../resources/officers';
import { ResourceTable } from './ResourceTable';
import { useDirectory } from './directory';

/** 民警管理: officers, filtered by role / station / department. */
export function OfficersTable() {
  const { reload } = useDirectory();
  // Assignments show in the organisation tree, so a change here reloads it.
  return <ResourceTable def={officerResource} title="民警管理" onChanged={() => void reload()} />;
}
