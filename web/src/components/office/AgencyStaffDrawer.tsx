'use client';

import { Drawer } from 'antd';
import type { Agency } from '@beatlink/shared';
import { agencyStaffResource } from '../../resources/agencies';
import { ResourceTable } from './ResourceTable';

/** The staff accounts of one agency, in a drawer over the agencies table (loaded on demand). */
export default function AgencyStaffDrawer({ agency, onClose }: { agency: Agency; onClose(): void }) {
  return (
    <Drawer open size={960} title={`${agency.name} · 工作人员`} onClose={onClose} destroyOnHidden>
      <ResourceTable def={agencyStaffResource} title="工作人员" parentId={agency.id} bordered />
    </Drawer>
  );
}
