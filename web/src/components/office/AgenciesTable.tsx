'use client';

import dynamic from 'next/dynamic';
import { useCallback, useState } from 'react';
import { Button } from 'antd';
import type { Agency } from '@beatlink/shared';
import { agencyResource } from '../../resources/agencies';
import { ResourceTable } from './ResourceTable';

const AgencyStaffDrawer = dynamic(() => import('./AgencyStaffDrawer'), { ssr: false });

/** 综治成员单位 and, per agency, its staff accounts. */
export function AgenciesTable() {
  const [agency, setAgency] = useState<Agency>();
  const staffAction = useCallback(
    (record: Agency) => (
      <Button type="link" size="small" onClick={() => setAgency(record)} data-testid={`agency-staff-${record.id}`}>
        工作人员
      </Button>
    ),
    [],
  );
  return (
    <>
      <ResourceTable def={agencyResource} title="综治成员单位" rowActions={staffAction} />
      {agency && <AgencyStaffDrawer agency={agency} onClose={() => setAgency(undefined)} />}
    </>
  );
}
