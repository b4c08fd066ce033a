'use client';

import Link from 'next/link';
import { Drawer } from 'antd';
import { MatterDetailView } from './MatterDetailView';

/** The matter detail in a drawer over a list (the agency workspace): the very same view as /matters/view. */
export default function MatterDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged?: () => void }) {
  return (
    <Drawer
      open
      size="min(1200px, 92vw)"
      title="事项详情"
      onClose={onClose}
      destroyOnHidden
      extra={<Link href={`/matters/view?id=${encodeURIComponent(id)}&from=agency`}>在新页面打开</Link>}
      data-testid="matter-drawer"
    >
      <MatterDetailView key={id} id={id} onChanged={onChanged} />
    </Drawer>
  );
}
