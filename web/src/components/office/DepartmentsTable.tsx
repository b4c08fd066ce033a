'use client';

import { departmentResource } from '../../resources/units';
import { ResourceTable } from './ResourceTable';
import { useDirectory } from './directory';

/** 局直单位: the bureau's HQ departments (contact officers are seconded from them). */
export function DepartmentsTable() {
  const { reload } = useDirectory();
  return <ResourceTable def={departmentResource} title="局直单位" onChanged={() => void reload()} />;
}
